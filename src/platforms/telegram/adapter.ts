import { Telegraf } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { PlatformCapabilities, Services } from '../../bot/context.js';
import { createInbox } from '../../bot/inbox.js';
import { WebhookConflictError } from '../../bot/errors.js';
import { awaitLeadership, botLeaderKey } from '../../bot/leadership.js';
import type { Incoming, Reply } from '../../kernel/message.js';
import type { OutboxRow, OutboxTransport } from '../../bot/outbox/sender.js';
import { withRetry } from '../../bot/retry.js';
import type { Bot } from '../../bot/router.js';
import { secretsEqual } from '../../http/secure-compare.js';
import { createWebhookRoutes } from '../../http/webhook.js';
import { downloadTelegramFile } from './download.js';
import { mapTelegramUpdate, migrationOf } from './map.js';
import { call, sendTelegramReplies } from './send.js';

export interface TelegramAdapterOptions {
  token: string;
  apiRoot: string;
  webhook?: { url: string; secret: string };
  core: Bot;
  services: Services;
  /** Preset bot identity (skips getMe). */
  botInfo?: UserFromGetMe;
  pollTimeoutSec?: number;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
const ANONYMOUS_ADMIN = '1087968824';
const replyRetry = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
/** getUpdates is called again only when at most this many updates are still in flight (a batch is 100). */
const POLL_LOW_WATER = 50;

export function createTelegramAdapter(options: TelegramAdapterOptions) {
  const { services, core } = options;
  const log = services.log.child({ platform: 'telegram' });
  const apiRoot =
    options.apiRoot.endsWith('/') || !new URL(options.apiRoot).pathname.slice(1)
      ? options.apiRoot
      : `${options.apiRoot}/`;
  const telegraf = new Telegraf(options.token, { telegram: { apiRoot, webhookReply: false } });
  if (options.botInfo) telegraf.botInfo = options.botInfo;
  let polling = false;
  const abort = new AbortController();
  let pollLoop: Promise<void> | undefined;

  async function toIncoming(update: Update): Promise<Incoming | undefined> {
    const moved = migrationOf(update);
    if (moved) await inbox.moveChat(moved.from, moved.to);
    const incoming = mapTelegramUpdate(update, { id: telegraf.botInfo!.id, username: telegraf.botInfo!.username });
    const callbackId = 'callback_query' in update ? update.callback_query.id : undefined;
    // Not awaited: it only stops the button's spinner, and updates join their chat's queue in arrival order, so
    // a slow answer here would hold up every update behind it.
    if (callbackId)
      void call('answerCallbackQuery', () => telegraf.telegram.answerCbQuery(callbackId)).catch((e: unknown) =>
        log.warn({ err: e }, 'answerCallbackQuery failed'),
      );
    if (!incoming) log.debug({ updateId: update.update_id, keys: Object.keys(update) }, 'ignored update');
    return incoming ?? undefined;
  }

  /** Each reply retried on its own, so a failure of the second never sends the first twice. */
  async function sendReplies(chatId: string, replies: Reply[]): Promise<void> {
    for (const reply of replies)
      await withRetry(() => sendTelegramReplies(telegraf.telegram, chatId, [reply]), replyRetry);
  }

  const inbox = createInbox<Update>({
    platform: 'telegram',
    services,
    core,
    log,
    toIncoming,
    send: sendReplies,
    decode: (payload) => payload as Update,
    chatOf: (update) =>
      telegraf.botInfo
        ? mapTelegramUpdate(update, { id: telegraf.botInfo.id, username: telegraf.botInfo.username })?.chat.id
        : undefined,
  });
  const item = (update: Update) => ({ key: String(update.update_id), update });

  async function poll(): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (polling) {
      try {
        await inbox.settle(POLL_LOW_WATER);
        const updates = await call('getUpdates', () =>
          telegraf.telegram.callApi(
            'getUpdates',
            {
              timeout: options.pollTimeoutSec ?? 25,
              limit: 100,
              offset,
              allowed_updates: [...ALLOWED_UPDATES],
            },
            { signal: abort.signal as never },
          ),
        );
        failures = 0;
        if (updates.length === 0) continue;
        const fresh = await inbox.recordBatch(updates.map(item));
        // Only once recorded: if the database failed, the next getUpdates fetches them again.
        offset = updates.at(-1)!.update_id + 1;
        for (const [i, update] of updates.entries()) if (fresh[i]) void inbox.process(String(update.update_id), update);
      } catch (error) {
        if (!polling) break;
        failures++;
        log.warn({ err: error, failures }, 'getUpdates failed');
        await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** failures)));
      }
    }
  }

  const webhookRoutes = createWebhookRoutes({
    path: '/telegram/webhook',
    authorize: (header) =>
      Boolean(options.webhook) && secretsEqual(header('x-telegram-bot-api-secret-token'), options.webhook!.secret),
    handle: async (body) => {
      const update = parseUpdate(body);
      if (!update) {
        log.warn('telegram webhook rejected: not an update');
        return { status: 400 };
      }
      const fresh = await inbox.record(item(update));
      return { status: 200, after: fresh ? () => inbox.process(String(update.update_id), update) : undefined };
    },
  });

  const capabilities: PlatformCapabilities = {
    sendsFiles: true,
    async isChatAdmin(chatId, userId) {
      if (userId === ANONYMOUS_ADMIN) return false;
      const member = await call('getChatMember', () => telegraf.telegram.getChatMember(chatId, Number(userId)));
      return member.status === 'creator' || member.status === 'administrator';
    },
    deepLink: (code) => `https://t.me/${telegraf.botInfo?.username}?start=${code}`,
    downloadFile: (fileId, maxBytes) => downloadTelegramFile(telegraf.telegram, fileId, maxBytes),
  };

  const transport: OutboxTransport = {
    send: (row: OutboxRow) => sendTelegramReplies(telegraf.telegram, row.chatId, [row.payload]),
  };

  return {
    telegraf,
    capabilities,
    transport,
    webhookRoutes,
    /** Identity, command menu, webhook or polling mode. */
    async setup(commands: { command: string; description: string }[]): Promise<void> {
      if (!telegraf.botInfo) telegraf.botInfo = await call('getMe', () => telegraf.telegram.getMe());
      await call('setMyCommands', () => telegraf.telegram.setMyCommands(commands));
      if (options.webhook) {
        await call('setWebhook', () =>
          telegraf.telegram.setWebhook(options.webhook!.url, {
            secret_token: options.webhook!.secret,
            allowed_updates: [...ALLOWED_UPDATES],
          }),
        );
      } else {
        // Never deleteWebhook: with several instances the webhook is the others' way in.
        const info = await call('getWebhookInfo', () => telegraf.telegram.getWebhookInfo());
        if (info.url) throw new WebhookConflictError('telegram', info.url);
      }
    },
    /** Finishes updates recorded before a crash or restart. */
    replayUnfinished: (): Promise<number> => inbox.replay(),
    startPolling(): void {
      if (options.webhook || polling) return;
      polling = true;
      // Two pollers of one token get 409 Conflict: with several instances only the elected one polls.
      const coordination = services.coordination;
      pollLoop = coordination
        ? awaitLeadership(coordination, botLeaderKey('poll', 'telegram', options.token), abort.signal).then((lead) =>
            lead ? poll() : undefined,
          )
        : poll();
    },
    async stop(): Promise<void> {
      polling = false;
      abort.abort();
      await pollLoop;
      await inbox.drain();
    },
  };
}

function parseUpdate(body: Buffer): Update | null {
  try {
    const value = JSON.parse(body.toString('utf8')) as { update_id?: unknown };
    return typeof value?.update_id === 'number' ? (value as Update) : null;
  } catch {
    return null;
  }
}

export type TelegramAdapter = ReturnType<typeof createTelegramAdapter>;
