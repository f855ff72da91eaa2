/**
 * The metric names a PromQL expression reads (dashboards' panels, alert rules): what must exist on
 * a service's /metrics for the panel or rule to show anything. A reader of the expressions this
 * repository writes, not a full PromQL parser: strings, label matchers, ranges and grouping clauses
 * are dropped, then every name that is not a function, a keyword or a Grafana variable is a metric.
 */
const keywords = new Set(["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan"]);

export function metricsOf(expression: string): string[] {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\$\{?\w+\}?/g, " ");
  const names = new Set<string>();
  for (const match of stripped.matchAll(/(?<![0-9.\w:])[a-zA-Z_:][a-zA-Z0-9_:]*(?![a-zA-Z0-9_:])(?!\s*\()/g)) {
    if (!keywords.has(match[0].toLowerCase())) names.add(match[0]);
  }
  return [...names];
}

interface DashboardPanel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: DashboardPanel[];
}

interface Dashboard {
  panels?: DashboardPanel[];
  templating?: { list?: { name?: string; type?: string; query?: string | { query?: string } }[] };
}

/** Every query of a Grafana dashboard: each panel's targets (rows included) and its query variables. */
export function dashboardQueries(dashboard: Dashboard): { where: string; expr: string }[] {
  const queries: { where: string; expr: string }[] = [];
  const walk = (panels: DashboardPanel[] = []) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) if (target.expr) queries.push({ where: `panel "${panel.title ?? "?"}"`, expr: target.expr });
      walk(panel.panels);
    }
  };
  walk(dashboard.panels);
  for (const variable of (dashboard.templating?.list ?? []).filter((v) => v.type === "query")) {
    const query = typeof variable.query === "string" ? variable.query : variable.query?.query;
    // label_values(metric, label): the metric is read, the label is not a metric.
    if (query) queries.push({ where: `variable ${variable.name ?? "?"}`, expr: query.replace(/label_values\(\s*([^,)]+)(?:,[^)]*)?\)/g, "$1") });
  }
  return queries;
}

/** The `expr:` of every rule in a Prometheus rule file (one expression per line, as ours are written). */
export function ruleExpressions(yaml: string): { alert: string; expr: string }[] {
  const rules: { alert: string; expr: string }[] = [];
  let alert = "";
  for (const line of yaml.split("\n")) {
    const named = /^\s*-\s*(?:alert|record):\s*(\S+)/.exec(line);
    if (named) alert = named[1]!;
    const expr = /^\s*expr:\s*(.+?)\s*$/.exec(line);
    if (expr) rules.push({ alert, expr: expr[1]!.replace(/^(['"])(.*)\1$/, "$2") });
  }
  return rules;
}
