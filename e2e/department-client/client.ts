/**
 * A department approval system, as a standalone program: it watches the department's assignments,
 * accepts and approves every item routed to it, and survives disconnects (its own restarts and the
 * routing service's) by resuming from the last cursor it persisted.
 *
 *   DEPARTMENT_CLIENT_TOKEN=<jwt> node --import tsx e2e/department-client/client.ts \
 *     --address-file /tmp/routing.addr --department zrzy --state /tmp/zrzy.state.json \
 *     --log /tmp/zrzy.log.jsonl --target 30 --max-ms 60000
 *
 * --address host:port may replace --address-file; the file is re-read before every (re)connect so
 * a routing service restarted on another port is found. Every message received is appended to the
 * log as one JSON line {conn, itemId, itemCode, department, state, cursor}; the cursor is saved
 * after each. Exit codes: 0 when --target distinct items were seen APPROVED, 2 when --max-ms
 * passed first, 3 when --max-retries consecutive connection attempts failed, 4 when the stream
 * was refused for good (PERMISSION_DENIED, INVALID_ARGUMENT…).
 */
import { appendFileSync, existsSync, readFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client, credentials, status, type ServiceError } from "@grpc/grpc-js";
import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { openServerStream } from "./stream.js";

export interface LogLine {
  /** The connection (process id and attempt) the message arrived on. */
  conn: string;
  itemId: string;
  itemCode: string;
  department: string;
  state: string;
  cursor: string;
  at: string;
}

const { values: args } = parseArgs({
  options: {
    address: { type: "string" },
    "address-file": { type: "string" },
    department: { type: "string" },
    state: { type: "string" },
    log: { type: "string" },
    target: { type: "string" },
    "max-ms": { type: "string", default: "60000" },
    "max-retries": { type: "string", default: "200" },
  },
});
const token = process.env.DEPARTMENT_CLIENT_TOKEN ?? "";
const department = args.department ?? "";
const statePath = args.state ?? "";
const logPath = args.log ?? "";
const target = Number(args.target);
const endAt = Date.now() + Number(args["max-ms"]);
const maxRetries = Number(args["max-retries"]);
if (!token || !department || !statePath || !logPath || !(target > 0) || !(args.address || args["address-file"])) {
  process.stderr.write("usage: DEPARTMENT_CLIENT_TOKEN=… client.ts (--address A | --address-file F) --department D --state S --log L --target N [--max-ms T] [--max-retries R]\n");
  process.exit(64);
}

const say = (event: string, fields: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, pid: process.pid, ...fields })}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, endAt - Date.now()))));
const stateName = (state: routingV1.ItemState) => routingV1.itemStateToJSON(state).replace(/^ITEM_STATE_/, "");

/**
 * What earlier runs left: the cursor and the items seen approved. The log is written before the
 * state file, so a run killed between the two has a log one message ahead: its last line wins.
 * A torn last line (killed mid-append) is cut off; that message is simply received again.
 */
function recover(): { cursor: string; approved: Set<string> } {
  const approved = new Set<string>();
  let cursor = existsSync(statePath) ? ((JSON.parse(readFileSync(statePath, "utf8")) as { cursor?: string }).cursor ?? "") : "";
  if (!existsSync(logPath)) return { cursor, approved };
  const text = readFileSync(logPath, "utf8");
  let intact = 0;
  let last: LogLine | undefined;
  for (const line of text.split("\n")) {
    if (!line) break;
    try {
      last = JSON.parse(line) as LogLine;
    } catch {
      break;
    }
    intact += Buffer.byteLength(line) + 1;
    if (last.state === "APPROVED") approved.add(last.itemId);
  }
  if (intact < Buffer.byteLength(text)) truncateSync(logPath, intact);
  if (last) cursor = last.cursor;
  return { cursor, approved };
}

function saveCursor(cursor: string): void {
  // Written whole or not at all: a kill mid-write leaves the previous state.
  writeFileSync(`${statePath}.tmp`, JSON.stringify({ cursor }));
  renameSync(`${statePath}.tmp`, statePath);
}

