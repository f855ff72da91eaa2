import { readFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { descriptorSetPath } from "@steward/proto/descriptor-set";
import { describe, expect, it } from "vitest";
import { authorizeAction, grpcRule, ownershipOf } from "./access.js";
import { grpcAccess, httpAccess } from "./access-table.js";
import { renderAccessTable } from "./access-render.js";
import { roles, type Principal } from "./tokens.js";

/** Every method of every service in the committed descriptor set: what any process could serve. */
function describedMethods(): string[] {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(descriptorSetPath));
  return set.file.flatMap((file) => file.service.flatMap((service) => service.method.map((method) => `/${file.package}.${service.name}/${method.name}`)));
}

const reflection = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

describe("the access table", () => {
  it("declares every RPC of every service in the descriptor set (a new RPC fails here until it has a row)", () => {
    const methods = describedMethods();
    expect(methods.length).toBeGreaterThan(30);
    expect(methods.filter((method) => grpcRule(method) === undefined)).toEqual([]);
  });

  it("declares nothing that does not exist", () => {
    const methods = new Set([...describedMethods(), reflection]);
    expect(Object.keys(grpcAccess).filter((method) => !methods.has(method))).toEqual([]);
  });

  it("declares the probes and metrics of every service's HTTP app", () => {
    for (const [service, routes] of Object.entries(httpAccess)) {
      expect(Object.keys(routes), service).toEqual(expect.arrayContaining(["GET /healthz", "GET /readyz", "GET /metrics"]));
    }
  });

  it("gives the enterprise scope to enterprises and the department scope to departments and liaisons only, whose tokens carry what it filters by", () => {
    const rules = [...Object.values(grpcAccess), ...Object.values(httpAccess).flatMap((routes) => Object.values(routes))];
    for (const rule of rules) {
      if (rule.action === "public") continue;
      for (const [role, scope] of Object.entries(rule.allow)) {
        expect(roles).toContain(role);
        if (scope === "enterprise") expect(role).toBe("enterprise");
        if (scope === "department") expect(["department", "liaison"]).toContain(role);
      }
    }
  });

  it("is what docs/SECURITY.md shows (regenerate the section with `pnpm access:table`)", () => {
    const doc = readFileSync(new URL("../../../../docs/SECURITY.md", import.meta.url), "utf8");
    const section = /<!-- access-table:begin -->\n([\s\S]*?)<!-- access-table:end -->/.exec(doc)?.[1];
    expect(section).toBe(renderAccessTable());
  });
});

describe("authorizeAction (default deny)", () => {
  const steward: Principal = { subject: "u", region: "hanbin", role: "steward" };
  const enterprise: Principal = { subject: "e", region: "hanbin", role: "enterprise", creditCode: "91610900MA70000010" };
  const department: Principal = { subject: "d", region: "hanbin", role: "department", department: "zrzy" };

  it("refuses an undeclared action to every role", () => {
    for (const role of roles) {
      expect(authorizeAction(undefined, { ...steward, role }, "/x.v1.X/Y")).toEqual({
        ok: false,
        error: { code: "permission_denied", message: "/x.v1.X/Y is not in the access table", reason: "ACTION_NOT_DECLARED" },
      });
    }
  });

  it("refuses a role the rule does not list, and grants the listed role its scope", () => {
    const sign = grpcRule("/steward.agreement.v1.AgreementService/SignAgreement");
    expect(authorizeAction(sign, steward, "SignAgreement")).toMatchObject({ ok: false, error: { code: "permission_denied", reason: "ROLE_NOT_ALLOWED", metadata: { role: "steward" } } });
    expect(authorizeAction(sign, { ...steward, role: "admin" }, "SignAgreement")).toEqual({ ok: true, value: "region" });
    const get = grpcRule("/steward.intake.v1.IntakeService/GetProject");
    expect(authorizeAction(get, enterprise, "GetProject")).toEqual({ ok: true, value: "enterprise" });
    expect(authorizeAction(get, department, "GetProject")).toMatchObject({ ok: false, error: { reason: "ROLE_NOT_ALLOWED" } });
  });

  it("derives the owner filter of a scope from the token's claims", () => {
    expect(ownershipOf("region", steward)).toEqual({});
    expect(ownershipOf("enterprise", enterprise)).toEqual({ creditCode: "91610900MA70000010" });
    expect(ownershipOf("department", department)).toEqual({ department: "zrzy" });
    expect(() => ownershipOf("enterprise", steward)).toThrow(/without the claim/);
  });
});
