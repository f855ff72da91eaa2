import { readFileSync } from "node:fs";
import { createFileRegistry, fromBinary, getOption, type DescField, type DescMethod, type FileRegistry } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { descriptorSetPath } from "@steward/proto/descriptor-set";

let registry: FileRegistry | undefined;

/**
 * The committed descriptor set (packages/proto/descriptor-set.binpb) as a registry: the contract
 * every request is checked against, read once per process.
 */
export function contractRegistry(): FileRegistry {
  return (registry ??= createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(descriptorSetPath))));
}

/** The method of a gRPC path such as /steward.routing.v1.RoutingService/GetCase. */
export function contractMethod(path: string): DescMethod {
  const [, serviceName = "", methodName] = path.split("/");
  const method = contractRegistry()
    .getService(serviceName)
    ?.methods.find((candidate) => candidate.name === methodName);
  if (!method) throw new Error(`${path} is not in the committed descriptor set (pnpm proto:gen)`);
  return method;
}

/** Every steward service of the contract, by full name. */
export function contractServices(): string[] {
  const names: string[] = [];
  for (const file of contractRegistry().files) {
    for (const service of file.services) if (service.typeName.startsWith("steward.")) names.push(service.typeName);
  }
  return names;
}

/**
 * The value of an option the contract declares (e.g. steward.options.v1.field on a field,
 * google.api.http on a method), as a plain message of the registry; its zero value when unset.
 */
export function contractOption<T>(element: DescField | DescMethod, name: string): T {
  const extension = contractRegistry().getExtension(name);
  if (!extension) throw new Error(`option ${name} is not in the committed descriptor set`);
  return (getOption as (element: DescField | DescMethod, option: typeof extension) => unknown)(element, extension) as T;
}
