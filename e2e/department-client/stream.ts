import { Metadata, type Client, type ClientReadableStream, type StatusObject } from "@grpc/grpc-js";

/**
 * The parts of a generated (ts-proto, outputServices=grpc-js) method definition a server-streaming
 * call needs. The platform's createClient covers unary calls only; this is the streaming
 * counterpart, kept here until the platform client grows one.
 */
export interface ServerStreamMethod<Req, Res> {
  path: string;
  requestStream: false;
  responseStream: true;
  requestSerialize: (value: Req) => Buffer;
  responseDeserialize: (value: Buffer) => Res;
}

export interface ServerStreamOptions {
  token: string;
  /** Absolute deadline (ms since the epoch) of the whole stream. */
  deadline: number;
}

/** One open server stream: iterate its messages; the iteration throws the status a failed stream ended with. */
export interface ServerStream<Res> extends AsyncIterable<Res> {
  /** Resolves with the final status, whatever ended the stream. */
  readonly status: Promise<StatusObject>;
  cancel(): void;
}

export function openServerStream<Req, Res>(client: Client, method: ServerStreamMethod<Req, Res>, request: Req, options: ServerStreamOptions): ServerStream<Res> {
  const metadata = new Metadata();
  metadata.set("authorization", `Bearer ${options.token}`);
  const call: ClientReadableStream<Res> = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, {
    deadline: options.deadline,
  });
  const status = new Promise<StatusObject>((resolve) => call.on("status", resolve));
  return {
    status,
    cancel: () => call.cancel(),
    // The call is an object-mode Readable: async iteration applies backpressure (the server's
    // `send` waits) and rethrows the ServiceError of a stream that ended badly.
    [Symbol.asyncIterator]: () => (call as AsyncIterable<Res>)[Symbol.asyncIterator](),
  };
}
