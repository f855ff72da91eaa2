import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { Client, credentials } from "@grpc/grpc-js";

/**
 * The services a running process serves, asked of its gRPC server reflection
 * (grpc.reflection.v1alpha: ServerReflectionRequest.list_services = 7, the response's
 * list_services_response = 6 holding ServiceResponse { name = 1 } entries).
 */
export function servedServices(address: string): Promise<string[]> {
  const client = new Client(address, credentials.createInsecure());
  const call = client.makeBidiStreamRequest(
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    (request: string) => Buffer.from(new BinaryWriter().tag(7, WireType.LengthDelimited).string(request).finish()),
    (bytes: Buffer) => bytes,
  );
  return new Promise<string[]>((resolve, reject) => {
    call.on("data", (bytes: Buffer) => {
      const names: string[] = [];
      const response = new BinaryReader(bytes);
      while (response.pos < response.len) {
        const [field, type] = response.tag();
        if (field !== 6) {
          response.skip(type);
          continue;
        }
        const list = new BinaryReader(response.bytes());
        while (list.pos < list.len) {
          const [entry, entryType] = list.tag();
          if (entry !== 1) {
            list.skip(entryType);
            continue;
          }
          const service = new BinaryReader(list.bytes());
          while (service.pos < service.len) {
            const [nameField, nameType] = service.tag();
            if (nameField === 1) names.push(service.string());
            else service.skip(nameType);
          }
        }
      }
      call.end();
      resolve(names);
    });
    call.on("error", reject);
    call.write("");
  }).finally(() => client.close());
}
