import { signDevToken, type Principal } from "@steward/platform/auth";
import { testAuthSecret } from "@steward/testing";
import fc from "fast-check";

/** Who the fuzzer calls as: every role, known and unknown departments, and tokens nobody issued. */
export interface Identities {
  /** A bearer token, or undefined for none. */
  token: fc.Arbitrary<string | undefined>;
}

export async function identities(region: string): Promise<Identities> {
  const sign = (principal: Omit<Principal, "region"> & { region?: string }, secret = testAuthSecret) => signDevToken({ secret }, { region, ...principal });
  const valid = await Promise.all([
    sign({ subject: "fuzz-admin", role: "admin" }),
    sign({ subject: "fuzz-steward", role: "steward" }),
    // The seeded projects' own steward and liaisons, so that plan commands get past "not yours".
    sign({ subject: "steward-1", role: "steward" }),
    sign({ subject: "zrzy-liaison", role: "liaison", department: "zrzy" }),
    sign({ subject: "fuzz-operator", role: "operator" }),
    sign({ subject: "service:fuzz", role: "service" }),
    sign({ subject: "fuzz-enterprise", role: "enterprise", creditCode: "91610900MA70000010" }),
    sign({ subject: "zrzy-system", role: "department", department: "zrzy" }),
    sign({ subject: "sthj-system", role: "department", department: "sthj" }),
    sign({ subject: "fgw-system", role: "department", department: "fgw" }),
  ]);
  const forged = await Promise.all([
    sign({ subject: "nosuch-system", role: "department", department: "nosuch" }),
    sign({ subject: "fuzz-admin", role: "admin", region: "xunyang" }),
    sign({ subject: "fuzz-admin", role: "admin" }, "a-secret-the-platform-never-issued-with-0123"),
    sign({ subject: "fuzz-admin", role: "superuser" as Principal["role"] }),
  ]);
  const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", region, role: "admin" })).toString("base64url")}.`;
  return {
    token: fc.oneof(
      { weight: 16, arbitrary: fc.constantFrom(...valid) },
      { weight: 2, arbitrary: fc.constantFrom(...forged, unsigned, "not.a.jwt", "") },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  };
}
