import { fileURLToPath } from "node:url";
import { PeriodicTask, runService } from "@steward/platform/lifecycle";
import { intakeV1 } from "@steward/proto";
import messages from "../messages/zh-CN.json" with { type: "json" };
import { HolidayScheduleSource } from "./clients/holiday-schedule.js";
import { routingClients } from "./clients/routing.js";
import type { IntakeDeps } from "./commands/deps.js";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { clockRules } from "./domain/reply-clocks.js";
import { creditBarsConsumer, recordCreditBar } from "./events/credit-bars-consumer.js";
import { caseProgressConsumer, planAcceptedConsumer, recordCase, recordSteward, refreshStage, stewardAssignedConsumer } from "./events/project-facts-consumers.js";
import { calendarPublishedConsumer, recountProvisionalClocks } from "./events/calendar-published-consumer.js";
import { intakeHandlers } from "./grpc/intake-service/handlers.js";
import { registerIntakeHttp } from "./http/app.js";
import { forgetInboundMessages } from "./db/hotline.js";
import { dispatchRound } from "./jobs/hotline-dispatcher.js";
import { reminderRound } from "./jobs/reply-reminders.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  ledger: config.ledger,
  problemMessages: messages,
  setup(runtime) {
    const routing = config.routing ? routingClients(config.routing.address, () => runtime.serviceToken(), config.routing.deadlineMs) : undefined;
    if (routing) runtime.onShutdown(async () => routing.close());
    const schedule = new HolidayScheduleSource(routing, runtime.logger);
    const deps: IntakeDeps = { sql: runtime.sql, region: config.region, rules: clockRules, schedule: () => schedule.get(), now: () => new Date() };
    runtime.grpc.add(intakeV1.IntakeServiceService, intakeHandlers(deps));
    registerIntakeHttp(runtime.http, { ...deps, routing }, { hotlineSecret: config.hotline?.secret });

    const facts = { region: config.region, now: deps.now, routing };
    runtime.consume({ ...stewardAssignedConsumer, handler: recordSteward(facts) });
    runtime.consume({ ...planAcceptedConsumer, handler: recordCase(facts) });
    runtime.consume({ ...caseProgressConsumer, handler: refreshStage(facts) });
    runtime.consume({ ...creditBarsConsumer, handler: recordCreditBar });
    runtime.consume({ ...calendarPublishedConsumer, handler: recountProvisionalClocks(deps, () => schedule.fresh()) });

    const reminders = new PeriodicTask(() => reminderRound(deps, runtime.logger).then(() => undefined), {
      name: "reply-reminders",
      intervalMs: config.reminderIntervalMs,
      deadlineMs: config.reminderDeadlineMs,
      logger: runtime.logger,
    });
    reminders.start(runtime.readiness);
    runtime.onShutdown(() => reminders.stop());

    const hotline = config.hotline;
    if (hotline) {
      const pushes = new PeriodicTask(
        async () => {
          await dispatchRound({ sql: runtime.sql, region: config.region, ...hotline, logger: runtime.logger });
          // Message ids are kept a day: far past the 5-minute window in which a replay could still verify.
          await forgetInboundMessages(runtime.sql, new Date(Date.now() - 86_400_000)).catch(() => 0);
        },
        { name: "hotline-push", intervalMs: 1000, logger: runtime.logger },
      );
      pushes.start(runtime.readiness);
      runtime.onShutdown(() => pushes.stop());
    }
  },
});
