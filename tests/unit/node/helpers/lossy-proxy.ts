/**
 * A proxy in front of a real backend that can lose answers on purpose: forward the request and then
 * cut the connection (the backend acted, the client never hears), answer for the backend, or hang.
 * Deterministic where the sandbox's own fault injection is random.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyAction =
  | 'forward'
  /** Forward, let the backend act, then destroy the client connection. */
  | 'drop-response'
  /** Never answer. */
  | 'hang'
  /** Forward, then give the client this body instead of the backend's (status and headers kept); `undefined` = empty. */
  | { replaceBody: unknown }
  /** Answer without forwarding. */
  | { status: number; body?: unknown; headers?: Record<string, string> };

export interface ProxiedRequest {
  method: string;
  path: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The backend's status, once it answered a forwarded request. */
  status?: number;
}

export interface LossyProxy {
  url: string;
  requests: ProxiedRequest[];
  rule: (request: ProxiedRequest) => ProxyAction;
  close(): Promise<void>;
}

export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const proxy: LossyProxy = { url: '', requests: [], rule: () => 'forward', close: async () => undefined };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: ProxiedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      proxy.requests.push(recorded);
      const action = proxy.rule(recorded);
      if (action === 'hang') return;
      if (typeof action === 'object' && 'status' in action) {
        response.writeHead(action.status, { 'Content-Type': 'application/json', ...(action.headers ?? {}) });
        response.end(action.body === undefined ? '' : typeof action.body === 'string' ? action.body : JSON.stringify(action.body));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          ([key, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key),
        ),
      ) as Record<string, string>;
      try {
        const upstream = await fetch(`${target}${request.url}`, {
          method: request.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        const text = await upstream.text();
        recorded.status = upstream.status;
        if (action === 'drop-response') {
          response.socket?.destroy();
          return;
        }
        const responseHeaders: Record<string, string> = {};
        upstream.headers.forEach((value, key) => {
          if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key)) responseHeaders[key] = value;
        });
        response.writeHead(upstream.status, responseHeaders);
        if (typeof action === 'object' && 'replaceBody' in action)
          response.end(action.replaceBody === undefined ? '' : JSON.stringify(action.replaceBody));
        else response.end(text);
      } catch {
        response.socket?.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
