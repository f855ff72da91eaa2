import { readFileSync, readdirSync } from "node:fs";
import { metricDefinitions, prometheusName } from "@steward/platform/telemetry";
import { dashboardQueries, metricsOf, ruleExpressions } from "@steward/testing";
import { describe, expect, it } from "vitest";

/**
 * The observability files agree with the registry of metric names (packages/platform/src/telemetry/
 * names.ts): every metric a dashboard or an alert reads is one the services define, every alert has
 * a runbook and a promtool test, and the README describes every metric. The e2e test
 * (e2e/observability.test.ts) checks the same names against a running platform's /metrics.
 */
const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const directory = "deploy/observability";

/** Every sample name the registry's metrics produce on /metrics. */
const defined = new Set(
  Object.values(metricDefinitions).flatMap((definition) => {
    const name = prometheusName(definition);
    return definition.kind === "histogram" ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name];
  }),
);

const dashboards = readdirSync(new URL(`${directory}/dashboards`, root))
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({ file, dashboard: JSON.parse(read(`${directory}/dashboards/${file}`)) as { uid: string; title: string; panels: { type: string; title: string; targets?: { expr?: string }[] }[] } }));
const rulesFile = read(`${directory}/alerts/steward.rules.yaml`);
const rules = ruleExpressions(rulesFile);
const alerts = rules.map((rule) => rule.alert);

describe("metricsOf", () => {
  it("reads the metrics of an expression, not its functions, labels, ranges or grouping", () => {
    expect(
      metricsOf(
        'histogram_quantile(0.99, sum by (le, rpc_method) (rate(steward_rpc_server_duration_seconds_bucket{steward_region=~"$region",rpc_method!="x"}[$__rate_interval]))) / on (le) group_left time() - steward_job_last_success_timestamp_seconds > 1e3',
      ).sort(),
    ).toEqual(["steward_job_last_success_timestamp_seconds", "steward_rpc_server_duration_seconds_bucket"]);
  });
});

describe("Grafana dashboards", () => {
  it("are the three the SREs use, each with unique uid, a region variable and queries in every panel", () => {
    expect(dashboards.map(({ dashboard }) => dashboard.uid).sort()).toEqual(["steward-approvals", "steward-queues", "steward-services"]);
    for (const { file, dashboard } of dashboards) {
      expect(JSON.stringify(dashboard), file).toContain('"name":"region"');
      for (const panel of dashboard.panels.filter((p) => p.type !== "row")) expect(panel.targets?.length, `${file} ${panel.title}`).toBeGreaterThan(0);
    }
  });

  it("query only metrics the services define", () => {
    const unknown = dashboards.flatMap(({ file, dashboard }) =>
      dashboardQueries(dashboard).flatMap(({ where, expr }) => metricsOf(expr).filter((metric) => !defined.has(metric)).map((metric) => `${file} ${where}: ${metric}`)),
    );
    expect(unknown).toEqual([]);
  });
});

describe("alert rules", () => {
  it("query only metrics the services define", () => {
    expect(rules.length).toBe((rulesFile.match(/^\s*- alert:/gm) ?? []).length);
    const unknown = rules.flatMap(({ alert, expr }) => metricsOf(expr).filter((metric) => !defined.has(metric)).map((metric) => `${alert}: ${metric}`));
    expect(unknown).toEqual([]);
  });

  it("each link a runbook section that exists", () => {
    const anchors = new Set([...read("docs/runbooks.md").matchAll(/^## (\S+)$/gm)].map((match) => match[1]!.toLowerCase()));
    for (const alert of alerts) {
      expect(rulesFile, alert).toContain(`runbook_url: docs/runbooks.md#${alert.toLowerCase()}`);
      expect(anchors.has(alert.toLowerCase()), `runbook section for ${alert}`).toBe(true);
    }
  });

  it("are each tested firing by promtool (scripts/observability/promtool.sh runs the tests)", () => {
    const tests = read(`${directory}/alerts/steward.rules.test.yaml`);
    for (const alert of alerts) expect(tests, alert).toMatch(new RegExp(`alertname: ${alert}\\n\\s+exp_alerts:\\n\\s+- exp_labels:`));
  });
});

describe("README", () => {
  it("lists every metric of the registry with its meaning", () => {
    const readme = read("README.md");
    const section = readme.slice(readme.indexOf("## Telemetry"), readme.indexOf("\n## ", readme.indexOf("## Telemetry") + 5));
    expect(section.length).toBeGreaterThan(100);
    for (const definition of Object.values(metricDefinitions)) {
      const row = section.split("\n").find((line) => line.startsWith(`| \`${prometheusName(definition)}\``));
      expect(row, prometheusName(definition)).toBeDefined();
      expect(row!.split("|").at(-2)!.trim().length, `${prometheusName(definition)} has a meaning`).toBeGreaterThan(10);
    }
  });
});
