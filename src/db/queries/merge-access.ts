// What two persons may do, compared before they are merged: a merge gives each side's chats the other's access.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agencies, identities, memberships, networks, roles } from '../schema.js';

/** One thing a person may do: a role in a network (null: every network) or being an agency's officer. */
export interface AccessHeld {
  kind: 'admin' | 'leader' | 'officer';
  networkName: string | null;
  agencyName?: string;
}

export type AccessConflict =
  /** The person typing the code holds access the issuer lacks: the code must come from the other side. */
  | { kind: 'accessReversed'; typerOnly: AccessHeld[] }
  /** Each holds access the other lacks: an admin sorts it out first. */
  | { kind: 'accessDiffers'; typerOnly: AccessHeld[]; issuerOnly: AccessHeld[] };

/**
 * Why `from` (who typed the code) may not become part of `into` (who issued it) as far as access goes. Allowed
 * only when `from` holds nothing `into` lacks: then the only new access goes to chats the issuer let in by
 * handing over the code. Inside a transaction.
 */
export function findAccessConflict(
  db: Db,
  into: number,
  from: number,
  configAdmins: string[],
): AccessConflict | undefined {
  const issuer = accessOf(db, into, configAdmins);
  const typer = accessOf(db, from, configAdmins);
  const typerOnly = [...typer].filter(([key]) => !issuer.has(key)).map(([, held]) => held);
  if (typerOnly.length === 0) return undefined;
  const issuerOnly = [...issuer].filter(([key]) => !typer.has(key)).map(([, held]) => held);
  return issuerOnly.length === 0
    ? { kind: 'accessReversed', typerOnly }
    : { kind: 'accessDiffers', typerOnly, issuerOnly };
}

function accessOf(db: Db, personId: number, configAdmins: string[]): Map<string, AccessHeld> {
  const held = new Map<string, AccessHeld>();
  const ids = db.orm
    .select({ platform: identities.platform, userId: identities.userId })
    .from(identities)
    .where(eq(identities.personId, personId))
    .all();
  if (ids.some((i) => configAdmins.includes(`${i.platform}:${i.userId}`)))
    held.set('admin:*', { kind: 'admin', networkName: null });
  const granted = db.orm
    .select({ role: roles.role, networkId: roles.networkId, networkName: networks.name })
    .from(roles)
    .leftJoin(networks, eq(networks.id, roles.networkId))
    .where(eq(roles.personId, personId))
    .all();
  for (const r of granted) {
    const kind = r.role === 'admin' ? 'admin' : 'leader';
    held.set(`${kind}:${r.networkId}`, {
      kind,
      networkName: r.networkId === '*' ? null : (r.networkName ?? r.networkId),
    });
  }
  const officer = db.orm
    .select({
      networkId: memberships.networkId,
      agencyId: memberships.agencyId,
      agency: agencies.name,
      network: networks.name,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), eq(memberships.status, 'active')))
    .all();
  for (const m of officer)
    held.set(`officer:${m.networkId}:${m.agencyId}`, { kind: 'officer', networkName: m.network, agencyName: m.agency });
  return held;
}
