import { createServer, connect, type Server, type Socket } from "node:net";

/** A loopback TCP proxy a test controls: the link between one service and one dependency. */
export interface TcpProxy {
  port: number;
  /**
   * Cuts the link: every open connection is reset and new ones are refused (accepted and reset at
   * once) until `restore()`, as when a firewall or a failed switch rejects the service's traffic.
   */
  cut(): void;
  restore(): void;
  readonly isCut: boolean;
  close(): Promise<void>;
}

/** Listens on a free loopback port and forwards every connection to `target`. */
export function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  const server: Server = createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on("close", () => open.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
    // One side failing resets the other, as the real link would.
    client.on("error", () => upstream.resetAndDestroy());
    upstream.on("error", () => client.resetAndDestroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        port,
        cut() {
          isCut = true;
          for (const socket of open) socket.resetAndDestroy();
          open.clear();
        },
        restore() {
          isCut = false;
        },
        get isCut() {
          return isCut;
        },
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
