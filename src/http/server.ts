import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending with '/'. */
  path: string;
  handler: RouteHandler;
}

const MAX_BODY = 1024 * 1024;

/** The shared HTTP server: webhooks, file links and /healthz. */
export function createHttpServer(routes: HttpRoute[], log: Logger): Server {
  const all: HttpRoute[] = [
    { method: 'GET', path: '/healthz', handler: (_q, res) => sendJson(res, 200, { ok: true }) },
    ...routes,
  ];
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = all.find(
      (r) => r.method === req.method && (r.path === path || (r.path.endsWith('/') && path.startsWith(r.path))),
    );
    if (!route) {
      sendJson(res, 404, { ok: false });
      return;
    }
    readBody(req)
      .then((body) => route.handler(req, res, body))
      .catch((error: unknown) => {
        log.warn({ err: error, path }, 'http request rejected');
        if (!res.headersSent) sendJson(res, error instanceof BodyTooLarge ? 413 : 400, { ok: false });
      });
  });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge('body too large'));
        req.destroy();
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

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
