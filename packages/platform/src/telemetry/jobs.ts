import { createGauge } from "./instruments.js";
import { attributeNames, metricDefinitions } from "./names.js";

/**
 * The last-success clock of one background job (steward.job.last_success.timestamp): 0 until the
 * job first succeeds, so "time() - last success" alerts on a job that never ran as well as on one
 * that stopped. Returns the function a job calls after each successful round.
 */
export function jobHeartbeat(job: string): () => void {
  const attributes = { [attributeNames.job]: job };
  const gauge = createGauge(metricDefinitions.jobLastSuccess, [attributes]);
  return () => gauge.record(Date.now() / 1000, attributes);
}
