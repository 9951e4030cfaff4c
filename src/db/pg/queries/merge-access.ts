// What two persons may do, compared before they are merged (see ../../queries/merge-access.ts).
import { and, eq } from 'drizzle-orm';
import type { AccessConflict, AccessHeld } from '../../queries/merge-access.js';
import type { PgExec } from '../client.js';
import { agencies, identities, memberships, networks, roles } from '../schema.js';

/** Why `from` (who typed the code) may not become part of `into` (who issued it). Inside a transaction. */
export async function findAccessConflict(
  tx: PgExec,
  into: number,
  from: number,
  configAdmins: string[],
): Promise<AccessConflict | undefined> {
  const issuer = await accessOf(tx, into, configAdmins);
  const typer = await accessOf(tx, from, configAdmins);
  const typerOnly = [...typer].filter(([key]) => !issuer.has(key)).map(([, held]) => held);
  if (typerOnly.length === 0) return undefined;
  const issuerOnly = [...issuer].filter(([key]) => !typer.has(key)).map(([, held]) => held);
  return issuerOnly.length === 0
    ? { kind: 'accessReversed', typerOnly }
    : { kind: 'accessDiffers', typerOnly, issuerOnly };
}

async function accessOf(tx: PgExec, personId: number, configAdmins: string[]): Promise<Map<string, AccessHeld>> {
  const held = new Map<string, AccessHeld>();
  const ids = await tx
    .select({ platform: identities.platform, userId: identities.userId })
    .from(identities)
    .where(eq(identities.personId, personId));
  if (ids.some((i) => configAdmins.includes(`${i.platform}:${i.userId}`)))
    held.set('admin:*', { kind: 'admin', networkName: null });
  const granted = await tx
    .select({ role: roles.role, networkId: roles.networkId, networkName: networks.name })
    .from(roles)
    .leftJoin(networks, eq(networks.id, roles.networkId))
    .where(eq(roles.personId, personId));
  for (const r of granted) {
    const kind = r.role === 'admin' ? 'admin' : 'leader';
    held.set(`${kind}:${r.networkId}`, {
      kind,
      networkName: r.networkId === '*' ? null : (r.networkName ?? r.networkId),
    });
  }
  const officer = await tx
    .select({
      networkId: memberships.networkId,
      agencyId: memberships.agencyId,
      agency: agencies.name,
      network: networks.name,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), eq(memberships.status, 'active')));
  for (const m of officer)
    held.set(`officer:${m.networkId}:${m.agencyId}`, { kind: 'officer', networkName: m.network, agencyName: m.agency });
  return held;
}
