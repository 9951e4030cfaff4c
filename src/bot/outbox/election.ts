import { claimLeasedOutgoing, releaseOwnOutgoing, takeOverOutgoing, type Db, type OutboxRow } from '../../db/index.js';
import type { Coordination } from '../../kernel/instances.js';
import type { Logger } from '../../logger.js';
import { metrics } from '../metrics.js';
export { STANDBY_POLL_MS } from '../leadership.js';
import { RATE_WINDOW_MS } from './rate-limiter.js';

// With several instances one of them sends a bot's queue: the holder of an advisory lock named after the bot
// token. Its in-memory limiter then stays exact (30/s overall, 1/s per chat, 20/min per group). A standby asks
// again every STANDBY_POLL_MS and takes over within that once the leader's session is gone.

const LEASE_MS = 60_000;
const TAKEOVER_EVERY_MS = 5_000;

export interface ElectionOptions {
  db: Db;
  platform: string;
  coordination: Coordination;
  /** Names the lock: one sender per bot token, whichever instances run it. */
  leaderKey: string;
  log: Logger;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export function createElection(options: ElectionOptions) {
  const { db, platform, coordination, leaderKey, log, clock, sleep } = options;
  const owner = coordination.instanceId;
  let leading = false;
  let lastTakeover = 0;
  metrics.leader.set({ platform }, 0);

  async function takeOver(now: number): Promise<void> {
    lastTakeover = now;
    const taken = await takeOverOutgoing(db, platform, new Date(now), owner);
    if (taken > 0) log.warn({ platform, taken }, 'outgoing messages of a stopped instance taken over');
  }

  return {
    role: (): 'leader' | 'standby' => (leading ? 'leader' : 'standby'),
    /** Frees what this instance itself left mid-send (never another's rows). */
    async start(): Promise<void> {
      await releaseOwnOutgoing(db, platform, owner);
    },
    /** True when this instance leads and may send now. */
    async ready(): Promise<boolean> {
      const now = clock().getTime();
      const lead = await coordination.tryLead(leaderKey);
      if (lead && !leading) {
        leading = true;
        metrics.leader.set({ platform }, 1);
        log.info({ platform, instance: owner }, 'this instance now sends the outbox');
        await takeOver(now);
        // The last leader's sends of its final second are unknown to this limiter: wait one window out. Slept
        // (the sender's sleep), not compared with the clock: a clock held still in a test would never reach it.
        await sleep(RATE_WINDOW_MS);
      } else if (!lead && leading) {
        leading = false;
        metrics.leader.set({ platform }, 0);
        log.warn({ platform, instance: owner }, 'this instance no longer sends the outbox');
      }
      if (lead && now - lastTakeover >= TAKEOVER_EVERY_MS) await takeOver(now);
      return lead;
    },
    claim: (now: Date, limit: number): Promise<OutboxRow[]> =>
      claimLeasedOutgoing(db, platform, now, limit, { owner, until: new Date(now.getTime() + LEASE_MS) }),
    async stop(): Promise<void> {
      await releaseOwnOutgoing(db, platform, owner);
      await coordination.resign(leaderKey);
      leading = false;
      metrics.leader.set({ platform }, 0);
    },
  };
}

export type Election = ReturnType<typeof createElection>;
