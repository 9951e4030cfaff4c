import type { PlatformCapabilities, Services } from '../../bot/context.js';
import { createInbox } from '../../bot/inbox.js';
import type { Incoming } from '../../kernel/message.js';
import type { OutboxRow, OutboxTransport } from '../../bot/outbox/sender.js';
import type { RateLimits } from '../../bot/outbox/rate-limiter.js';
import type { Bot } from '../../bot/router.js';
import { UserError, WebhookConflictError } from '../../bot/errors.js';
import { awaitLeadership, botLeaderKey } from '../../bot/leadership.js';
import { zaloText } from '../../messages/index.js';
import { createZaloClient } from './client.js';
import { mapZaloUpdate, parseZaloBody, type ZaloBotInfo, type ZaloUpdate } from './map.js';
import { pollZalo } from './poll.js';
import { sendZaloReplies, withTypedCommands } from './send.js';
import { createZaloWebhookRoutes } from './webhook.js';

export interface ZaloAdapterOptions {
  token: string;
  apiRoot: string;
  webhook?: { url: string; secret: string };
  /** The name users type after "@" in groups (getMe may not tell it). */
  botName?: string;
  core: Bot;
  services: Services;
  pollTimeoutSec?: number;
}

const DEFAULT_BOT_NAME = 'Đầu Mối';

/** Zalo publishes no numeric limit: stay well below Telegram's and let 429 pause the queue. */
export function zaloLimits(ratePerSec: number): RateLimits {
  return { globalPerSec: ratePerSec, perChatIntervalMs: 1000, groupPerMinute: 10 };
}

export function createZaloAdapter(options: ZaloAdapterOptions) {
  const { services, core } = options;
  const log = services.log.child({ platform: 'zalo' });
  const client = createZaloClient({ token: options.token, apiRoot: options.apiRoot, log });
  // The outbox retries on its own schedule and pauses every send on 429, so errors must reach it at once.
  const outboxClient = createZaloClient({ token: options.token, apiRoot: options.apiRoot, log, retries: { max: 0 } });
  const abort = new AbortController();
  let botInfo: ZaloBotInfo | undefined;
  let pollLoop: Promise<void> | undefined;

  async function toIncoming(update: ZaloUpdate): Promise<Incoming | undefined> {
    if (!botInfo) throw new Error('Zalo update before setup(): call setup() before serving updates');
    const incoming = mapZaloUpdate(update, botInfo);
    if (!incoming)
      log.debug({ event: update.event_name, chatType: update.message.chat.chat_type }, 'ignored zalo update');
    return incoming ?? undefined;
  }

  const inbox = createInbox<ZaloUpdate>({
    platform: 'zalo',
    services,
    core,
    log,
    toIncoming,
    decode: (payload) => parseZaloBody(payload) ?? undefined,
    chatOf: (update) => update.message.chat.id,
    send: (chatId, replies) => sendZaloReplies(client, chatId, replies, services.publishFile),
  });

  /** Records the update once (Zalo has no offset: message_id is the key); returns the processing to start. */
  async function ingest(body: unknown): Promise<(() => Promise<void>) | undefined> {
    const update = parseZaloBody(body);
    if (!update) {
      log.debug({ keys: keysOf(body) }, 'ignored zalo body of unknown shape');
      return undefined;
    }
    const key = update.message.message_id;
    if (!(await inbox.record({ key, update }))) {
      log.debug({ messageId: key }, 'duplicate zalo update ignored');
      return undefined;
    }
    return () => inbox.process(key, update);
  }

  /**
   * Zalo has no offset: a polled update is not offered again, so it stays in memory until it is recorded. A
   * locked or failing database delays it (polling pauses meanwhile); it is never dropped.
   */
  async function ingestAll(bodies: unknown[]): Promise<void> {
    for (const body of bodies) {
      for (let attempt = 0; ; attempt++) {
        try {
          const work = await ingest(body);
          if (work) void work();
          break;
        } catch (error) {
          if (abort.signal.aborted) return;
          log.warn({ err: error, attempt }, 'could not record zalo update, retrying');
          await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
        }
      }
    }
  }

  /** Polling and webhook are exclusive on Zalo: deleting the webhook would take the other instances' updates. */
  async function refuseOthersWebhook(): Promise<void> {
    const info = await client.getWebhookInfo();
    if (info.url) throw new WebhookConflictError('zalo', info.url);
  }

  const capabilities: PlatformCapabilities = {
    sendsFiles: false,
    // The Zalo Bot Platform has no API to read group roles. Answering "no" would tell a real group admin
    // they are not one; say instead that Zalo cannot tell (the router replies this UserError).
    isChatAdmin: async () => {
      throw new UserError(zaloText.groupAdminUnknown);
    },
  };

  const transport: OutboxTransport = {
    send: (row: OutboxRow) =>
      sendZaloReplies(outboxClient, row.chatId, [withTypedCommands(row.payload)], services.publishFile),
  };

  return {
    client,
    capabilities,
    transport,
    webhookRoutes: createZaloWebhookRoutes({ secret: options.webhook?.secret, log, ingest }),
    /** Bot identity, then webhook or polling mode (they are exclusive on Zalo). */
    async setup(): Promise<void> {
      const me = await client.getMe();
      botInfo = { ...me, display_name: options.botName ?? me.display_name ?? DEFAULT_BOT_NAME };
      if (options.webhook) await client.setWebhook(options.webhook.url, options.webhook.secret);
      else await refuseOthersWebhook();
      log.info({ mode: options.webhook ? 'webhook' : 'polling', name: botInfo.display_name }, 'zalo ready');
    },
    /** Finishes updates recorded before a crash or restart. */
    replayUnfinished: (): Promise<number> => inbox.replay(),
    startPolling(): void {
      if (options.webhook || pollLoop) return;
      const timeoutSec = options.pollTimeoutSec ?? 30;
      const poll = () => pollZalo({ client, timeoutSec, signal: abort.signal, log, onUpdates: ingestAll });
      const coordination = services.coordination;
      // getUpdates hands each update to one caller: with several instances only the elected one polls.
      pollLoop = coordination
        ? awaitLeadership(coordination, botLeaderKey('poll', 'zalo', options.token), abort.signal).then((lead) =>
            lead ? poll() : undefined,
          )
        : poll();
    },
    async stop(): Promise<void> {
      abort.abort();
      await pollLoop;
      await inbox.drain();
    },
  };
}

function keysOf(body: unknown): string[] | string {
  return typeof body === 'object' && body !== null ? Object.keys(body).slice(0, 10) : typeof body;
}

export type ZaloAdapter = ReturnType<typeof createZaloAdapter>;
