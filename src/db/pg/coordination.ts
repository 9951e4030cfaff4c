import { createHash, randomInt } from 'node:crypto';
import pg from 'pg';
import type { Coordination } from '../../kernel/instances.js';
import type { PgDb } from './client.js';

// Advisory locks on one session of its own per instance (not a pooled connection: a busy pool never delays a
// lock, and PostgreSQL drops every lock of the session the moment the process dies). Keys are pairs
// (kind, hash of the name); the migration lock uses the one-number form, so they never meet.

export const LOCK_KIND = { leader: 0x64610001, instance: 0x64610002, named: 0x64610003 } as const;

/** A name's 32-bit key: two names sharing one only wait for each other. */
export function lockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

export async function openPgCoordination(db: PgDb, onLost: (error: Error) => void): Promise<Coordination> {
  const client = new pg.Client({ connectionString: db.url, keepAlive: true });
  await client.connect();
  // Positive, so SQL can compare it with pg_locks.objid (an unsigned oid).
  const instanceId = randomInt(1, 2 ** 31 - 1);
  await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_KIND.instance, instanceId]);
  const leading = new Set<string>();
  let lost = false;
  const loseSession = (error: Error) => {
    if (lost) return;
    lost = true;
    leading.clear();
    onLost(error);
  };
  client.on('error', loseSession);
  client.on('end', () => loseSession(new Error('the coordination session with PostgreSQL ended')));

  // One query at a time on the session: the sender's election, every chat's lock and the job leases share it, and
  // node-postgres must not be handed a query while another runs on the same client (deprecated, gone in pg 9).
  let last: Promise<unknown> = Promise.resolve();
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> => {
    const next = last.then(() => client.query<R>(text, values));
    last = next.catch(() => undefined);
    return next;
  };
  const tryLock = async (kind: number, name: string): Promise<boolean> =>
    (await query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [kind, lockKey(name)])).rows[0]!.ok;
  const unlock = (kind: number, name: string) => query('SELECT pg_advisory_unlock($1, $2)', [kind, lockKey(name)]);

  async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    for (let wait = 2; !(await tryLock(LOCK_KIND.named, name)); wait = Math.min(50, wait * 2)) {
      if (lost) throw new Error('the coordination session with PostgreSQL is lost');
      await new Promise((r) => setTimeout(r, wait));
    }
    try {
      return await fn();
    } finally {
      if (!lost) await unlock(LOCK_KIND.named, name);
    }
  }

  return {
    instanceId,
    async tryLead(name) {
      if (lost) return false;
      // Session locks stack: taken once, held until resigned or the session ends.
      if (!leading.has(name) && (await tryLock(LOCK_KIND.leader, name))) leading.add(name);
      return leading.has(name);
    },
    isLeading: (name) => leading.has(name),
    get lost() {
      return lost;
    },
    async resign(name) {
      if (!leading.delete(name) || lost) return;
      await unlock(LOCK_KIND.leader, name);
    },
    withLock,
    async tryWithLock(name, fn) {
      if (lost || !(await tryLock(LOCK_KIND.named, name))) return false;
      try {
        await fn();
      } finally {
        if (!lost) await unlock(LOCK_KIND.named, name);
      }
      return true;
    },
    async close() {
      lost = true;
      leading.clear();
      await client.end();
    },
  };
}
