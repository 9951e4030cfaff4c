import {
  claimDueOutgoing,
  dropStaleOutgoing,
  markOutgoingFailed,
  markOutgoingSent,
  releaseInterruptedOutgoing,
  rescheduleOutgoing,
  type Db,
  type OutboxRow,
} from '../../db/index.js';
import type { Logger } from '../../logger.js';

export type { OutboxRow };
import { PlatformApiError, isRetryable } from '../errors.js';
import type { Coordination } from '../../kernel/instances.js';
import { metrics } from '../metrics.js';
import { createElection, STANDBY_POLL_MS } from './election.js';
import { createRateLimiter, type RateLimits } from './rate-limiter.js';
import { retryDelayMs, sleep as realSleep } from '../retry.js';

export interface OutboxTransport {
  send(row: OutboxRow): Promise<void>;
}

export interface OutboxSenderOptions {
  db: Db;
  platform: string;
  transport: OutboxTransport;
  limits: RateLimits;
  log: Logger;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  batchSize?: number;
  maxInFlight?: number;
  /** Longest wait honoured in place; a longer retry_after parks the message until then. */
  maxPauseSec?: number;
  maxAttempts?: number;
  idleMs?: number;
  /** Several instances (PostgreSQL): only the elected one sends; without it this process always does. */
  coordination?: Coordination;
  /** The election's name, one per bot token (required with coordination). */
  leaderKey?: string;
}

/** Drains the durable outbox of one platform within its rate limits. */
export function createOutboxSender(options: OutboxSenderOptions) {
  const { db, platform, transport, log } = options;
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const maxInFlight = options.maxInFlight ?? 4;
  const maxPauseMs = (options.maxPauseSec ?? 60) * 1000;
  const maxAttempts = options.maxAttempts ?? 8;
  const limiter = createRateLimiter(options.limits);
  const election = options.coordination
    ? createElection({
        db,
        platform,
        coordination: options.coordination,
        leaderKey: options.leaderKey ?? platform,
        log,
        clock,
        sleep,
      })
    : undefined;
  const inFlight = new Set<Promise<void>>();
  const recent429s = slidingCounter(2000);
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  /** Sent, but the database could not record it (locked or full): recorded before the next batch. */
  const unrecorded = new Map<number, Date>();

  async function deliver(row: OutboxRow): Promise<void> {
    try {
      await transport.send(row);
    } catch (error) {
      // Unrecorded, the row stays claimed: sent again after a restart (it was not delivered).
      metrics.outboxSends.inc({ platform, outcome: isRetryable(error) ? 'retry' : 'failed' });
      if (error instanceof PlatformApiError && error.status === 429) metrics.rateLimited.inc({ platform });
      await handleFailure(row, error).catch((e: unknown) =>
        log.error({ err: e, platform, outbox: row.id }, 'could not record a failed send'),
      );
      return;
    }
    metrics.outboxSends.inc({ platform, outcome: 'sent' });
    await recordSent(row.id, clock());
  }

  async function recordSent(id: number, at: Date): Promise<void> {
    try {
      await markOutgoingSent(db, id, at);
      unrecorded.delete(id);
    } catch (error) {
      if (!unrecorded.has(id)) log.error({ err: error, platform, outbox: id }, 'sent, but could not record it yet');
      unrecorded.set(id, at);
    }
  }

  async function handleFailure(row: OutboxRow, error: unknown): Promise<void> {
    const now = clock().getTime();
    const reason = error instanceof Error ? error.message : String(error);
    if (!isRetryable(error) || row.attempts + 1 >= maxAttempts) {
      log.warn({ platform, chat: row.chatId, outbox: row.id, reason }, 'outgoing message failed for good');
      await markOutgoingFailed(db, row.id, reason);
      return;
    }
    const delay = retryDelayMs(error, row.attempts, 1000, 10 * 60_000);
    const rateLimited = error instanceof PlatformApiError && error.status === 429;
    // One 429 parks its message; a run of them means the whole bot is too fast, so everything pauses.
    if (rateLimited && recent429s.push(now) >= 3) limiter.pause(now + Math.min(delay, maxPauseMs));
    await rescheduleOutgoing(db, row.id, new Date(now + delay), reason, !rateLimited);
  }

  /** Sends what is due now; returns how many messages were handed to the transport. */
  async function drainOnce(): Promise<number> {
    for (const [id, at] of [...unrecorded]) await recordSent(id, at);
    // Checked right before claiming: a notice queued before a downtime may no longer be true.
    const batchSize = options.batchSize ?? 100;
    for (const d of await dropStaleOutgoing(db, platform, clock(), batchSize))
      log.info(
        { platform, chat: d.chatId, outbox: d.id, about: d.about, reason: d.reason },
        'outgoing message dropped',
      );
    const rows = election
      ? await election.claim(clock(), batchSize)
      : await claimDueOutgoing(db, platform, clock(), batchSize);
    let dispatched = 0;
    for (const row of rows) {
      const now = clock().getTime();
      const wait = limiter.delay(row.chatId, row.isGroup, now);
      // A busy chat waits in the queue; a full global window or a pause is slept through.
      if (wait > 250 && wait > limiter.globalDelay(now)) {
        await rescheduleOutgoing(db, row.id, new Date(clock().getTime() + wait), 'rate limit', false);
        continue;
      }
      if (wait > 0) await sleep(Math.min(wait, maxPauseMs));
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      limiter.record(row.chatId, row.isGroup, clock().getTime());
      const task = deliver(row).finally(() => inFlight.delete(task));
      inFlight.add(task);
      dispatched++;
    }
    return dispatched;
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        if (election && !(await election.ready())) {
          await idle(STANDBY_POLL_MS);
          continue;
        }
        const sent = await drainOnce();
        if (sent === 0) await idle();
      } catch (error) {
        log.error({ err: error, platform }, 'outbox loop error');
        await idle();
      }
    }
    await Promise.all(inFlight);
  }

  function idle(ms = options.idleMs ?? 200): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  return {
    platform,
    /** Whether this instance sends the platform's queue; on SQLite the one process always does. */
    role: (): 'leader' | 'standby' => election?.role() ?? 'leader',
    drainOnce,
    /** Waits for sends already handed to the transport. */
    settle: () => Promise.all(inFlight).then(() => undefined),
    async start(): Promise<void> {
      if (running) return;
      if (election) await election.start();
      else {
        await releaseInterruptedOutgoing(db, platform);
        metrics.leader.set({ platform }, 1);
      }
      running = true;
      loop = run();
    },
    /** New messages were queued: look now instead of at the next tick. */
    notify(): void {
      wake?.();
    },
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      await election?.stop();
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;

/** Counts events in the last `windowMs`; `push` returns the count including the new one. */
function slidingCounter(windowMs: number) {
  const times: number[] = [];
  return {
    push(at: number): number {
      times.push(at);
      while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
      return times.length;
    },
  };
}
