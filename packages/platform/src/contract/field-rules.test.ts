import { agreementV1, routingCatalogueV1, routingV1 } from "@steward/proto";
import { describe, expect, it } from "vitest";
import { messageRules, missingRules } from "./field-rules.js";
import { contractMethod, contractRegistry, contractServices } from "./registry.js";

const input = (path: string) => contractMethod(path).input;

describe("the contract's field rules", () => {
  it("give every string and repeated field of every request of every service a rule", () => {
    // A field added without its (steward.options.v1.field) rule fails here, and stops the server.
    const services = contractServices();
    expect(services).toEqual(expect.arrayContaining(["steward.intake.v1.IntakeService", "steward.routing.v1.DepartmentGatewayService", "steward.notification.v1.NotificationService"]));
    const missing = services.flatMap((name) => contractRegistry().getService(name)!.methods.flatMap((method) => missingRules(method.input)));
    expect(missing).toEqual([]);
  });

  it("report every field of a message that lacks one", () => {
    // google.rpc.BadRequest is not a request: nothing in it carries a rule.
    expect(missingRules(contractRegistry().getMessage("google.rpc.BadRequest")!)).toEqual([
      "google.rpc.BadRequest.field_violations: a repeated field needs (steward.options.v1.field).max_items",
      "google.rpc.BadRequest.FieldViolation.field: a string field needs (steward.options.v1.field).text.max_length",
      "google.rpc.BadRequest.FieldViolation.description: a string field needs (steward.options.v1.field).text.max_length",
      "google.rpc.BadRequest.FieldViolation.reason: a string field needs (steward.options.v1.field).text.max_length",
    ]);
    expect(() => messageRules(contractRegistry().getMessage("google.rpc.BadRequest")!)).toThrow(/the contract is incomplete/);
  });

  it("hold a decoded request to its rules, naming proto fields, and put its text in NFC", () => {
    const rules = messageRules(input(routingV1.DepartmentGatewayServiceService.decideItem.path));
    const request = routingV1.DecideItemRequest.fromPartial({ itemId: "i", requestId: "r", reason: "Cafe\u0301\n第二行", documentRefs: ["ok", "bad\u0000"] });
    expect(rules.check(request)).toEqual([{ field: "document_refs[1]", description: "must not hold the control or formatting character U+0000 (character 4)" }]);
    expect(request.reason).toBe("Café\n第二行");
    expect(rules.check({ ...request, documentRefs: Array.from({ length: 21 }, () => "x") })).toEqual([{ field: "document_refs", description: "holds at most 20 entries" }]);
  });

  it("reach nested messages, lists of them and oneof members", () => {
    const submit = messageRules(input(routingV1.RoutingServiceService.submitPlan.path));
    expect(submit.check({ planId: "p", projectName: "x".repeat(201), items: [{ itemCode: "A", departmentCode: "d" }, { itemCode: "B\u001b", departmentCode: "d" }] }).map((v) => v.field)).toEqual(["project_name", "items[1].item_code"]);
    const resolve = messageRules(input(routingV1.RoutingServiceService.resolveEscalation.path));
    expect(resolve.check({ escalationId: "e", reason: "r", resolution: { $case: "reassignToDepartment", value: "zrzy\u0000" } }).map((v) => v.field)).toEqual(["reassign_to_department"]);
    expect(resolve.check({ escalationId: "e", reason: "r", resolution: { $case: "extendWorkingDays", value: 3 } })).toEqual([]);
    const upsert = messageRules(input(routingCatalogueV1.CatalogueServiceService.upsertCatalogueItem.path));
    expect(upsert.check({ item: { code: "X", materials: [{ name: "a\u0007", core: true }] } }).map((v) => v.field)).toEqual(["item.materials[0].name"]);
  });

  it("hold map keys and values to the map's rule, and count its entries", () => {
    const rules = messageRules(input(agreementV1.AgreementServiceService.draftPlan.path));
    expect(rules.check({ agreementId: "a", targetDates: { "ZRZY-YDYS": "2027-01-01", "X\u0000": "2027-01-01", "SL-STBC": "2027\u001b" } }).map((v) => v.field)).toEqual([
      "target_dates[X\u0000]",
      "target_dates[SL-STBC]",
    ]);
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`C-${index}`, "2027-01-01"]));
    expect(rules.check({ targetDates: many })).toEqual([{ field: "target_dates", description: "holds at most 200 entries" }]);
  });
});
