export { stack, testAuthSecret, ensureStack, createTestDatabase, uniqueRegion, repositoryRoot, freePort, type TestDatabase } from "./stack.js";
export { defaultServiceBuild, serviceEntry, serviceNodeOptions, spawnService, type ServiceBuild, type ServiceProcess } from "./processes.js";
export { eventually } from "./wait.js";
export { startHotlineStandIn, type HotlineStandIn, type HotlinePush } from "./hotline.js";
