/** The shape ts-proto generates for a service (outputServices=grpc-js). */
export interface MethodDefinition<Req, Res> {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize: (value: Req) => Buffer;
  requestDeserialize: (value: Buffer) => Req;
  responseSerialize: (value: Res) => Buffer;
  responseDeserialize: (value: Buffer) => Res;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServiceDefinition = Record<string, MethodDefinition<any, any>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RequestOf<M extends MethodDefinition<any, any>> = Parameters<M["requestSerialize"]>[0];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResponseOf<M extends MethodDefinition<any, any>> = ReturnType<M["responseDeserialize"]>;

/** Method names of a definition that are plain unary calls. */
export type UnaryMethodNames<D extends ServiceDefinition> = {
  [K in keyof D]: D[K]["requestStream"] extends false ? (D[K]["responseStream"] extends false ? K : never) : never;
}[keyof D] &
  string;

/** Method names of a definition that stream responses to one request. */
export type ServerStreamMethodNames<D extends ServiceDefinition> = {
  [K in keyof D]: D[K]["requestStream"] extends false ? (D[K]["responseStream"] extends true ? K : never) : never;
}[keyof D] &
  string;
