import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { memberships } from '../schema.js';
import { appendAudit } from './audit.js';

export interface MembershipInput {
  personId: number;
  networkId: string;
  agencyId: number;
  decidedBy: number | null;
  at: Date;
}

/** Registers an approved officer of an agency (invite code, admin approval, or test setup). */
export async function insertActiveMembership(db: Db, input: MembershipInput): Promise<number> {
  return transaction(db, () => {
    const row = db.orm.insert(memberships).values({
      personId: input.personId, networkId: input.networkId, agencyId: input.agencyId, status: 'active',
      decidedBy: input.decidedBy, createdAt: input.at,
    }).returning({ id: memberships.id }).get();
    appendAudit(db, { actorPersonId: input.decidedBy, action: 'membership.activate', detail: { ...input, at: undefined }, at: input.at });
    return row.id;
  });
}
