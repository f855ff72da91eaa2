import type { DescMethod } from "@bufbuild/protobuf";
import { contractOption, contractRegistry } from "./registry.js";

/** An RPC's HTTP route, from its google.api.http option. */
export interface HttpBinding {
  /** GET, POST, PUT, PATCH or DELETE. */
  method: string;
  /** The template as the contract writes it, e.g. /v1/projects/{id}. */
  template: string;
  /** The same path as a Hono route, e.g. /v1/projects/:id. */
  route: string;
  /** The request fields the path names, in order. */
  pathFields: string[];
  /** "*" when the body is the whole request, "" when there is none. */
  body: string;
  rpc: DescMethod;
  pattern: RegExp;
}

interface HttpRule {
  pattern: { case: string | undefined; value?: unknown };
  body: string;
  additionalBindings: HttpRule[];
}

const verbs: Record<string, string> = { get: "GET", put: "PUT", post: "POST", delete: "DELETE", patch: "PATCH" };

function bindingsOf(rpc: DescMethod, rule: HttpRule): HttpBinding[] {
  const verb = rule.pattern.case ? verbs[rule.pattern.case] : undefined;
  const own: HttpBinding[] = [];
  if (verb && typeof rule.pattern.value === "string") {
    const template = rule.pattern.value;
    const pathFields = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    own.push({
      method: verb,
      template,
      route: template.replace(/\{(\w+)\}/g, ":$1"),
      pathFields,
      body: rule.body,
      rpc,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}/g, "([^/]+)")}$`),
    });
  }
  return [...own, ...rule.additionalBindings.flatMap((additional) => bindingsOf(rpc, additional))];
}

let all: HttpBinding[] | undefined;

/** Every HTTP route the contract declares (google.api.http), of the given services or of all. */
export function httpBindings(services?: string[]): HttpBinding[] {
  if (!all) {
    all = [];
    for (const file of contractRegistry().files) {
      for (const service of file.services) {
        for (const rpc of service.methods) {
          all.push(...bindingsOf(rpc, contractOption<HttpRule>(rpc, "google.api.http")));
        }
      }
    }
  }
  return services ? all.filter((binding) => services.includes(binding.rpc.parent.typeName)) : all;
}

/** The binding a request's method and path fall under, with the path's values by field name. */
export function matchBinding(method: string, path: string): { binding: HttpBinding; params: Record<string, string> } | undefined {
  for (const binding of httpBindings()) {
    if (binding.method !== method) continue;
    const match = binding.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    binding.pathFields.forEach((field, index) => {
      const raw = match[index + 1]!;
      try {
        params[field] = decodeURIComponent(raw);
      } catch {
        params[field] = raw;
      }
    });
    return { binding, params };
  }
  return undefined;
}
