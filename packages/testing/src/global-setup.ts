import { ensureStack } from "./stack.js";

/** vitest globalSetup: integration tests need the local Postgres and NATS. */
export default function setup(): void {
  ensureStack();
}
