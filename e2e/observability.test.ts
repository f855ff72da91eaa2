import { readFileSync, readdirSync } from "node:fs";
import { Client, Metadata, credentials } from "@grpc/grpc-js";
import { metricDefinitions, prometheusName, type MetricDefinition } from "@steward/platform/telemetry";
import { notificationV1, routingV1 } from "@steward/proto";
import { dashboardQueries, eventually, metricsOf, repositoryRoot, ruleExpressions } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAndApprovePlan } from "./agreement-flow.js";
import { serviceNames, startPlatform, type PlatformClients, type RunningPlatform, type ServiceName } from "./platform.js";
import type { ExportedSpan } from "./receivers.js";

/**
 * What an SRE sees of one case, from registration to the delivered notice, with an OTLP receiver
 * on loopback and every service's /metrics and logs: no call here sends a traceparent of its own,
 * as no real caller does, so whatever joins the case's spans is the platform's doing.
 */

const project = {
  name: "安康富硒茶饮料生产线项目",
  enterpriseName: "安康茶业科技有限公司",
  creditCode: "91610900MA70000010",
  investmentCode: "2026-610902-14-03-000202",
  investmentWanYuan: 12000,
  industryChain: "富硒食品",
  contactName: "赵经理",
  contactPhone: "13800000007",
};
const planItems = [
  { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
  { itemCode: "STHJ-HPB", departmentCode: "sthj" },
];
const { RecipientKind } = notificationV1;
const kinds = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

describe("observability: one case as an SRE sees it", () => {
  let platform: RunningPlatform;
  let admin: PlatformClients;
  let steward: PlatformClients;
  const departments = new Map<string, PlatformClients>();
  let projectId = "";
  let caseId = "";

  beforeAll(async () => {
    platform = await startPlatform();
    admin = platform.clients(await platform.token({ subject: "county-admin", role: "admin" }));
    steward = platform.clients(await platform.token({ subject: "steward-1", role: "steward" }));
    for (const { departmentCode } of planItems) {
      departments.set(departmentCode, platform.clients(await platform.token({ subject: `${departmentCode}-system`, role: "department", department: departmentCode })));
    }

    // The case's life, each call a trace of its own.
    const enterprise = await platform.token({ subject: "enterprise-1", role: "enterprise", creditCode: project.creditCode });
    const response = await fetch(`http://127.0.0.1:${platform.services.intake.httpPort}/v1/projects`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${enterprise}` },
      body: JSON.stringify(project),
    });
    expect(response.status).toBe(201);
    projectId = ((await response.json()) as { id: string }).id;
    // The steward looks the project up over gRPC.
    await steward.intake.getProject({ id: projectId });
    // The environment bureau's system takes its notices by webhook: each POST continues the case's trace.
    const { secret } = await admin.notification.registerWebhookEndpoint({ recipient: { kind: RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: "zrzy" }, url: platform.systems.url });
    platform.systems.useSecret(secret);
    const agreement = await eventually(async () => (await admin.agreement.listAgreements({ projectId, pageSize: 10, pageToken: "", stewardId: "", status: 0 })).agreements[0], "the draft agreement");
    await signAndApprovePlan(platform, agreement.id, { items: planItems });
    caseId = (await eventually(async () => (await departments.get("zrzy")!.gateway.listAssignments({ pageSize: 10, pageToken: "" })).items[0], "the routed item")).caseId;
    for (const [department, clients] of departments) {
      const { items } = await clients.gateway.listAssignments({ pageSize: 10, pageToken: "" });
      const item = items[0]!;
      await clients.gateway.acceptItem({ itemId: item.id, requestId: `${department}-accept`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
      await clients.gateway.decideItem({ itemId: item.id, requestId: `${department}-decide`, decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [] });
    }
    await eventually(() => routedWebhook(), "the item-routed webhook to the bureau's system");
  });

  afterAll(async () => {
    for (const clients of [admin, steward, ...departments.values()]) clients?.close();
    await platform?.stop();
  });

  const routedWebhook = () => platform.systems.received.find((webhook) => webhook.body.type === "routing.item.routed");
  const find = (spans: ExportedSpan[], service: ServiceName, kind: number, name: string, predicate: (span: ExportedSpan) => boolean = () => true) =>
    spans.filter((span) => span.service === `steward-${service}` && span.kind === kind && span.name === name && predicate(span));

  it("joins the case's spans — registration to webhook POST — by parent or link, each carrying the case's ids", async () => {
    const ofProject = (span: ExportedSpan) => span.attributes["steward.project_id"] === projectId;
    const ofCase = (span: ExportedSpan) => ofProject(span) && span.attributes["steward.case_id"] === caseId;
    const wanted = (spans: ExportedSpan[]) => ({
      registration: find(spans, "intake", kinds.server, "POST /v1/projects", ofProject),
      planApproval: find(spans, "agreement", kinds.server, "steward.agreement.v1.AgreementService/ApprovePlan", ofProject),
      submitPlanCall: find(spans, "agreement", kinds.client, "steward.routing.v1.RoutingService/SubmitPlan", ofProject),
      submitPlan: find(spans, "approval-routing", kinds.server, "steward.routing.v1.RoutingService/SubmitPlan", ofCase),
      routing: find(spans, "approval-routing", kinds.producer, "publish routing.item.routed", ofCase),
      decisions: find(spans, "approval-routing", kinds.server, "steward.routing.v1.DepartmentGatewayService/DecideItem", ofCase),
      completion: find(spans, "approval-routing", kinds.internal, "complete case", ofCase),
      notificationConsumer: find(spans, "notification", kinds.consumer, "consume routing.case.completed", ofCase),
      assessmentConsumer: find(spans, "assessment", kinds.consumer, "consume routing.case.completed", ofCase),
      webhookPost: find(spans, "notification", kinds.client, "POST", (span) => ofCase(span) && routedWebhook()?.traceparent === `00-${span.traceId}-${span.spanId}-01`),
    });
    // Assessment consumes the completion once: its projection of every event (the completion count reads it).
    const expectedCounts = { registration: 1, planApproval: 1, submitPlanCall: 1, submitPlan: 1, routing: 2, decisions: 2, completion: 1, notificationConsumer: 1, assessmentConsumer: 1, webhookPost: 1 };
    const spans = await eventually(
      () => {
        const all = [...platform.spans.received];
        const found = wanted(all);
        return Object.entries(expectedCounts).every(([key, count]) => found[key as keyof typeof found].length >= count) ? all : undefined;
      },
      "every span of the case exported, with its ids",
      60_000,
    );
    const found = wanted(spans);
    for (const [key, count] of Object.entries(expectedCounts)) expect(found[key as keyof typeof found], key).toHaveLength(count);
    expect(found.assessmentConsumer.map((span) => span.attributes["messaging.consumer.group.name"]).sort()).toEqual(["assessment-projection"]);

    // Connected: parent/child and links, in either direction.
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parent = new Map<string, string>();
    const root = (id: string): string => {
      const up = parent.get(id) ?? id;
      return up === id ? id : root(up);
    };
    const join = (a: string, b: string) => {
      if (byId.has(a) && byId.has(b)) parent.set(root(a), root(b));
    };
    for (const span of spans) {
      if (span.parentSpanId) join(span.spanId, span.parentSpanId);
      for (const link of span.links) join(span.spanId, link.spanId);
    }
    const start = root(found.registration[0]!.spanId);
    for (const [key, list] of Object.entries(found)) {
      for (const span of list) expect(root(span.spanId), `${key} (${span.service} ${span.name}) joined to the registration`).toBe(start);
    }
    // The calls that began new traces are joined by links: to the registration, to the plan's trace.
    expect(found.planApproval[0]!.traceId).not.toBe(found.registration[0]!.traceId);
    expect(found.planApproval[0]!.links.length).toBeGreaterThan(0);
    for (const decision of found.decisions) expect(decision.links.map((link) => link.traceId)).toContain(found.submitPlan[0]!.traceId);
    expect(found.completion[0]!.links.map((link) => link.spanId)).toContain(found.submitPlan[0]!.spanId);
    // The webhook got the POST span's own traceparent.
    const post = found.webhookPost[0]!;
    expect(routedWebhook()!.traceparent).toBe(`00-${post.traceId}-${post.spanId}-01`);

    // Postgres spans under the calls, with the conventions' attributes and never a value.
    const queries = spans.filter((span) => span.attributes["db.system.name"] === "postgresql");
    expect(queries.find((span) => span.parentSpanId === found.submitPlan[0]!.spanId && span.attributes["db.query.summary"]?.startsWith("INSERT cases"))).toBeDefined();
    for (const span of queries) {
      expect(span.attributes["db.operation.name"]).toMatch(/^[A-Z]+$/);
      expect(span.kind).toBe(kinds.client);
      expect(span.parentSpanId, `${span.name} has a parent`).not.toBe("");
    }
    const everything = JSON.stringify(spans);
    for (const personal of [project.contactPhone, project.contactName]) expect(everything).not.toContain(personal);
  });

  it("creates no trace for health probes, readiness checks or scrapes", async () => {
    const health = (port: number) =>
      new Promise<void>((resolve, reject) => {
        const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
        client.makeUnaryRequest("/grpc.health.v1.Health/Check", () => Buffer.alloc(0), (b: Buffer) => b, {}, new Metadata(), { deadline: Date.now() + 5000 }, (error) => {
          client.close();
          if (error) reject(error);
          else resolve();
        });
      });
    const since = platform.spans.received.length;
    for (const name of serviceNames) {
      const { httpPort, grpcPort } = platform.services[name];
      for (const path of ["/healthz", "/readyz", "/metrics"]) expect((await fetch(`http://127.0.0.1:${httpPort}${path}`)).status).toBe(200);
      await health(grpcPort);
    }
    // A traced call to every service afterwards: once its spans arrive, anything the probes made would have too.
    await admin.agreement.listAgreements({ projectId, pageSize: 1, pageToken: "", stewardId: "", status: 0 });
    await steward.routing.getCase({ id: caseId });
    await steward.notification.listDeliveries({ subjectId: caseId, pageSize: 1, pageToken: "", recipient: undefined, status: 0 });
    await admin.assessment.getCompletionStats({});
    await fetch(`http://127.0.0.1:${platform.services.intake.httpPort}/v1/projects/${projectId}`, { headers: { authorization: `Bearer ${await platform.token({ subject: "enterprise-1", role: "enterprise", creditCode: project.creditCode })}` } });
    const markers = ["steward.agreement.v1.AgreementService/ListAgreements", "steward.routing.v1.RoutingService/GetCase", "steward.notification.v1.NotificationService/ListDeliveries", "steward.assessment.v1.AssessmentService/GetCompletionStats", "GET /v1/projects/:id"];
    const after = await eventually(
      () => {
        const fresh = platform.spans.received.slice(since);
        return markers.every((marker) => fresh.some((span) => span.name === marker)) ? fresh : undefined;
      },
      "the marker calls' spans",
      30_000,
    );
    expect(after.filter((span) => /healthz|readyz|metrics|grpc\.health/.test(span.name))).toEqual([]);
    // No query span without a parent: the readiness check's `select 1` starts no trace.
    expect(platform.spans.received.filter((span) => span.attributes["db.system.name"] && !span.parentSpanId)).toEqual([]);
  });

  describe("metrics", () => {
    const scrapes = new Map<ServiceName, string>();
    const samples = (text: string) => {
      const names = new Map<string, { labels: string; value: number }[]>();
      for (const line of text.split("\n")) {
        if (line === "" || line.startsWith("#")) continue;
        const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
        if (!match) throw new Error(`not an exposition line: ${line}`);
        names.set(match[1]!, [...(names.get(match[1]!) ?? []), { labels: match[2] ?? "", value: Number(match[3]) }]);
      }
      return names;
    };
    const value = (service: ServiceName, name: string, label = "") => samples(scrapes.get(service)!).get(name)?.find((sample) => sample.labels.includes(label))?.value;
    /** The sum over every series of `name` carrying `label` (e.g. every channel's). */
    const total = (service: ServiceName, name: string, label = "") =>
      (samples(scrapes.get(service)!).get(name) ?? []).filter((sample) => sample.labels.includes(label)).reduce((sum, sample) => sum + sample.value, 0);
    const inScope = (definition: MetricDefinition, service: ServiceName) => definition.scope === "every service" || definition.scope.includes(service);
    const sampleName = (definition: MetricDefinition) => `${prometheusName(definition)}${definition.kind === "histogram" ? "_bucket" : ""}`;

    beforeAll(async () => {
      // Every consumer drained, every backlog measured at least once since (their refresh is 5 s).
      await eventually(async () => {
        for (const name of serviceNames) scrapes.set(name, await (await fetch(`http://127.0.0.1:${platform.services[name].httpPort}/metrics`)).text());
        const drained = ["agreement", "notification", "assessment"].every((name) =>
          (samples(scrapes.get(name as ServiceName)!).get("steward_consumer_pending") ?? []).every((sample) => sample.value === 0),
        );
        return drained && value("notification", "steward_notification_deliveries_pending") === 0 ? true : undefined;
      }, "consumers and queues drained", 30_000);
    });

    it("serves every metric of the registry from the services it belongs to, each series labelled with service and region", () => {
      for (const name of serviceNames) {
        const names = samples(scrapes.get(name)!);
        for (const definition of Object.values(metricDefinitions)) {
          if (inScope(definition, name)) expect(names.has(sampleName(definition)), `${sampleName(definition)} on ${name}`).toBe(true);
        }
        for (const [sample, series] of names) {
          if (sample === "target_info") continue;
          for (const { labels } of series) {
            expect(labels, sample).toContain(`service_name="steward-${name}"`);
            expect(labels, sample).toContain(`steward_region="${platform.region}"`);
          }
        }
      }
    });

    it("tells an SRE that nothing is backing up and everything ran, in numbers", () => {
      for (const name of ["agreement", "notification", "assessment"] as const) {
        for (const gauge of ["steward_consumer_pending", "steward_consumer_ack_pending", "steward_consumer_redelivered"]) {
          const series = samples(scrapes.get(name)!).get(gauge)!;
          expect(series.length, `${gauge} on ${name}`).toBeGreaterThan(0);
          expect(series.every((sample) => sample.value === 0), `${gauge} on ${name}`).toBe(true);
        }
      }
      for (const name of serviceNames) {
        expect(value(name, "steward_outbox_pending"), name).toBe(0);
        expect(value(name, "steward_outbox_oldest_age_seconds"), name).toBe(0);
        expect(value(name, "steward_job_last_success_timestamp_seconds", 'steward_job="outbox-relay"'), name).toBeGreaterThan(Date.now() / 1000 - 3600);
        expect(value(name, "steward_nats_connected"), name).toBe(1);
        expect(value(name, "steward_nats_reconnects_total"), name).toBe(0);
        // Ready, every part up (Postgres, NATS, the relay, each consumer and job), no process fault.
        expect(value(name, "steward_readiness"), name).toBe(1);
        const components = samples(scrapes.get(name)!).get("steward_readiness_component")!;
        expect(components.map((sample) => /steward_component="([^"]+)"/.exec(sample.labels)![1]), name).toEqual(expect.arrayContaining(["postgres", "nats", "outbox-relay"]));
        expect(components.filter((sample) => sample.value !== 1), name).toEqual([]);
        const faults = samples(scrapes.get(name)!).get("steward_process_faults_total")!;
        expect(faults.map((sample) => sample.value), name).toEqual([0, 0, 0, 0]);
        expect(value(name, "db_client_connection_max"), name).toBe(10);
        expect(value(name, "db_client_connection_pending_requests"), name).toBe(0);
        const rss = value(name, "process_memory_usage_bytes")!;
        expect(rss, name).toBeGreaterThan(20 * 1024 * 1024);
        expect(value(name, "v8js_memory_heap_limit_bytes"), name).toBeGreaterThan(0);
      }
      // SMS to the enterprise and the people who have numbers, webhooks to the bureau's system: all delivered, none given up.
      expect(total("notification", "steward_notification_delivery_attempts_total", 'steward_outcome="delivered"')).toBeGreaterThanOrEqual(1);
      expect(total("notification", "steward_notification_delivery_attempts_total", 'steward_notification_channel="webhook"')).toBeGreaterThanOrEqual(1);
      expect(total("notification", "steward_notification_delivery_attempts_total", 'steward_outcome="given_up"')).toBe(0);
      expect(total("notification", "steward_notification_delivery_latency_seconds_count")).toBeGreaterThanOrEqual(1);
      expect(value("notification", "steward_job_last_success_timestamp_seconds", 'steward_job="notification-dispatcher"')).toBeGreaterThan(0);
      expect(value("approval-routing", "steward_job_last_success_timestamp_seconds", 'steward_job="clock"')).toBeGreaterThan(0);
      // The jobs' heartbeats are readiness's too: one name for a job on both.
      for (const [name, component] of [["approval-routing", "clock"], ["approval-routing", "linkage"], ["notification", "notification-dispatcher"], ["assessment", "consumer:assessment-projection"]] as const) {
        expect(value(name, "steward_readiness_component", `steward_component="${component}"`), `${component} on ${name}`).toBe(1);
      }
      // The lights: every department of the catalogue has its series, at 0 for this fresh region.
      const overdue = samples(scrapes.get("approval-routing")!).get("steward_routing_items_overdue")!;
      const catalogue = JSON.parse(readFileSync(`${repositoryRoot}services/approval-routing/catalogue/ankang.json`, "utf8")) as { departments: { code: string }[] };
      expect(overdue.map((sample) => /steward_department="([^"]+)"/.exec(sample.labels)![1]).sort()).toEqual(catalogue.departments.map((department) => department.code).sort());
      expect(overdue.every((sample) => sample.value === 0)).toBe(true);
      // The consumers' histogram in seconds, in the registry's buckets: the handled events are not all in the first one.
      const buckets = samples(scrapes.get("assessment")!).get("steward_consumer_duration_seconds_bucket")!.filter((sample) => sample.labels.includes('steward_outcome="handled"'));
      expect(buckets.map((sample) => /le="([^"]+)"/.exec(sample.labels)![1])).toContain("0.005");
      expect(value("assessment", "steward_consumer_duration_seconds_count", 'steward_event_type="routing.case.completed",steward_outcome="handled"')).toBe(1);
    });

    it("has every metric the Grafana dashboards and the alert rules query", () => {
      const served = new Set([...scrapes.values()].flatMap((text) => [...samples(text).keys()]));
      const directory = `${repositoryRoot}deploy/observability`;
      const queries = [
        ...readdirSync(`${directory}/dashboards`)
          .filter((file) => file.endsWith(".json"))
          .flatMap((file) => dashboardQueries(JSON.parse(readFileSync(`${directory}/dashboards/${file}`, "utf8"))).map((query) => ({ ...query, where: `${file} ${query.where}` }))),
        ...readdirSync(`${directory}/alerts`)
          .filter((file) => file.endsWith(".rules.yaml"))
          .flatMap((file) => ruleExpressions(readFileSync(`${directory}/alerts/${file}`, "utf8")).map((rule) => ({ where: `${file} ${rule.alert}`, expr: rule.expr }))),
      ];
      expect(queries.length).toBeGreaterThan(20);
      const missing = queries.flatMap(({ where, expr }) => metricsOf(expr).filter((metric) => !served.has(metric)).map((metric) => `${where}: ${metric}`));
      expect(missing).toEqual([]);
    });
  });

  it("logs one access line per request, consumed event and delivery, with its trace id and no personal data", () => {
    const logs = (name: ServiceName) => platform.services[name].logs;
    const registration = logs("intake").find((line) => line.access === "http" && line.route === "/v1/projects" && line.method === "POST");
    expect(registration).toMatchObject({ level: "info", status: 201, region: platform.region, trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), durationMs: expect.any(Number) });
    expect(logs("agreement").find((line) => line.access === "rpc" && line.rpc === "/steward.agreement.v1.AgreementService/ApprovePlan")).toMatchObject({ code: "OK", trace_id: expect.any(String) });
    expect(logs("approval-routing").filter((line) => line.access === "rpc" && line.rpc === "/steward.routing.v1.DepartmentGatewayService/DecideItem")).toHaveLength(2);
    for (const name of ["notification", "assessment"] as const) {
      expect(logs(name).find((line) => line.access === "event" && line.type === "routing.case.completed"), name).toMatchObject({ outcome: "handled", trace_id: expect.any(String) });
    }
    expect(logs("notification").find((line) => line.access === "delivery" && line.channel === "webhook")).toMatchObject({ outcome: "delivered", status: expect.any(Number), attempt: 1, trace_id: expect.any(String) });
    const everything = JSON.stringify(serviceNames.map(logs));
    for (const personal of [project.contactPhone, project.contactName]) expect(everything).not.toContain(personal);
  });
});
