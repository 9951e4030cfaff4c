import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending with '/'. */
  path: string;
  /** Checked on the headers, before a byte of the body is read: false answers 401 and closes. */
  authorize?(req: IncomingMessage): boolean;
  /** The body must be JSON (webhooks): anything else answers 415 unread. */
  json?: boolean;
  handler: RouteHandler;
}

export interface HttpLimits {
  maxBodyBytes: number;
  maxConnections: number;
  /** Whole request, headers and body (a slow body is cut off). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}

export const defaultHttpLimits: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  maxConnections: 256,
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
};

/** The shared HTTP server: webhooks, file links and /healthz. */
export function createHttpServer(routes: HttpRoute[], log: Logger, limits: HttpLimits = defaultHttpLimits): Server {
  const all: HttpRoute[] = [
    { method: 'GET', path: '/healthz', handler: (_q, res) => sendJson(res, 200, { ok: true }) },
    ...routes,
  ];
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the timeouts above on this interval (30 s by default): a slow body would stay open that long.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2),
    },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const route = all.find(
        (r) => r.method === req.method && (r.path === path || (r.path.endsWith('/') && path.startsWith(r.path))),
      );
      if (!route) return refuse(res, 404);
      if (route.authorize && !route.authorize(req)) {
        log.warn({ ip: req.socket.remoteAddress, path }, 'http request rejected: wrong secret');
        return refuse(res, 401);
      }
      if (route.json && !isJson(req)) {
        log.warn({ path, contentType: req.headers['content-type'] }, 'http request rejected: not JSON');
        return refuse(res, 415);
      }
      if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) return tooLarge(res, path);
      readBody(req, limits.maxBodyBytes)
        .then((body) => route.handler(req, res, body))
        .catch((error: unknown) => {
          if (error instanceof BodyTooLarge) return tooLarge(res, path);
          log.warn({ err: error, path }, 'http request rejected');
          if (!res.headersSent) refuse(res, 400);
        });
    },
  );
  server.maxConnections = limits.maxConnections;

  function tooLarge(res: ServerResponse, path: string): void {
    log.warn({ path }, 'http request rejected: body too large');
    refuse(res, 413);
  }
  return server;
}

/** Answers and closes the connection: whatever body the client is still sending is not read. */
function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ ok: false }), () => res.req.socket.destroySoon());
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
