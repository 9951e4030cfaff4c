import type { Platform } from './message.js';

export interface Membership {
  networkId: string;
  networkName: string;
  agencyId: number;
  agencySlug: string;
  agencyName: string;
  status: 'active' | 'pending';
}

export interface Actor {
  personId: number;
  name: string;
  platform: Platform;
  userId: string;
  /** Listed in the ADMINS setting: admin of every network. */
  configAdmin: boolean;
  memberships: Membership[];
  roles: { networkId: string; role: 'admin' | 'leader' }[];
}

export function isAdmin(actor: Actor, networkId?: string): boolean {
  if (actor.configAdmin) return true;
  return actor.roles.some((r) => r.role === 'admin' && (r.networkId === '*' || r.networkId === networkId));
}

export function isLeader(actor: Actor, networkId: string): boolean {
  return isAdmin(actor, networkId) || actor.roles.some((r) => r.role === 'leader' && r.networkId === networkId);
}

export function isAnyAdmin(actor: Actor): boolean {
  return actor.configAdmin || actor.roles.some((r) => r.role === 'admin');
}

/** The approved membership of the actor, in the given network if any. */
export function officerOf(actor: Actor, networkId?: string): Membership | undefined {
  return actor.memberships.find((m) => m.status === 'active' && (!networkId || m.networkId === networkId));
}

/** Networks the actor leads or administers (by role), for leaders' views. */
export function ledNetworks(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.networkId))];
}

export function adminKey(platform: Platform, userId: string): string {
  return `${platform}:${userId}`;
}
