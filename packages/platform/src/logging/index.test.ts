import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { TracerProvider as BasicTracerProvider } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { memoryLogger } from "./index.js";

const capture = () => memoryLogger({ service: "intake", region: "hanbin", level: "info" });

describe("logger", () => {
  it("redacts personal fields at any depth and scrubs phone and ID numbers from text", () => {
    const { logger, lines } = capture();
    logger.info({ contactPhone: "13800138000", project: { contact: { phone: "13912345678" } } }, "called 13800138000 for 610902199001011234");
    const line = lines[0]!;
    const text = JSON.stringify(line);
    expect(text).not.toContain("13800138000");
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("610902199001011234");
    expect(line.msg).toBe("called [phone] for [id-number]");
    expect(line.contactPhone).toBe("[redacted]");
  });

  it("redacts the people of complaints, 12345 tickets, enterprises and signings", () => {
    const { logger, lines } = capture();
    logger.info(
      { ticket: { callerName: "赵六", callerPhone: "13700001111" }, complaint: { complainantName: "钱七", complainantPhone: "13600002222" }, enterprise: { legalRepresentative: "孙八", contacts: { idNumber: "610902199001011234" } }, signing: { enterpriseSignatory: "周九" } },
      "received",
    );
    const text = JSON.stringify(lines[0]);
    for (const personal of ["赵六", "13700001111", "钱七", "13600002222", "孙八", "610902199001011234", "周九"]) expect(text).not.toContain(personal);
  });

  it("redacts a personal key at any depth, in arrays, in errors and in a child's bindings", () => {
    const { logger, lines } = capture();
    const deep = { a: { b: { c: { d: { e: { phone: "13500001111", contactName: "吴十" } } } } } };
    const error = Object.assign(new Error("lookup failed"), { idNumber: "610902199001011234" });
    logger.info({ deep, list: [{ callerName: "郑一" }, [{ mobile: "13500002222" }]], err: error }, "nested");
    logger.child({ rpc: "Register", contactPhone: "13500003333", who: { legalRepresentative: "王二" } }).child({ complainantName: "冯三" }).info("from a child");
    const text = JSON.stringify(lines);
    for (const personal of ["13500001111", "吴十", "郑一", "13500002222", "610902199001011234", "13500003333", "王二", "冯三"]) expect(text).not.toContain(personal);
    expect((lines[0]!.deep as { a: { b: { c: { d: { e: Record<string, unknown> } } } } }).a.b.c.d.e).toEqual({ phone: "[redacted]", contactName: "[redacted]" });
    expect(lines[1]).toMatchObject({ rpc: "Register", contactPhone: "[redacted]", complainantName: "[redacted]", msg: "from a child" });
  });

  it("writes nothing nested deeper than it reads: such an object is replaced whole", () => {
    const { logger, lines } = capture();
    let nested: Record<string, unknown> = { note: "13500004444", whoever: "卫四" };
    for (let level = 0; level < 10; level++) nested = { level: nested };
    logger.info({ nested }, "deep");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("13500004444");
    expect(text).not.toContain("卫四");
    expect(text).toContain("[truncated]");
  });

  it("keeps organisation credit codes, which are not personal data", () => {
    const { logger, lines } = capture();
    logger.info({ creditCode: "91610900MA70000010" }, "registered");
    expect(lines[0]!.creditCode).toBe("91610900MA70000010");
  });

  it("carries the active trace and span ids", () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    const tracer = new BasicTracerProvider().getTracer("test");
    const { logger, lines } = capture();
    tracer.startActiveSpan("work", (span) => {
      logger.info("inside");
      span.end();
    });
    expect(lines[0]!.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]!.span_id).toMatch(/^[0-9a-f]{16}$/);
    context.disable();
    trace.disable();
  });
});
