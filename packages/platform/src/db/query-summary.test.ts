import { describe, expect, it } from "vitest";
import { QuerySummaries, summarizeQuery } from "./query-summary.js";

describe("summarizeQuery", () => {
  it.each([
    ["select 1", "SELECT", "SELECT"],
    ["select * from case_items where region = $1 and id = $2 for update", "SELECT case_items", "SELECT"],
    ["select i.*, c.project_id from case_items i join cases c on c.id = i.case_id where i.id = $1 for update of i", "SELECT case_items cases", "SELECT"],
    ["select seq from outbox where published_at is null order by seq limit $1 for update skip locked", "SELECT outbox", "SELECT"],
    [
      "update outbox set published_at = now() where seq in (select seq from outbox where published_at is null order by seq limit $1 for update skip locked) returning seq",
      "UPDATE outbox SELECT outbox",
      "UPDATE",
    ],
    ["insert into inbox (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id", "INSERT inbox", "INSERT"],
    ["insert into cases (id) values ($1) on conflict (region, plan_id) do update set status = 'open'", "INSERT cases", "INSERT"],
    ["delete from outbox where published_at < now() - make_interval(hours => $1)", "DELETE outbox", "DELETE"],
    [
      "insert into forward_reports (region, state) select f.region, r.state from forwarded_items f, jsonb_to_recordset($1) as r(state text)",
      "INSERT forward_reports SELECT forwarded_items",
      "INSERT",
    ],
    ['with lit as (select department_code from "case_items" where x) select * from lit full join escalated e on true', "SELECT case_items SELECT lit escalated", "SELECT"],
    ["begin isolation level serializable", "BEGIN", "BEGIN"],
    ["commit", "COMMIT", "COMMIT"],
  ])("%s → %s", (sql, summary, operation) => {
    expect(summarizeQuery(sql)).toEqual({ summary, operation });
  });

  it("never keeps a literal, a comment or a dollar-quoted body, even one written into the text", () => {
    const summary = summarizeQuery(
      "select * /* 张三 13800138000 */ from projects -- contact 13912345678\n where contact_name = '王经理' and body = $x$ secret $x$ and phone = $1",
    ).summary;
    expect(summary).toBe("SELECT projects");
  });

  it("keeps a summary within 255 characters, cut between words", () => {
    const sql = Array.from({ length: 60 }, (_, i) => `insert into table_number_${i} values ($1)`).join("; ");
    const { summary } = summarizeQuery(sql);
    expect(summary.length).toBeLessThanOrEqual(255);
    expect(summary.endsWith(" ")).toBe(false);
    expect(summary.split(" ").every((word) => word === "INSERT" || /^table_number_\d+$/.test(word))).toBe(true);
  });

  it("caches summaries and stays bounded", () => {
    const summaries = new QuerySummaries(3);
    const first = summaries.of("select 1");
    expect(summaries.of("select 1")).toBe(first);
    for (let i = 0; i < 10; i++) summaries.of(`select * from t${i}`);
    expect(summaries.of("select * from t9")).toEqual({ summary: "SELECT t9", operation: "SELECT" });
  });
});
