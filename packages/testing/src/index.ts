export { stack, testAuthSecret, ensureStack, createTestDatabase, uniqueRegion, repositoryRoot, freePort, type TestDatabase } from "./stack.js";
export { serviceNodeOptions, spawnService, type ServiceProcess } from "./processes.js";
export { eventually } from "./wait.js";
export { startHotlineStandIn, type HotlineStandIn, type HotlinePush } from "./hotline.js";
export { startMailpit, mailpitBinary, type Mailpit, type MailpitMessage, type MailpitOptions } from "./mailpit.js";
export { startSmsGatewayStandIn, type SmsGatewayStandIn, type SmsMessage } from "./sms-gateway.js";
export { startWebhookReceiver, type WebhookReceiverStandIn, type ReceivedWebhook } from "./webhook-receiver.js";
export { metricsOf, dashboardQueries, ruleExpressions } from "./promql.js";
