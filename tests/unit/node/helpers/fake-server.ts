/**
 * A scriptable HTTP server on a random loopback port, for the cases a faithful sandbox never
 * produces: odd error bodies, HTML from a gateway, a hanging answer, a reset connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  route(method: string, path: string | RegExp, handler: Route): void;
  close(): Promise<void>;
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

export async function startFakeServer(): Promise<FakeServer> {
  const routes: Array<{ method: string; path: string | RegExp; handler: Route }> = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        path: url.pathname,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const route = [...routes]
        .reverse()
        .find(
          (candidate) =>
            candidate.method === recorded.method &&
            (typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname)),
        );
      if (!route) return json(response, 404, { code: 'not-found', description: `No route for ${recorded.method} ${url.pathname}` });
      Promise.resolve(route.handler(recorded, response)).catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, { description: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, handler) {
      routes.push({ method, path, handler });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
