import type { DescMethod } from "@bufbuild/protobuf";
import { contractRegistry, contractServices } from "@steward/platform/contract";
import { serviceNames, type RunningPlatform, type ServiceName } from "../platform.js";
import type { HttpOperation, JsonSchema } from "./arbitraries/http.js";
import { servedServices } from "./reflection.js";

/** An RPC of the contract, on the process that serves it. */
export interface RpcTarget {
  kind: "rpc";
  name: string;
  method: DescMethod;
  process: ServiceName;
}

/** An operation of a process's HTTP API, as its OpenAPI document describes it. */
export interface RouteTarget {
  kind: "route";
  name: string;
  operation: HttpOperation;
  process: ServiceName;
}

export type Target = RpcTarget | RouteTarget;

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: HttpOperation["parameters"]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The operations of the process's HTTP API, from the OpenAPI document it serves (none without one). */
async function httpOperations(httpPort: number): Promise<HttpOperation[]> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/openapi.json`);
  if (response.status === 404) {
    await response.arrayBuffer();
    return [];
  }
  if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      return { method: method.toUpperCase(), path, parameters: operation.parameters ?? [], ...(body ? { body } : {}), schemas };
    }),
  );
}

/**
 * Every RPC of the committed contract, each on the process that serves it (asked of the processes'
 * reflection), and every operation of every process's HTTP API (from the OpenAPI document it
 * serves): an RPC or route added tomorrow is fuzzed without a change here, and a contract service
 * that no process serves is an error, not a gap.
 */
export async function discoverTargets(platform: RunningPlatform): Promise<Target[]> {
  const servedBy = new Map<string, ServiceName>();
  const targets: Target[] = [];
  for (const process of serviceNames) {
    for (const service of await servedServices(`127.0.0.1:${platform.services[process].grpcPort}`)) servedBy.set(service, process);
    for (const operation of await httpOperations(platform.services[process].httpPort)) {
      targets.push({ kind: "route", name: `${process} ${operation.method} ${operation.path}`, operation, process });
    }
  }
  for (const serviceName of contractServices()) {
    const process = servedBy.get(serviceName);
    if (!process) throw new Error(`${serviceName} is in the contract but no process of the platform serves it`);
    for (const method of contractRegistry().getService(serviceName)!.methods) {
      targets.push({ kind: "rpc", name: `${serviceName.split(".")[1]}.${method.parent.name}/${method.name}`, method, process });
    }
  }
  return targets;
}
