export { stack, testAuthSecret, ensureStack, createTestDatabase, uniqueRegion, repositoryRoot, freePort, type TestDatabase } from "./stack.js";
export { serviceNodeOptions, spawnService, type ServiceProcess } from "./processes.js";
export { eventually } from "./wait.js";
export { startNatsServer, type PrivateNatsServer } from "./nats-server.js";
export { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";
export { startHotlineStandIn, type HotlineStandIn, type HotlinePush } from "./hotline.js";
export { metricsOf, dashboardQueries, ruleExpressions } from "./promql.js";
