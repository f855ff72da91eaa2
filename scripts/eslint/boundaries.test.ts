import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import steward from "./boundaries.js";

// RuleTester defaults to mocha globals; vitest does not install globals, so hand it ours.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser },
  // Paths in the cases below are classified relative to this fake repository root.
  settings: { steward: { root: "/repo" } },
});

const INTAKE_DOMAIN = "/repo/services/intake/src/domain/x.ts";
const INTAKE_HTTP = "/repo/services/intake/src/http/routes.ts";

ruleTester.run("steward/no-cross-service-import", steward.rules["no-cross-service-import"], {
  valid: [
    { filename: INTAKE_DOMAIN, code: "import { a } from './y.js';" },
    { filename: INTAKE_HTTP, code: "import { a } from '../domain/x.js';" },
    { filename: INTAKE_HTTP, code: "import { logger } from '@steward/platform';" },
    { filename: INTAKE_HTTP, code: "import { IntakeService } from '@steward/proto';" },
    { filename: "/repo/services/intake/test/e2e.test.ts", code: "import { main } from '../src/main.js';" },
    // Not a service file: the rule does not apply.
    { filename: "/repo/packages/testing/src/x.ts", code: "import { a } from '../../../services/agreement/src/main.js';" },
  ],
  invalid: [
    {
      filename: INTAKE_DOMAIN,
      code: "import { Agreement } from '../../../agreement/src/domain/agreement.js';",
      errors: [
        {
          message:
            "service 'intake' must not import service 'agreement' ('../../../agreement/src/domain/agreement.js'); services share code only via packages/* and talk over gRPC or NATS",
        },
      ],
    },
    {
      filename: INTAKE_HTTP,
      code: "export * from '../../../approval-routing/src/grpc/client.js';",
      errors: [
        {
          messageId: "crossService",
          data: { from: "intake", to: "approval-routing", spec: "../../../approval-routing/src/grpc/client.js" },
        },
      ],
    },
    {
      filename: INTAKE_HTTP,
      code: "export { x } from '../../../notification/src/x.js';",
      errors: [{ messageId: "crossService" }],
    },
    {
      filename: INTAKE_HTTP,
      code: "const m = await import('../../../assessment/src/main.js');",
      errors: [{ messageId: "crossService" }],
    },
    {
      filename: INTAKE_HTTP,
      code: "type T = import('../../../assessment/src/domain/t.js').T;",
      errors: [{ messageId: "crossService" }],
    },
    {
      filename: INTAKE_HTTP,
      code: "import { a } from '@steward/agreement';",
      errors: [{ messageId: "servicePackage", data: { from: "intake", to: "agreement", spec: "@steward/agreement" } }],
    },
    {
      filename: INTAKE_HTTP,
      code: "import type { Client } from '@steward/approval-routing-client/grpc';",
      errors: [{ messageId: "servicePackage" }],
    },
  ],
});

ruleTester.run("steward/pure-domain", steward.rules["pure-domain"], {
  valid: [
    { filename: INTAKE_DOMAIN, code: "import { z } from 'zod';\nimport { a } from './y.js';" },
    { filename: INTAKE_DOMAIN, code: "import { b } from '../config.js';" },
    // A domain sub-folder named like an adapter is still domain code.
    { filename: INTAKE_DOMAIN, code: "import { b } from './db/types.js';" },
    // Adapters may use infrastructure freely.
    { filename: "/repo/services/intake/src/db/repo.ts", code: "import postgres from 'postgres';" },
    { filename: INTAKE_HTTP, code: "import { Hono } from 'hono';\nimport { a } from '../domain/x.js';" },
    { filename: "/repo/packages/platform/src/db.ts", code: "import pg from 'pg';" },
  ],
  invalid: [
    {
      filename: INTAKE_DOMAIN,
      code: "import postgres from 'postgres';",
      errors: [{ message: "domain code must not import the database driver 'postgres'; put SQL in src/db" }],
    },
    ...["pg", "pg/lib/client", "node-pg-migrate"].map((spec) => ({
      filename: INTAKE_DOMAIN,
      code: `import x from '${spec}';`,
      errors: [{ messageId: "forbiddenPackage", data: { what: "the database driver", spec, hint: "put SQL in src/db" } }],
    })),
    ...["@grpc/grpc-js", "@nats-io/jetstream", "nats", "@steward/proto", "hono", "hono/jwt", "@hono/node-server"].map(
      (spec) => ({
        filename: "/repo/services/agreement/src/domain/rules/terms.ts",
        code: `import * as x from '${spec}';`,
        errors: [{ messageId: "forbiddenPackage" }],
      }),
    ),
    {
      filename: INTAKE_DOMAIN,
      code: "import type { Intake } from '@steward/proto';",
      errors: [
        {
          message:
            "domain code must not import the generated wire types '@steward/proto'; map them to domain types in src/grpc or src/events",
        },
      ],
    },
    ...["grpc", "events", "db", "http"].map((dir) => ({
      filename: INTAKE_DOMAIN,
      code: `import { a } from '../${dir}/thing.js';`,
      errors: [{ messageId: "adapterImport", data: { spec: `../${dir}/thing.js`, dir } }],
    })),
    {
      filename: "/repo/services/intake/src/domain/sub/y.ts",
      code: "export { repo } from '../../db';\nconst h = await import('../../http/server.js');",
      errors: [
        { messageId: "adapterImport", data: { spec: "../../db", dir: "db" } },
        { messageId: "adapterImport", data: { spec: "../../http/server.js", dir: "http" } },
      ],
    },
  ],
});
