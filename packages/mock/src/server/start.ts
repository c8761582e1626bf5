import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMock, type EmbottMock, type MockOptions } from "../mock";
import { createRequestListener } from "./bridge";

export interface StartOptions extends MockOptions {
  /** Port to bind; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Largest request body accepted, in bytes (default 1 MiB); larger bodies get 413. */
  maxBodyBytes?: number;
}

export interface RunningMockServer {
  /** Root URL, e.g. `http://127.0.0.1:50123`; the API lives under `/v1`, control endpoints under `/__mock`. */
  url: string;
  mock: EmbottMock;
  server: Server;
  close(): Promise<void>;
}

/** Serves the mock's handlers over real HTTP. */
export async function startMockServer(options: StartOptions = {}): Promise<RunningMockServer> {
  const mock = createMock(options);
  const server = createServer(
    createRequestListener({
      handlers: mock.handlers,
      requestIds: mock.requestIds,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        mock.webhooks.reset();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
