import {
  assignInboundChat,
  listChatInbound,
  listStrandedInbound,
  markInboundDone,
  type PendingReplies,
  type UnfinishedInbound,
} from '../db/index.js';
import type { Coordination } from '../kernel/instances.js';
import type { Incoming, Platform, Reply } from '../kernel/message.js';
import type { Logger } from '../logger.js';
import type { Services } from './context.js';
import type { createKeyedQueue } from './keyed-queue.js';
import { metrics } from './metrics.js';

// The inbox when several instances share one PostgreSQL database. Any instance may receive any update (the load
// balancer spreads webhooks), so a chat's order is kept in the database: an update notes its chat, then its
// instance takes the chat's advisory lock and handles every pending update of that chat in update-id order,
// re-reading each one's status under the lock: an update is handled once, by whichever instance comes first.
// Updates left by an instance that died are found by the others' sweep.

const SWEEP_EVERY_MS = 1000;
/** An unfinished update this old, in a chat no one holds, was left by an instance that stopped. */
const STRANDED_AFTER_MS = 3000;

export interface SharedInboxOptions<U> {
  platform: Platform;
  services: Services;
  coordination: Coordination;
  log: Logger;
  chats: ReturnType<typeof createKeyedQueue>;
  decode(payload: unknown): U | undefined;
  toIncoming(update: U): Promise<Incoming | undefined>;
  /** Handles one update and sends its replies (kept first, as on one instance). */
  answer(key: string, incoming: Incoming): Promise<void>;
  send(chatId: string, replies: Reply[]): Promise<void>;
  chatOf?(update: U): string | undefined;
}

export function createSharedInbox<U>(options: SharedInboxOptions<U>) {
  const { platform, services, coordination, log, chats } = options;
  const db = services.db;
  const lockName = (chatId: string) => `chat:${platform}:${chatId}`;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  /** Updates whose chat was noted when they were recorded here: no second write when they are handled. */
  const noted = new Set<string>();
  let sweeping: Promise<unknown> = Promise.resolve();

  async function mapStored(payload: unknown): Promise<Incoming | undefined> {
    const update = options.decode(payload);
    return update === undefined ? undefined : options.toIncoming(update);
  }

  async function finish(row: UnfinishedInbound, known?: Incoming): Promise<void> {
    if (row.status === 'handled') {
      const pending: PendingReplies = row.payload;
      // Handled by an instance that stopped before it could say they were sent: sent again, not handled again.
      log.info({ updateKey: row.updateKey, chat: pending.chatId }, 'kept replies sent again');
      await options
        .send(pending.chatId, pending.replies)
        .catch((error: unknown) => log.error({ err: error, chat: pending.chatId }, 'could not resend replies'));
    } else {
      const timer = metrics.handlingSeconds.startTimer({ platform });
      try {
        const incoming = known ?? (await mapStored(row.payload));
        if (incoming) await options.answer(row.updateKey, incoming);
        metrics.updatesHandled.inc({ platform, outcome: 'ok' });
        log.debug({ updateKey: row.updateKey }, 'update handled');
      } catch (error) {
        metrics.updatesHandled.inc({ platform, outcome: 'failed' });
        log.error({ err: error, updateKey: row.updateKey }, `${platform} update failed`);
      }
      timer();
    }
    await markInboundDone(db, platform, row.updateKey);
  }

  /** Every pending update of the chat, in order; the caller holds the chat's lock. */
  async function drain(chatId: string, known?: { key: string; incoming: Incoming }): Promise<void> {
    for (const row of await listChatInbound(db, platform, chatId))
      await finish(row, row.updateKey === known?.key ? known.incoming : undefined);
  }

  async function sweep(olderThanMs: number): Promise<number> {
    const rows = await listStrandedInbound(db, platform, new Date(services.clock().getTime() - olderThanMs));
    const seen = new Set<string>();
    for (const row of rows) {
      let chatId = row.chatId ?? undefined;
      if (chatId === undefined) {
        // Its instance stopped before noting the chat: noted now, or the chat's drain would not see it.
        chatId = row.status === 'handled' ? row.payload.chatId : (await mapStored(row.payload))?.chat.id;
        if (chatId === undefined) {
          await markInboundDone(db, platform, row.updateKey);
          continue;
        }
        await assignInboundChat(db, platform, row.updateKey, chatId);
      }
      if (seen.has(chatId)) continue;
      seen.add(chatId);
      const chat = chatId;
      // A chat another instance holds is being drained by it: skipped, not waited for.
      await chats.run(chat, () => coordination.tryWithLock(lockName(chat), () => drain(chat)));
    }
    return rows.length;
  }

  return {
    /** Right after recording, before the platform is answered: the chat's order is then fixed in the database. */
    async noteChat(items: { key: string; update: U }[]): Promise<void> {
      for (const item of items) {
        const chatId = options.chatOf?.(item.update);
        if (chatId === undefined) continue;
        await assignInboundChat(db, platform, item.key, chatId);
        noted.add(item.key);
      }
    },
    /** Joins the chat's queue at once (keeping this instance's arrival order), then drains it under the lock. */
    run(key: string, incoming: Incoming): Promise<void> {
      const chatId = incoming.chat.id;
      return chats.run(chatId, async () => {
        if (!noted.delete(key)) await assignInboundChat(db, platform, key, chatId);
        await coordination.withLock(lockName(chatId), () => drain(chatId, { key, incoming }));
      });
    },
    /** At start: finishes what is left, then keeps sweeping for updates of instances that stop. */
    async replay(): Promise<number> {
      const found = await sweep(0);
      sweeper ??= setInterval(() => {
        sweeping = sweeping
          .then(() => sweep(STRANDED_AFTER_MS))
          .catch((error: unknown) => log.warn({ err: error, platform }, 'inbox sweep failed'));
      }, SWEEP_EVERY_MS);
      return found;
    },
    async stop(): Promise<void> {
      clearInterval(sweeper);
      sweeper = undefined;
      await sweeping;
    },
  };
}