const address = () => (args["address-file"] ? readFileSync(args["address-file"], "utf8").trim() : args.address!);
/** Worth reconnecting for: the service went away or the call could not complete. */
const transient = (error: ServiceError) => [status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.CANCELLED, status.INTERNAL, status.UNKNOWN, status.RESOURCE_EXHAUSTED].includes(error.code);

let gateway: { address: string; client: PromiseClient<typeof routingV1.DepartmentGatewayServiceService> } | undefined;
function gatewayAt(at: string) {
  if (gateway?.address !== at) {
    gateway?.client.close();
    gateway = { address: at, client: createClient(routingV1.DepartmentGatewayServiceService, { address: at, token: () => token, defaultDeadlineMs: 5000 }) };
  }
  return gateway.client;
}

/** Accepts and approves a routed item. Request ids come from the item, so a replay is a no-op. */
async function handle(at: string, item: routingV1.CaseItem): Promise<void> {
  const client = gatewayAt(at);
  try {
    await client.acceptItem({ itemId: item.id, requestId: `accept-${item.id}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    await client.decideItem({ itemId: item.id, requestId: `approve-${item.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全，准予许可", documentRefs: [`${item.itemCode}-${item.id.slice(0, 8)}`] });
  } catch (error) {
    if (transient(error as ServiceError)) throw error;
    // A refusal will not change on a retry: note it and go on.
    say("action.refused", { itemId: item.id, code: (error as ServiceError).code, details: (error as ServiceError).details });
  }
}

async function main(): Promise<number> {
  const recovered = recover();
  const approved = recovered.approved;
  let cursor = recovered.cursor;
  say("client.started", { cursor, approved: approved.size });
  let failures = 0;
  for (let attempt = 1; Date.now() < endAt; attempt++) {
    if (approved.size >= target) break;
    if (failures >= maxRetries) return 3;
    const conn = `${process.pid}-${attempt}`;
    let at: string;
    try {
      at = address();
    } catch {
      failures++;
      await sleep(Math.min(50 * 2 ** failures, 1000));
      continue;
    }
    const channel = new Client(at, credentials.createInsecure());
    const stream = openServerStream(channel, routingV1.DepartmentGatewayServiceService.watchAssignments, { cursor, fromNow: false }, { token, deadline: endAt });
    say("stream.open", { conn, address: at, cursor });
    try {
      for await (const message of stream) {
        failures = 0;
        const item = message.item!;
        if (item.state === routingV1.ItemState.ITEM_STATE_ROUTED && item.departmentCode === department) await handle(at, item);
        const line: LogLine = { conn, itemId: item.id, itemCode: item.itemCode, department: item.departmentCode, state: stateName(item.state), cursor: message.cursor, at: new Date().toISOString() };
        appendFileSync(logPath, `${JSON.stringify(line)}\n`);
        saveCursor(message.cursor);
        cursor = message.cursor;
        if (item.state === routingV1.ItemState.ITEM_STATE_APPROVED) approved.add(item.id);
        if (approved.size >= target) {
          stream.cancel();
          break;
        }
      }
    } catch (error) {
      const failure = error as ServiceError;
      stream.cancel();
      if (failure.code !== undefined && !transient(failure)) {
        say("stream.refused", { conn, code: failure.code, details: failure.details });
        channel.close();
        return 4;
      }
      failures++;
      say("stream.lost", { conn, code: failure.code, details: failure.details ?? String(error) });
    } finally {
      channel.close();
    }
    if (approved.size < target) await sleep(Math.min(50 * 2 ** failures, 1000));
  }
  gateway?.client.close();
  say("client.finished", { approved: approved.size, target, cursor });
  return approved.size >= target ? 0 : 2;
}

// Exit explicitly: nothing that is still open (a channel being torn down) should keep it running.
process.exit(await main());
