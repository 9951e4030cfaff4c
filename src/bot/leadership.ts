import { createHash } from 'node:crypto';
import type { Coordination } from '../kernel/instances.js';

/** How often a standby asks for a leadership: it takes over within this once the leader's session is gone. */
export const STANDBY_POLL_MS = 250;

/** A leadership's name for one bot: its token hashed (the lock names are visible in pg_locks' neighbours' logs). */
export function botLeaderKey(role: string, platform: string, token: string): string {
  return `${role}:${platform}:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

/** Resolves true once this instance holds the leadership, false if the signal aborts first. */
export async function awaitLeadership(coordination: Coordination, name: string, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if (await coordination.tryLead(name)) return true;
    await new Promise((r) => setTimeout(r, STANDBY_POLL_MS));
  }
  return false;
}
