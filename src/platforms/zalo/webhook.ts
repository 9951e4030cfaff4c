// POST /zalo/webhook: secret checked in constant time, update recorded and answered 200 before processing.
import { secretsEqual } from '../../http/secure-compare.js';
import type { HttpRoutes } from '../../http/server.js';
import { createWebhookRoutes } from '../../http/webhook.js';
import type { Logger } from '../../logger.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';

export interface ZaloWebhookOptions {
  /** Undefined when the bot polls: every delivery is then refused. */
  secret?: string;
  log: Logger;
  /** Records the body; returns the work to start after answering, or undefined (duplicate, unknown shape). */
  ingest(body: unknown): Promise<(() => Promise<void>) | undefined>;
}

export function createZaloWebhookRoutes(options: ZaloWebhookOptions): HttpRoutes {
  const { log } = options;
  return createWebhookRoutes({
    path: ZALO_WEBHOOK_PATH,
    authorize: (header) => Boolean(options.secret) && secretsEqual(header('x-bot-api-secret-token'), options.secret!),
    handle: async (body) => {
      const json = parseJson(body);
      if (json === undefined) {
        log.debug({ bytes: body.length }, 'zalo webhook: body is not JSON');
        return { status: 400 };
      }
      return { status: 200, after: await options.ingest(json) };
    },
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
