import { fileURLToPath } from "node:url";
import { PeriodicTask, runService } from "@steward/platform/lifecycle";
import { notificationFollowUpV1, notificationInboxV1, notificationPolicyV1, notificationV1 } from "@steward/proto";
import { ContactDirectory } from "./clients/intake.js";
import { Mailer } from "./clients/mailer.js";
import { RoutingDirectory, routingClients } from "./clients/routing.js";
import { SmsGateway } from "./clients/sms-gateway.js";
import type { NotificationDeps } from "./commands/deps.js";
import { digestRound } from "./commands/digests.js";
import { rectificationOverdueRound, reinvitationRound } from "./commands/follow-ups.js";
import { reminderRound } from "./commands/reminders.js";
import { resolveStrandedRound } from "./commands/stranded.js";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { handleNoticeEvents, noticeConsumer } from "./events/notice-consumer.js";
import { followUpHandlers } from "./grpc/follow-ups/handlers.js";
import { inboxHandlers } from "./grpc/inbox/handlers.js";
import { notificationHandlers } from "./grpc/notification-service/handlers.js";
import { policyHandlers } from "./grpc/policies/handlers.js";
import { loadReviewPage, registerNotificationHttp, reviewFormRoutes } from "./http/app.js";
import { Dispatcher } from "./jobs/dispatcher.js";

const config = readConfig();
const reviewPage = loadReviewPage();

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  httpFormRoutes: reviewFormRoutes,
  async setup(runtime) {
    const token = () => runtime.serviceToken();
    const routing = config.routing ? routingClients(config.routing.address, token, config.routing.deadlineMs) : undefined;
    const directory = new RoutingDirectory(routing, runtime.logger);
    await directory.refresh();
    const contacts = new ContactDirectory(config.intake?.address, token, config.intake?.deadlineMs ?? 5000);
    const deps: NotificationDeps = {
      sql: runtime.sql,
      region: config.region,
      rules: config.rules,
      names: directory,
      schedule: () => directory.currentSchedule(),
      now: () => new Date(),
      reviewLinkBase: config.publicUrl,
    };

    runtime.grpc.add(notificationV1.NotificationServiceService, notificationHandlers(deps));
    runtime.grpc.add(notificationInboxV1.InboxServiceService, inboxHandlers(deps));
    runtime.grpc.add(notificationPolicyV1.PolicyServiceService, policyHandlers(deps));
    runtime.grpc.add(notificationFollowUpV1.FollowUpServiceService, followUpHandlers(deps));
    registerNotificationHttp(runtime.http, deps, reviewPage);
    runtime.consume({ ...noticeConsumer(deps), batchHandler: handleNoticeEvents(deps), batchWindowMs: config.batchWindowMs });

    const mailer = config.mail ? new Mailer({ ...config.mail, timeoutMs: config.delivery.timeoutMs }) : undefined;
    const dispatcher = new Dispatcher({
      sql: runtime.sql,
      region: config.region,
      logger: runtime.logger,
      sms: config.sms ? new SmsGateway({ ...config.sms, timeoutMs: config.delivery.timeoutMs }) : undefined,
      mailer,
      contacts,
      ...config.delivery,
      readiness: runtime.readiness,
    });
    await dispatcher.start();

    // The rounds of things that come due with time, each in transactions of its own; a failing
    // round is logged and tried again next time, after the others have had their turn, and keeps
    // the job's heartbeat (steward.job.last_success) from moving until it succeeds.
    const rounds: [string, () => Promise<unknown>][] = [
      ["routing directory", () => directory.refresh()],
      ["reminders", () => reminderRound(deps)],
      ["digests", () => digestRound(deps)],
      ["review reinvitations", () => reinvitationRound(deps)],
      ["overdue rectifications", () => rectificationOverdueRound(deps)],
      ["parked events", () => resolveStrandedRound(deps, (caseId) => directory.projectOfCase(caseId), runtime.logger)],
    ];
    const periodic = new PeriodicTask(
      async (signal) => {
        const failed: string[] = [];
        for (const [name, round] of rounds) {
          // Past the deadline the rest wait for the next round rather than pile onto an abandoned one.
          signal.throwIfAborted();
          await round().catch((error: unknown) => {
            failed.push(name);
            runtime.logger.error({ err: error, round: name }, "notification round failed");
          });
        }
        if (failed.length > 0) throw new Error(`notification rounds failed: ${failed.join(", ")}`);
      },
      { name: "notification-rounds", intervalMs: config.roundIntervalMs, deadlineMs: config.roundDeadlineMs, logger: runtime.logger },
    );
    // A round that never ends (a hung dependency) makes the service not ready.
    periodic.start(runtime.readiness);

    runtime.onShutdown(async () => {
      await periodic.stop();
      await dispatcher.stop();
      mailer?.close();
      contacts.close();
      routing?.close();
    });
  },
});
