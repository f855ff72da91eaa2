export { stack, testAuthSecret, ensureStack, createTestDatabase, serviceDatabaseEnv, ledgerSigningKeyFile, uniqueRegion, repositoryRoot, freePort, type TestDatabase } from "./stack.js";
export { runServiceCommand, serviceNodeOptions, spawnService, type CommandOutcome, type ServiceProcess } from "./processes.js";
export { eventually } from "./wait.js";
export { startHotlineStandIn, type HotlineStandIn, type HotlinePush } from "./hotline.js";
