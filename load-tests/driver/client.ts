/**
 * A driver VU's gRPC client: one channel (its own HTTP/2 connection) per VU, as k6 connects once
 * per VU. grpc-js shares subchannels between clients of the same target by default, which would
 * put every VU on one connection; the local subchannel pool keeps them apart.
 */
import { Client, Metadata, credentials, status, type ChannelOptions, type ServiceError } from "@grpc/grpc-js";
import { routingV1 } from "@steward/proto";
import { methods, type MethodKey } from "../lib/profiles.ts";

/** The generated definitions of the methods the scenarios call, by the shared method keys. */
export const definitions = {
  submitPlan: routingV1.RoutingServiceService.submitPlan,
  listAssignments: routingV1.DepartmentGatewayServiceService.listAssignments,
  acceptItem: routingV1.DepartmentGatewayServiceService.acceptItem,
  decideItem: routingV1.DepartmentGatewayServiceService.decideItem,
  acceptItems: routingV1.DepartmentGatewayServiceService.acceptItems,
  decideItems: routingV1.DepartmentGatewayServiceService.decideItems,
} as const;

for (const [key, definition] of Object.entries(definitions)) {
  if (definition.path !== `/${methods[key as MethodKey]}`) throw new Error(`lib/profiles.ts names ${methods[key as MethodKey]}, the contract ${definition.path}`);
}

type Definitions = typeof definitions;
export type RequestOf<K extends MethodKey> = Parameters<Definitions[K]["requestSerialize"]>[0];
export type ResponseOf<K extends MethodKey> = ReturnType<Definitions[K]["responseDeserialize"]>;

export type CallResult<K extends MethodKey> = { ok: true; response: ResponseOf<K> } | { ok: false; code: status; error: ServiceError };

/** Receives every call's duration and outcome. */
export type CallRecorder = (method: MethodKey, ms: number, code: status, error?: ServiceError) => void;

export const callDeadlineMs = 10_000;

export class VirtualUser {
  private readonly client: Client;

  constructor(
    readonly index: number,
    address: string,
    private readonly record: CallRecorder,
    channelOptions: ChannelOptions = {},
  ) {
    this.client = new Client(address, credentials.createInsecure(), {
      "grpc.use_local_subchannel_pool": 1,
      "grpc.keepalive_time_ms": 30_000,
      ...channelOptions,
    });
  }

  call<K extends MethodKey>(method: K, request: RequestOf<K>, token: string, deadlineMs = callDeadlineMs): Promise<CallResult<K>> {
    const definition = definitions[method];
    const metadata = new Metadata();
    metadata.set("authorization", `Bearer ${token}`);
    const started = performance.now();
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize as (value: RequestOf<K>) => Buffer,
        definition.responseDeserialize as (bytes: Buffer) => ResponseOf<K>,
        request,
        metadata,
        { deadline: Date.now() + deadlineMs },
        (error: ServiceError | null, response?: ResponseOf<K>) => {
          this.record(method, performance.now() - started, error?.code ?? status.OK, error ?? undefined);
          resolve(error ? { ok: false, code: error.code, error } : { ok: true, response: response! });
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
