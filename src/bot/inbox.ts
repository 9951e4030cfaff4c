import {
  listUnfinishedInbound,
  markInboundDone,
  markInboundHandled,
  migrateGroupChat,
  recordInbound,
  recordInboundBatch,
  type PendingReplies,
} from '../db/index.js';
import type { Logger } from '../logger.js';
import type { Incoming, Platform, Reply } from '../kernel/message.js';
import type { Services } from './context.js';
import { createSharedInbox } from './inbox-shared.js';
import { createKeyedQueue } from './keyed-queue.js';
import { metrics } from './metrics.js';
import type { Bot } from './router.js';

// The durable inbox every platform adapter shares: record the update before it is handled, store its replies
// before they are sent, mark it done after. A crash at any point replays the update or re-sends its replies,
// never handles it twice. Handling and sending run one after another per chat, so a person's answers arrive
// in the order of their messages.

export interface InboxOptions<U> {
  platform: Platform;
  services: Services;
  core: Bot;
  log: Logger;
  /** Our message for a stored update; undefined when there is nothing to answer. */
  toIncoming(update: U): Promise<Incoming | undefined>;
  /** Reads a stored payload back (undefined: a shape we no longer handle, marked done). */
  decode(payload: unknown): U | undefined;
  send(chatId: string, replies: Reply[]): Promise<void>;
  /**
   * The chat an update belongs to, read without side effects. With several instances it is noted before the
   * update is acknowledged, so the chat's next update, whichever instance it reaches, is handled after this one.
   */
  chatOf?(update: U): string | undefined;
}

export interface InboxItem<U> {
  key: string;
  update: U;
}

export function createInbox<U>(options: InboxOptions<U>) {
  const { platform, services, core, log } = options;
  const chats = createKeyedQueue();
  const inFlight = new Set<Promise<void>>();
  const shared = services.coordination
    ? createSharedInbox({ ...options, coordination: services.coordination, chats, answer })
    : undefined;

  // Updates join their chat's queue in the order they arrived, even when mapping one takes longer than the next
  // (a button press is acknowledged first): otherwise a message could be answered before the button pressed
  // before it. Mappings still run at once; only joining the queue waits for the ones before.
  let intake: Promise<unknown> = Promise.resolve();

  /** Resolves once the update is answered: true, or false when it maps to nothing to answer. */
  function handle(key: string, update: U): Promise<boolean> {
    const mapped = options.toIncoming(update);
    // The work is wrapped so that joining the queue does not wait for the work itself.
    const joined = intake.then(async () => {
      const incoming = await mapped;
      if (!incoming) return undefined;
      return { work: shared ? shared.run(key, incoming) : chats.run(incoming.chat.id, () => answer(key, incoming)) };
    });
    intake = joined.catch(() => undefined);
    return joined.then((queued) => (queued ? queued.work.then(() => true) : false));
  }

  async function answer(key: string, incoming: Incoming): Promise<void> {
    const replies = await core.handle(incoming);
    if (replies.length === 0) return;
    // Committed first: after a crash the replies are sent again instead of handling the message twice.
    await markInboundHandled(services.db, platform, key, { chatId: incoming.chat.id, replies });
    await options.send(incoming.chat.id, replies);
  }

  function process(key: string, update: U): Promise<void> {
    if (shared) return track(processShared(key, update));
    const timer = metrics.handlingSeconds.startTimer({ platform });
    const task = handle(key, update)
      .then(
        () => metrics.updatesHandled.inc({ platform, outcome: 'ok' }),
        (error: unknown) => {
          metrics.updatesHandled.inc({ platform, outcome: 'failed' });
          log.error({ err: error, updateKey: key }, `${platform} update failed`);
        },
      )
      .then(() => timer())
      .then(() => markInboundDone(services.db, platform, key))
      .catch((error: unknown) => log.error({ err: error, updateKey: key }, 'could not mark update done'));
    return track(task);
  }

  function track(task: Promise<void>): Promise<void> {
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  }

  /** Handled, counted and marked done under the chat's lock (inbox-shared); an update with nothing to answer here. */
  async function processShared(key: string, update: U): Promise<void> {
    try {
      if (!(await handle(key, update))) await markInboundDone(services.db, platform, key);
    } catch (error) {
      log.error({ err: error, updateKey: key }, `${platform} update failed`);
    }
  }

  async function resend(key: string, pending: PendingReplies): Promise<void> {
    await chats
      .run(pending.chatId, () => options.send(pending.chatId, pending.replies))
      .catch((error: unknown) => log.error({ err: error, chat: pending.chatId }, 'could not resend replies'));
    await markInboundDone(services.db, platform, key);
  }

  return {
    /** Stores one update (deduplicated on its key); true when it is new and should be processed. */
    async record(item: InboxItem<U>): Promise<boolean> {
      const fresh = await recordInbound(services.db, platform, item.key, item.update, services.clock());
      // A redelivery too: the instance that recorded it may have died before noting its chat.
      await shared?.noteChat([item]);
      return fresh;
    },
    /** Stores a batch in one transaction; for each, whether it is new. */
    async recordBatch(items: InboxItem<U>[]): Promise<boolean[]> {
      const fresh = await recordInboundBatch(
        services.db,
        platform,
        items.map((i) => ({ updateKey: i.key, payload: i.update })),
        services.clock(),
      );
      await shared?.noteChat(items);
      return fresh;
    },
    process,
    /** Finishes updates recorded before a crash or restart, oldest first. */
    async replay(): Promise<number> {
      if (shared) return shared.replay();
      const pending = await listUnfinishedInbound(services.db, platform);
      for (const row of pending) {
        if (row.status === 'handled') {
          await resend(row.updateKey, row.payload);
          continue;
        }
        const update = options.decode(row.payload);
        if (update === undefined) await markInboundDone(services.db, platform, row.updateKey);
        else await process(row.updateKey, update);
      }
      return pending.length;
    },
    /** A group that became a supergroup keeps its binding and queued messages. */
    moveChat: (from: string, to: string): Promise<void> => migrateGroupChat(services.db, platform, from, to),
    /**
     * Resolves once at most `limit` updates are in flight. A poller waits here before fetching more, so a burst
     * is taken in batches as telegraf's own polling does, instead of every queued update being handled at once
     * (which held them all in memory and made them contend for the database and the sockets).
     */
    async settle(limit: number): Promise<void> {
      while (inFlight.size > limit) await Promise.race(inFlight);
    },
    drain: async (): Promise<void> => {
      await shared?.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type Inbox<U> = ReturnType<typeof createInbox<U>>;
