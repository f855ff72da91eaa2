import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";

/**
 * Writes a copy of the committed descriptor set that declares only the services this server
 * runs, so reflection (`buf curl --list-services`) lists what can actually be called here. Every
 * message file stays, with its imports, so well-known types resolve.
 */
export function descriptorSetFor(sourcePath: string, servedServices: string[]): string {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(sourcePath));
  const served = new Set(servedServices);
  for (const file of set.file) {
    file.service = file.service.filter((service) => served.has(file.package ? `${file.package}.${service.name}` : service.name));
  }
  const path = join(mkdtempSync(join(tmpdir(), "steward-reflection-")), "descriptor-set.binpb");
  writeFileSync(path, toBinary(FileDescriptorSetSchema, set));
  return path;
}
