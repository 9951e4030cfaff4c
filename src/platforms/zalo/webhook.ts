// POST /zalo/webhook: secret checked in constant time, update recorded and answered 200 before processing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { secretsEqual } from '../../http/secure-compare.js';
import { sendJson, type HttpRoute } from '../../http/server.js';
import type { Logger } from '../../logger.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';

export interface ZaloWebhookOptions {
  /** Undefined when the bot polls: every delivery is then refused. */
  secret?: string;
  log: Logger;
  /** Records the body; returns the work to start after answering, or undefined (duplicate, unknown shape). */
  ingest(body: unknown): Promise<(() => Promise<void>) | undefined>;
}

export function createZaloWebhookRoute(options: ZaloWebhookOptions): HttpRoute {
  const { log } = options;
  return {
    method: 'POST',
    path: ZALO_WEBHOOK_PATH,
    json: true,
    // Checked on the headers by the server, before the body is read.
    authorize: (req: IncomingMessage) => {
      const given = req.headers['x-bot-api-secret-token'];
      return Boolean(options.secret) && secretsEqual(typeof given === 'string' ? given : undefined, options.secret!);
    },
    handler: async (_req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      const json = parseJson(body);
      if (json === undefined) {
        log.debug({ bytes: body.length }, 'zalo webhook: body is not JSON');
        sendJson(res, 400, { ok: false });
        return;
      }
      const work = await options.ingest(json);
      sendJson(res, 200, { ok: true });
      if (work) void work();
    },
  };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
