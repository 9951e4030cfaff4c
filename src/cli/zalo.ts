import { loadConfig } from '../config.js';
import { zaloCliText as text } from '../messages/index.js';
import { createZaloClient, ZaloApiError, ZaloNetworkError, type ZaloClient } from '../platforms/zalo/client.js';
import { ZALO_WEBHOOK_PATH } from '../platforms/zalo/webhook.js';
import type { CliCommand, CliIo } from './types.js';

/** `daumoi zalo webhook set|delete|info`: the webhook the running bot expects, from the same settings. */
export const zaloCli: CliCommand = {
  name: 'zalo',
  usage: text.usage,
  async run(args, io) {
    const action = args[0] === 'webhook' ? args[1] : undefined;
    if (action !== 'set' && action !== 'delete' && action !== 'info') {
      io.err(text.usage);
      return 2;
    }
    const config = loadConfig(io.env).zalo;
    if (!config) {
      io.err(text.noToken);
      return 1;
    }
    const client = createZaloClient({ token: config.token, apiRoot: config.apiRoot });
    try {
      return await ACTIONS[action](client, io, config.webhook);
    } catch (error) {
      if (!(error instanceof ZaloApiError || error instanceof ZaloNetworkError)) throw error;
      io.err(text.failed(error.message));
      return 1;
    }
  },
};

type Webhook = { url: string; secret: string } | undefined;
const ACTIONS: Record<'set' | 'delete' | 'info', (client: ZaloClient, io: CliIo, webhook: Webhook) => Promise<number>> =
  {
    async set(client, io, webhook) {
      if (!webhook) {
        io.err(text.noWebhookConfig);
        return 1;
      }
      await client.setWebhook(webhook.url, webhook.secret);
      io.out(text.set(webhook.url));
      if (new URL(webhook.url).pathname !== ZALO_WEBHOOK_PATH) io.out(text.pathHint);
      return 0;
    },
    async delete(client, io) {
      await client.deleteWebhook();
      io.out(text.deleted);
      return 0;
    },
    async info(client, io) {
      const info = await client.getWebhookInfo();
      io.out(
        info.url ? text.info(info.url, info.updated_at ? new Date(info.updated_at).toISOString() : '?') : text.none,
      );
      return 0;
    },
  };
