// A webhook route: the secret and the content type are checked on the headers, before a byte of the body is read
// (401, 415, closing the connection); the body is capped (413); the work starts once the answer has gone.
import type { ServerResponse } from 'node:http';
import { bodyLimit } from 'hono/body-limit';
import { createRoutes, refuse, type HttpRoutes } from './server.js';

export interface WebhookAnswer {
  status: 200 | 400;
  /** Started after the answer is sent, so the platform never waits for the bot's work. */
  after?: () => Promise<void>;
}

export interface WebhookOptions {
  path: string;
  /** Checks the request headers (the secret, compared in constant time). */
  authorize(header: (name: string) => string | undefined): boolean;
  handle(body: Buffer): Promise<WebhookAnswer>;
}

export function createWebhookRoutes(options: WebhookOptions): HttpRoutes {
  const routes = createRoutes();
  routes.post(
    options.path,
    async (c, next) => {
      const path = c.req.path;
      if (!options.authorize((name) => c.req.header(name))) {
        c.var.log.warn({ ip: remoteAddress(c.env), path }, 'http request rejected: wrong secret');
        return refuse(c, 401);
      }
      if (!isJson(c.req.header('content-type'))) {
        c.var.log.warn({ path, contentType: c.req.header('content-type') }, 'http request rejected: not JSON');
        return refuse(c, 415);
      }
      const cap = bodyLimit({
        maxSize: c.var.limits.maxBodyBytes,
        onError: (c) => {
          c.var.log.warn({ path }, 'http request rejected: body too large');
          return refuse(c, 413);
        },
      });
      return cap(c, next);
    },
    async (c) => {
      const answer = await options.handle(Buffer.from(await c.req.arrayBuffer()));
      if (answer.after) afterResponse(c.env, answer.after, (err) => c.var.log.error({ err }, 'webhook work failed'));
      return c.json({ ok: answer.status === 200 }, answer.status);
    },
  );
  return routes;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  outgoing?: ServerResponse;
}

function remoteAddress(env: unknown): string | undefined {
  return (env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
}

/** 'close' comes once the answer is written, or the client is gone: either way the recorded work must run. */
function afterResponse(env: unknown, work: () => Promise<void>, onError: (err: unknown) => void): void {
  const run = () => void work().catch(onError);
  const outgoing = (env as NodeBindings | undefined)?.outgoing;
  if (outgoing) outgoing.once('close', run);
  else queueMicrotask(run);
}
