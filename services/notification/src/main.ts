import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { notificationV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import type { Templates } from "./domain/templates.js";
import { caseCompletedConsumer, queueCaseCompletedNotice } from "./events/case-completed-consumer.js";
import { Dispatcher } from "./events/dispatcher.js";
import { notificationHandlers } from "./grpc/notification-service/handlers.js";

const config = readConfig();
const templates = JSON.parse(readFileSync(new URL("../templates/zh-CN.json", import.meta.url), "utf8")) as Templates;

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  async setup(runtime) {
    const dispatcher = new Dispatcher({ sql: runtime.sql, logger: runtime.logger, ...config.webhook, webhookUrl: config.webhook.url, readiness: runtime.readiness });
    await dispatcher.start();
    runtime.onShutdown(() => dispatcher.stop());
    runtime.grpc.add(notificationV1.NotificationServiceService, notificationHandlers(runtime.sql));
    runtime.consume({ ...caseCompletedConsumer, handler: queueCaseCompletedNotice(templates) });
  },
});
