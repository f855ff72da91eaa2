/**
 * The steady load the faults fall on: workers that each open a case of three items of three
 * departments (SubmitPlan), then accept every item at once and decide every item at once (a
 * burst), retrying a call whose outcome is unknown with the same request (same plan id, same
 * request id), as a department system does. Every call and every acknowledged command is kept
 * for the invariants; bounded in cases and in time.
 */
import { status } from "@grpc/grpc-js";
import { signDevToken } from "@steward/platform/auth";
import { routingV1 } from "@steward/proto";
import { testAuthSecret } from "@steward/testing";

/** The longest a token may live (issue 8: STEWARD_AUTH_MAX_TOKEN_LIFETIME_S, one hour by default); a run is shorter. */
const tokenLifetimeSeconds = 3600;
import { VirtualUser, type CallResult } from "../driver/client.ts";
import { acceptPayload, creditCode, decidePayload, planTemplates, uuid, type ItemView, type MethodKey } from "../lib/profiles.ts";

export interface CallRecord {
  method: MethodKey;
  /** performance.now() when the answer came. */
  endedAt: number;
  code: status;
}

export interface AcknowledgedGatewayCommand {
  department: string;
  requestId: string;
  itemId: string;
}

export interface LoadOptions {
  address: string;
  region: string;
  workers: number;
  /** Upper bound on cases opened, whatever the run's length. */
  maxCases: number;
  /** Pause between a worker's cases, so the load stays steady rather than flat out. */
  pauseMs: number;
  callDeadlineMs: number;
  /** How long one command is retried before its case is given up. */
  retryBudgetMs: number;
}

/** Answers after which a retry with the same request is the right move: the outcome is unknown. */
const retryable = new Set([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.CANCELLED, status.UNKNOWN, status.INTERNAL]);

