import { randomUUID } from "node:crypto";
import { status, type ServiceError } from "@grpc/grpc-js";
import type { Sql } from "@steward/platform/db";
import { errorInfoOf, fieldViolationsOf } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { uniqueRegion } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServers, failure, submit, type Gateway, type RegionServer, type TestServers } from "../test-server.js";

const { DECISION_APPROVE, DECISION_REJECT } = routingV1.Decision;
const normal = routingV1.ProcessingMode.PROCESSING_MODE_NORMAL;

/** What a client can tell about a refusal: its code, message, ErrorInfo and BadRequest fields. */
const refusalOf = (source: ServiceError | routingV1.ItemResult) => {
  if ("status" in source) {
    const entry = source.status!;
    return { code: entry.code, message: entry.message, info: errorInfoOf(entry), fields: fieldViolationsOf(entry) };
  }
  return { code: source.code, message: source.details, info: errorInfoOf(source), fields: fieldViolationsOf(source) };
};

describe("the department gateway's batch calls (AcceptItems, DecideItems)", () => {
  let servers: TestServers;
  let sql: Sql;
  let home: RegionServer;
  let zrzy: Gateway;

  const ledgerRows = async (subject: string, action: string) => Number((await sql`select count(*)::int as n from ledger where subject = ${subject} and action = ${action}`)[0]!.n);
  const zrzyItems = async (count: number) => Promise.all(Array.from({ length: count }, async () => (await submit(home, ["ZRZY-YDYS"])).items.get("ZRZY-YDYS")!));

  beforeAll(async () => {
    servers = await createTestServers("gateway_batch", { watchPollMs: 10_000 });
    sql = servers.sql;
    home = await servers.startRegion(uniqueRegion("gb"));
    zrzy = await home.gateway("zrzy");
  });

  afterAll(async () => {
    await servers?.close();
  });

  it("settles every entry on its own, in entry order: the accepted ones, and each refusal exactly as its single call answers it", async () => {
    const [a, b, c] = await zrzyItems(3);
    const theirs = (await submit(home, ["STHJ-HPB"])).items.get("STHJ-HPB")!;
    const accepted = await zrzy.acceptItems({
      entries: [a!, b!, c!].map((item) => ({ itemId: item.id, requestId: `accept-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" })),
    });
    expect(accepted.results.map((result) => [result.status?.code, result.item?.state])).toEqual([
      [status.OK, routingV1.ItemState.ITEM_STATE_IN_REVIEW],
      [status.OK, routingV1.ItemState.ITEM_STATE_IN_REVIEW],
      [status.OK, routingV1.ItemState.ITEM_STATE_IN_REVIEW],
    ]);

    const decide = (itemId: string, requestId: string, decision = DECISION_APPROVE, reason = ""): routingV1.DecideItemRequest => ({ itemId, requestId, decision, reason, documentRefs: [] });
    const entries = [
      decide(a!.id, `approve-${a!.id}`),
      decide("not-a-uuid", "bad-id"),
      // Another department's item: not found, as for the single call.
      decide(theirs.id, `approve-${theirs.id}`),
      decide(c!.id, `reject-${c!.id}`, DECISION_REJECT),
      // An id this department used to accept b: reused for another request.
      decide(b!.id, `accept-${b!.id}`),
      decide(c!.id, `approve-${c!.id}`),
    ];
    const { results } = await zrzy.decideItems({ entries });
    expect(results).toHaveLength(entries.length);
    expect(results.map((result) => result.status?.code)).toEqual([status.OK, status.INVALID_ARGUMENT, status.NOT_FOUND, status.INVALID_ARGUMENT, status.ALREADY_EXISTS, status.OK]);
    expect(results[0]!.item).toMatchObject({ id: a!.id, state: routingV1.ItemState.ITEM_STATE_APPROVED });
    expect(results[5]!.item).toMatchObject({ id: c!.id, state: routingV1.ItemState.ITEM_STATE_APPROVED });
    expect(refusalOf(results[4]!).info).toEqual({ reason: "REQUEST_ID_REUSED", domain: "steward.gov", metadata: { requestId: `accept-${b!.id}` } });
    for (const index of [1, 2, 3, 4]) {
      expect(results[index]!.item, `entry ${index}`).toBeUndefined();
      expect(refusalOf(results[index]!), `entry ${index}`).toEqual(refusalOf(await failure(zrzy.decideItem(entries[index]!))));
    }
    expect(await ledgerRows(b!.id, "item.approve")).toBe(0);
    expect(await ledgerRows(c!.id, "item.reject")).toBe(0);
  });

  it("makes an entry retried later a repeat, whether in a batch or as the single call", async () => {
    const [item] = await zrzyItems(1);
    const entry = { itemId: item!.id, requestId: `accept-${randomUUID()}`, mode: normal, missingMaterials: [], commitmentRef: "" };
    const first = (await zrzy.acceptItems({ entries: [entry] })).results[0]!;
    const again = (await zrzy.acceptItems({ entries: [entry, entry] })).results;
    const single = await zrzy.acceptItem(entry);
    expect([first, ...again].map((result) => result.status?.code)).toEqual([status.OK, status.OK, status.OK]);
    expect([first.item?.state, ...again.map((result) => result.item?.state), single.item?.state]).toEqual(Array(4).fill(routingV1.ItemState.ITEM_STATE_IN_REVIEW));
    expect(await ledgerRows(item!.id, "item.accept")).toBe(1);
  });

  it("refuses a call of no entries or of more than 100 with INVALID_ARGUMENT naming entries, and writes nothing", async () => {
    const [item] = await zrzyItems(1);
    const entry = (requestId: string) => ({ itemId: item!.id, requestId, mode: normal, missingMaterials: [], commitmentRef: "" });
    for (const entries of [[], Array.from({ length: 101 }, (_, index) => entry(`too-many-${index}`))]) {
      const error = await failure(zrzy.acceptItems({ entries }));
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(error).map((violation) => violation.field)).toEqual(["entries"]);
    }
    expect(await ledgerRows(item!.id, "item.accept")).toBe(0);
  });
});
