import type { DescMethod } from "@bufbuild/protobuf";
import { contractRegistry, contractServices, httpBindings, type HttpBinding } from "@steward/platform/contract";
import { serviceNames, type RunningPlatform, type ServiceName } from "../platform.js";
import { servedServices } from "./reflection.js";

/** An RPC of the contract, on the process that serves it. */
export interface RpcTarget {
  kind: "rpc";
  name: string;
  method: DescMethod;
  process: ServiceName;
}

/** An HTTP route of the contract (google.api.http), on the process that serves it. */
export interface RouteTarget {
  kind: "route";
  name: string;
  binding: HttpBinding;
  process: ServiceName;
}

export type Target = RpcTarget | RouteTarget;

/**
 * Every RPC and route of the committed contract, each on the process that serves it (asked of
 * the processes' reflection): a service or route added tomorrow is fuzzed without a change here,
 * and one that no process serves is an error, not a gap.
 */
export async function discoverTargets(platform: RunningPlatform): Promise<Target[]> {
  const servedBy = new Map<string, ServiceName>();
  for (const process of serviceNames) {
    for (const service of await servedServices(`127.0.0.1:${platform.services[process].grpcPort}`)) servedBy.set(service, process);
  }
  const targets: Target[] = [];
  for (const serviceName of contractServices()) {
    const process = servedBy.get(serviceName);
    if (!process) throw new Error(`${serviceName} is in the contract but no process of the platform serves it`);
    for (const method of contractRegistry().getService(serviceName)!.methods) {
      targets.push({ kind: "rpc", name: `${serviceName.split(".").slice(1, 2)[0]}.${method.parent.name}/${method.name}`, method, process });
    }
    for (const binding of httpBindings([serviceName])) targets.push({ kind: "route", name: `${binding.method} ${binding.template}`, binding, process });
  }
  return targets;
}
