import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { attributeNames, createObservableGauge, metricDefinitions } from "@steward/platform/telemetry";
import { agreementV1 } from "@steward/proto";
import { catalogueClient, readCatalogue, routingClient } from "./clients/routing.js";
import { readConfig } from "./config.js";
import type { AgreementDeps } from "./commands/deps.js";
import { keyProjectsWithoutSteward } from "./db/agreements.js";
import { caseCompletedConsumer, fulfilAgreements, planSubmissionConsumer, submitApprovedPlans } from "./events/plan-submission-consumer.js";
import { openDraftAgreement, projectRegisteredConsumer } from "./events/project-registered-consumer.js";
import { agreementHandlers } from "./grpc/agreement-service/handlers.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  setup(runtime) {
    const token = () => runtime.serviceToken();
    const routing = routingClient(config.routing.address, token, config.routing.deadlineMs);
    const catalogue = catalogueClient(config.routing.address, token, config.routing.deadlineMs);
    runtime.onShutdown(async () => (routing.close(), catalogue.close()));
    // The catalogue changes rarely (city administrators' edits): read once a minute at most.
    let cached: { value: Awaited<ReturnType<typeof readCatalogue>>; until: number } | undefined;
    const deps: AgreementDeps = {
      sql: runtime.sql,
      region: config.region,
      now: () => new Date(),
      catalogue: async () => {
        if (!cached || cached.until < Date.now()) cached = { value: await readCatalogue(catalogue), until: Date.now() + 60_000 };
        return cached.value;
      },
    };
    runtime.grpc.add(agreementV1.AgreementServiceService, agreementHandlers(deps, routing));
    runtime.consume({ ...projectRegisteredConsumer, handler: openDraftAgreement });
    runtime.consume({ ...planSubmissionConsumer, handler: submitApprovedPlans(routing) });
    runtime.consume({ ...caseCompletedConsumer, handler: fulfilAgreements });

    // Every key project in service always has a steward: signed ones waiting for one are a to-do
    // list; an active one without a steward is a breach (the commands refuse to make one).
    createObservableGauge(metricDefinitions.keyProjectsWithoutSteward).addCallback(async (result) => {
      const counts = await keyProjectsWithoutSteward(runtime.sql).catch(() => undefined);
      if (!counts) return;
      for (const status of ["signed", "active"]) result.observe(counts.find((row) => row.status === status)?.count ?? 0, { [attributeNames.agreementStatus]: status });
    });
  },
});
