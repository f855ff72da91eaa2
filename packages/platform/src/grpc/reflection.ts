import { readFileSync } from "node:fs";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { Server } from "@grpc/grpc-js";
import { ReflectionService } from "@grpc/reflection";

/**
 * Serves gRPC server reflection from the committed descriptor set, in both versions clients ask
 * for: grpc.reflection.v1 (grpcurl, buf curl and current gRPC libraries ask it first) and
 * grpc.reflection.v1alpha (older clients). Only the services this server runs are listed; every
 * message file stays resolvable, with its imports, so well-known types resolve.
 *
 * @grpc/reflection reads nothing of a package definition but the serialized files its entries
 * carry (`fileDescriptorProtos`). It is given the committed files exactly as buf built them:
 * proto-loader's own descriptor-set loader regroups them by package under other names, and a
 * client then cannot resolve the imports the files declare.
 */
export function addReflection(server: Server, descriptorSetPath: string, servedServices: string[]): void {
  const files = fromBinary(FileDescriptorSetSchema, readFileSync(descriptorSetPath)).file;
  const definition = Object.fromEntries(
    files.map((file) => [file.name, { format: "Protocol Buffer 3 FileDescriptorProto", fileDescriptorProtos: [Buffer.from(toBinary(FileDescriptorProtoSchema, file))] }]),
  ) as unknown as ConstructorParameters<typeof ReflectionService>[0];
  new ReflectionService(definition, { services: servedServices }).addToServer(server);
}
