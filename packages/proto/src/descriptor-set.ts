import { fileURLToPath } from "node:url";

/** Path of the FileDescriptorSet (with imports) that gRPC server reflection serves. */
export const descriptorSetPath = fileURLToPath(new URL("../descriptor-set.binpb", import.meta.url));
