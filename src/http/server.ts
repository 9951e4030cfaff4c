// The shared HTTP server, on Hono: every part (webhooks, file links, the web pages, health) hands app.ts a group
// of routes and the server mounts them; Node's own limits (timeouts, connection cap) stay on the server.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../logger.js';

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

/** What every route can read from the context: the server's limits and its logger. */
export interface HttpEnv {
  Variables: { limits: HttpLimits; log: Logger };
}

/**
 * A group of routes one part of the bot serves, mounted at the root. Any Env: the web pages type their own
 * context variables, and Hono's Env is invariant, so no narrower type admits every group.
 */
export type HttpRoutes = Hono<any, any, any>;

/** A group of the HTTP layer's own routes, which read the server's limits and logger. */
export function createRoutes(): Hono<HttpEnv> {
  return new Hono<HttpEnv>();
}

/** The shared HTTP server: the route groups given, in order (the first to match a request answers it). */
export function createHttpServer(groups: HttpRoutes[], log: Logger, limits: HttpLimits = defaultHttpLimits): Server {
  const app = createRoutes();
  app.use(async (c, next) => {
    c.set('limits', limits);
    c.set('log', log);
    await next();
  });
  for (const group of groups) app.route('/', group);
  app.notFound((c) => refuse(c, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return refuse(c, error.status);
    log.warn({ err: error, path: c.req.path }, 'http request failed');
    return refuse(c, 500);
  });
  const server = createAdaptorServer({
    fetch: app.fetch,
    // Hono's faster Request/Response would replace the process-wide globals that the rest of the bot uses.
    overrideGlobalObjects: false,
    serverOptions: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the timeouts above on this interval (30 s by default): a slow body would stay open that long.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2),
    },
  }) as Server;
  server.maxConnections = limits.maxConnections;
  return server;
}

/** Answers and closes the connection: whatever body the client is still sending is not read. */
export function refuse(c: Context, status: number): Response {
  return c.json({ ok: false }, status as 400, { connection: 'close' });
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