const template = planTemplates.parallelThree;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SteadyLoad {
  readonly calls: CallRecord[] = [];
  readonly acknowledged = { plans: [] as string[], accepts: [] as AcknowledgedGatewayCommand[], decides: [] as AcknowledgedGatewayCommand[] };
  casesOpened = 0;
  casesFinished = 0;
  /** Cases whose command kept failing past the retry budget, or was refused. */
  casesGivenUp = 0;
  readonly refusals: string[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private burstWaiters: (() => void)[] = [];
  private readonly users: VirtualUser[] = [];
  private tokens: { steward: string; departments: Record<string, string> } | undefined;

  constructor(private readonly options: LoadOptions) {}

  async start(): Promise<void> {
    const { region } = this.options;
    const departments: Record<string, string> = {};
    for (const { departmentCode } of template) {
      departments[departmentCode] = await signDevToken({ secret: testAuthSecret }, { subject: `faults-${departmentCode}`, region, role: "department", department: departmentCode }, tokenLifetimeSeconds);
    }
    this.tokens = { steward: await signDevToken({ secret: testAuthSecret }, { subject: "faults-steward", region, role: "steward" }, tokenLifetimeSeconds), departments };
    this.running = true;
    for (let index = 0; index < this.options.workers; index++) {
      // Reconnect quickly once a killed server is back, as the platform's own clients do.
      const user = new VirtualUser(index, this.options.address, (method, _ms, code) => this.calls.push({ method, endedAt: performance.now(), code }), {
        "grpc.initial_reconnect_backoff_ms": 250,
        "grpc.max_reconnect_backoff_ms": 1000,
      });
      this.users.push(user);
      this.workers.push(this.work(user));
    }
  }

  /** Stops opening cases; waits for the cases in flight to finish (each bounded by its retry budget). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    for (const user of this.users) user.close();
  }

  /** Resolves when the next burst of decisions is being sent (or after `timeoutMs`). */
  nextBurst(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.burstWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The time of the first successful call answered after `since`, or undefined at the timeout. */
  async firstOkAfter(since: number, timeoutMs: number): Promise<number | undefined> {
    const until = performance.now() + timeoutMs;
    let from = 0;
    for (;;) {
      for (; from < this.calls.length; from++) {
        const call = this.calls[from]!;
        if (call.code === status.OK && call.endedAt > since) return call.endedAt;
      }
      if (performance.now() > until) return undefined;
      await sleep(50);
    }
  }

  private async work(user: VirtualUser): Promise<void> {
    while (this.running && this.casesOpened < this.options.maxCases) {
      this.casesOpened++;
      const finished = await this.runCase(user).catch((error: unknown) => {
        this.refusals.push(String(error));
        return false;
      });
      if (finished) this.casesFinished++;
      else this.casesGivenUp++;
      await sleep(this.options.pauseMs);
    }
  }

  /** Calls until an answer that is not retryable, or the retry budget runs out. */
  private async persist<K extends MethodKey>(user: VirtualUser, method: K, request: Parameters<VirtualUser["call"]>[1] & object, token: string): Promise<CallResult<K>> {
    const until = performance.now() + this.options.retryBudgetMs;
    let backoffMs = 100;
    for (;;) {
      const result = await user.call(method, request as never, token, this.options.callDeadlineMs);
      if (result.ok || !retryable.has(result.code) || performance.now() > until) return result as CallResult<K>;
      await sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 1000);
    }
  }

  private async runCase(user: VirtualUser): Promise<boolean> {
    const tokens = this.tokens!;
    const projectId = uuid();
    const plan = { planId: uuid(), planVersion: 1, projectId, projectName: `故障演练项目 ${projectId.slice(0, 8)}`, creditCode: creditCode(), items: template.map((item) => ({ ...item })), satisfiedPrerequisites: [] };
    const submitted = await this.persist(user, "submitPlan", routingV1.SubmitPlanRequest.fromJSON(plan), tokens.steward);
    if (!submitted.ok) return this.giveUp(`SubmitPlan ${status[submitted.code]}: ${submitted.error.details}`);
    this.acknowledged.plans.push(plan.planId);
    const items: ItemView[] = (submitted.response.case?.items ?? []).map((item) => ({ id: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, prerequisites: item.prerequisites }));
    const inPlan = new Set(items.map((item) => item.itemCode));
    const approved = new Set<string>();
    while (approved.size < items.length) {
      const wave = items.filter((item) => !approved.has(item.itemCode) && item.prerequisites.every((code) => !inPlan.has(code) || approved.has(code)));
      if (wave.length === 0) return this.giveUp("no item of the case can be decided");
      const accepted = await Promise.all(wave.map((item) => this.gatewayCommand(user, "acceptItem", item, acceptPayload(item.id), this.acknowledged.accepts)));
      if (!accepted.every(Boolean)) return false;
      for (const waiter of this.burstWaiters.splice(0)) waiter();
      const decided = await Promise.all(wave.map((item) => this.gatewayCommand(user, "decideItem", item, decidePayload(item.id), this.acknowledged.decides)));
      if (!decided.every(Boolean)) return false;
      for (const item of wave) approved.add(item.itemCode);
    }
    return true;
  }

  private async gatewayCommand(user: VirtualUser, method: "acceptItem" | "decideItem", item: ItemView, payload: { requestId: string }, acknowledged: AcknowledgedGatewayCommand[]): Promise<boolean> {
    const request = method === "acceptItem" ? routingV1.AcceptItemRequest.fromJSON(payload) : routingV1.DecideItemRequest.fromJSON(payload);
    const result = await this.persist(user, method, request, this.tokens!.departments[item.departmentCode]!);
    if (!result.ok) return this.giveUp(`${method} ${status[result.code]}: ${result.error.details}`);
    acknowledged.push({ department: item.departmentCode, requestId: payload.requestId, itemId: item.id });
    return true;
  }

  private giveUp(reason: string): false {
    if (this.refusals.length < 20) this.refusals.push(reason);
    return false;
  }
}
