/** Evaluates k6 threshold expressions ("p(95)<250", "rate>0.999", "count==0") against the driver's metrics. */
import { keyOf, type Registry } from "./metrics.ts";

export interface ThresholdResult {
  metric: string;
  expression: string;
  /** The aggregated value the expression compared; undefined when it could not be computed. */
  actual: number | undefined;
  ok: boolean;
  problem?: string;
}

const expressionPattern = /^\s*(avg|min|max|med|count|rate|p\(\d+(?:\.\d+)?\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Splits "p(95)<250" into its parts, or explains why it is not a threshold expression. */
export function parseExpression(expression: string): { aggregation: string; operator: string; bound: number } | string {
  const match = expressionPattern.exec(expression);
  if (!match) return `"${expression}" is not a threshold expression (aggregation operator number)`;
  return { aggregation: match[1]!, operator: match[2]!, bound: Number(match[3]) };
}

function compare(actual: number, operator: string, bound: number): boolean {
  switch (operator) {
    case "<":
      return actual < bound;
    case "<=":
      return actual <= bound;
    case ">":
      return actual > bound;
    case ">=":
      return actual >= bound;
    case "==":
    case "===":
      return actual === bound;
    case "!=":
      return actual !== bound;
    default:
      return false;
  }
}

/** Normalises "name{b:2, a:1}" to the registry's key "name{a:1,b:2}". */
function metricKey(name: string): string {
  const match = /^([^{]+)\{(.*)\}$/.exec(name.trim());
  if (!match) return name.trim();
  const tags = Object.fromEntries(
    match[2]!
      .split(",")
      .map((pair) => pair.split(":").map((part) => part.trim()))
      .filter((pair) => pair.length === 2 && pair[0])
      .map(([k, v]) => [k!, v!]),
  );
  return keyOf(match[1]!.trim(), tags);
}

export function evaluateThresholds(thresholds: Record<string, (string | { threshold: string })[]>, registry: Registry): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  for (const [name, expressions] of Object.entries(thresholds)) {
    const metric = registry.find(metricKey(name));
    for (const entry of expressions) {
      const expression = typeof entry === "string" ? entry : entry.threshold;
      const parsed = parseExpression(expression);
      if (typeof parsed === "string") {
        results.push({ metric: name, expression, actual: undefined, ok: false, problem: parsed });
        continue;
      }
      if (!metric) {
        results.push({ metric: name, expression, actual: undefined, ok: false, problem: `no metric named ${name}` });
        continue;
      }
      const actual = metric.value(parsed.aggregation);
      if (actual === undefined) {
        results.push({ metric: name, expression, actual, ok: false, problem: `a ${metric.type} has no ${parsed.aggregation}` });
        continue;
      }
      results.push({ metric: name, expression, actual, ok: compare(actual, parsed.operator, parsed.bound) });
    }
  }
  return results;
}
