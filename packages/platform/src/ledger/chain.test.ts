import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, canonicalRow, chainHash, extendChain, verifyChain, type LedgerRecord, type LedgerRow } from "./chain.js";

const text = fc.string({ unit: "binary", maxLength: 12 });
const details = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const content = fc.record({
  actor: text,
  action: text,
  subject: text,
  from: text,
  to: text,
  reason: text,
  details,
  recordedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace("Z", "123Z")),
});

/** A chain as the database would hold it: seq increasing (with gaps, as other chains interleave). */
const chain = fc
  .tuple(text, text, fc.array(content, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }))
  .map(([region, chainId, contents, steps]): LedgerRow[] => {
    let seq = 0;
    return extendChain(
      undefined,
      contents.map((c, index) => ({ ...c, region, chainId, seq: String((seq += steps[index]!)) })),
    );
  });

type Field = Exclude<keyof LedgerRow, "seq">;
const fields: Field[] = ["region", "chainId", "position", "actor", "action", "subject", "from", "to", "reason", "details", "recordedAt", "prevHash", "hash"];

/** A different value for one field of a row: every change is one an attacker could make. */
function tamper(row: LedgerRow, field: Field): LedgerRow {
  switch (field) {
    case "position":
      return { ...row, position: row.position + 1 };
    case "details":
      return { ...row, details: { tampered: row.details } };
    default:
      return { ...row, [field]: `${row[field]}x` };
  }
}

describe("verifyChain", () => {
  it("passes every untouched chain, and the empty one", () => {
    expect(verifyChain([])).toEqual({ ok: true, rows: 0 });
    fc.assert(
      fc.property(chain, (rows) => {
        expect(verifyChain(rows)).toEqual({ ok: true, rows: rows.length });
        expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
        expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
      }),
    );
  });

  it("names exactly the row whose field was changed", () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.constantFrom(...fields), (rows, pick, field) => {
        const index = pick % rows.length;
        const tampered = rows.map((row, i) => (i === index ? tamper(row, field) : row));
        const reason = field === "position" ? "position_gap" : field === "prevHash" ? "prev_hash_mismatch" : "hash_mismatch";
        expect(verifyChain(tampered)).toEqual({
          ok: false,
          rows: rows.length,
          firstBroken: { position: tampered[index]!.position, seq: rows[index]!.seq, reason },
        });
      }),
    );
  });

  it("names the row after a deleted one; a deleted last row is the truncation a chain cannot see", () => {
    fc.assert(
      fc.property(chain, fc.nat(), (rows, pick) => {
        const index = pick % rows.length;
        const remaining = rows.filter((_, i) => i !== index);
        if (index === rows.length - 1) {
          expect(verifyChain(remaining)).toEqual({ ok: true, rows: remaining.length });
        } else {
          expect(verifyChain(remaining)).toEqual({
            ok: false,
            rows: remaining.length,
            firstBroken: { position: rows[index + 1]!.position, seq: rows[index + 1]!.seq, reason: "position_gap" },
          });
        }
      }),
    );
  });

  it("catches a row rewritten with a fresh hash, at the row after it", () => {
    fc.assert(
      fc.property(
        chain.filter((rows) => rows.length >= 2),
        fc.nat(),
        (rows, pick) => {
          // An attacker who rehashes the row they changed breaks the link from the next row.
          const index = pick % (rows.length - 1);
          const changed = { ...rows[index]!, reason: `${rows[index]!.reason}x` };
          const rehashed = { ...changed, hash: chainHash(changed.prevHash, changed) };
          const tampered = rows.map((row, i) => (i === index ? rehashed : row));
          const verification = verifyChain(tampered);
          expect(verification).toEqual({
            ok: false,
            rows: rows.length,
            firstBroken: { position: index + 2, seq: rows[index + 1]!.seq, reason: "prev_hash_mismatch" },
          });
        },
      ),
    );
  });

  it("continues a chain from its tail exactly as building it in one go", () => {
    fc.assert(
      fc.property(chain, fc.nat(), (rows, pick) => {
        const split = pick % (rows.length + 1);
        const records = rows.map(({ position: _p, prevHash: _ph, hash: _h, ...rest }) => rest);
        const head = extendChain(undefined, records.slice(0, split));
        const tail = extendChain(split === 0 ? undefined : { position: split, hash: head[split - 1]!.hash }, records.slice(split));
        expect([...head, ...tail]).toEqual(rows);
      }),
    );
  });
});

describe("canonical form", () => {
  const record: LedgerRecord = {
    region: "hanbin",
    chainId: "case:7f1c0d1e-0000-4000-8000-000000000001",
    position: 1,
    actor: "user:u-1",
    action: "item.approved",
    subject: "item-1",
    from: "in_review",
    to: "approved",
    reason: "材料齐全",
    details: { z: 1, a: [true, null, { y: "2", b: 0.5 }] },
    recordedAt: "2025-03-01T08:15:30.123456Z",
  };

  it("is fixed: changing it would invalidate every stored chain", () => {
    expect(canonicalRow(record)).toBe(
      '{"action":"item.approved","actor":"user:u-1","chainId":"case:7f1c0d1e-0000-4000-8000-000000000001",' +
        '"details":{"a":[true,null,{"b":0.5,"y":"2"}],"z":1},"from":"in_review","position":1,"reason":"材料齐全",' +
        '"recordedAt":"2025-03-01T08:15:30.123456Z","region":"hanbin","subject":"item-1","to":"approved"}',
    );
    expect(chainHash(GENESIS_HASH, record)).toBe("d94895d375e979279fe201aaace0a9b9b35fa539f49d473aba4685d8bb8cc783");
  });

  it("does not depend on the order keys were written in", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reversed = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(reversed)
            : typeof v === "object" && v !== null
              ? Object.fromEntries(Object.entries(v).reverse().map(([k, m]) => [k, reversed(m)]))
              : v;
        expect(canonicalJson(reversed(value))).toBe(canonicalJson(value));
        // and it is JSON that means the same value
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("refuses what is not JSON data instead of dropping it", () => {
    for (const value of [undefined, Number.NaN, Infinity, 1n, new Date(0), () => 1, { a: undefined }, [undefined]]) {
      expect(() => canonicalJson(value), String(value)).toThrow(TypeError);
    }
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":-0}'))).toBe('{"__proto__":{"x":1},"a":0}');
  });
});
