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
