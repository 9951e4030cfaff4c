import { cancelReplacedInvites, listInviteTargets, type Db, type StatusNetwork } from '../../db/index.js';
import type { InvitationData } from '../../documents/invitations.js';
import { statusText } from '../../messages/index.js';
import { storeInviteCode } from '../shared/invite-code.js';
import { exportNetwork } from '../status/index.js';

// One single-use code per agency still without an officer; a second run re-issues the codes of those still
// without one and cancels the codes it replaces. Shared by /moi tatca and `daumoi invite`.

/** Bulk codes stay valid this long unless the admin says otherwise (a network needs weeks to sign letters). */
export const BULK_INVITE_DAYS = 30;
export const MAX_INVITE_DAYS = 180;

export interface BulkInvite {
  network: StatusNetwork;
  actorPersonId: number;
  at: Date;
  days: number;
  deepLink?: (code: string) => string;
}

/** The invitations written, or undefined when every agency has an officer. */
export async function inviteEveryone(db: Db, run: BulkInvite): Promise<InvitationData | undefined> {
  const targets = await listInviteTargets(db, run.network.id);
  if (targets.length === 0) return undefined;
  const expiresAt = new Date(run.at.getTime() + run.days * 86_400_000);
  const codes = new Map<number, string>();
  for (const target of targets) {
    const input = {
      networkId: run.network.id,
      agencyId: target.agencyId,
      createdBy: run.actorPersonId,
      expiresAt,
      at: run.at,
    };
    codes.set(target.agencyId, await storeInviteCode(db, input));
  }
  const replaced = await cancelReplacedInvites(db, {
    agencyIds: targets.map((t) => t.agencyId),
    keepCodes: [...codes.values()],
    actorPersonId: run.actorPersonId,
    at: run.at,
  });
  return {
    network: exportNetwork(run.network, undefined),
    sender: statusText.document.parentRecipient(run.network.name),
    generatedAt: run.at,
    expiresAt,
    invitations: targets.map((t) => {
      const code = codes.get(t.agencyId)!;
      const link = run.deepLink?.(code);
      return {
        agencyName: t.name,
        code,
        ...(link ? { link } : {}),
        ...(t.contact ? { officer: t.contact } : {}),
        replaced: replaced.filter((r) => r.agencyId === t.agencyId).map((r) => r.hint),
      };
    }),
  };
}

/** The workbook and the letters; docx, exceljs and qrcode load with the first run, not at startup. */
export async function invitationFiles(data: InvitationData): Promise<{ xlsx: Buffer; docx: Buffer }> {
  const { renderInvitationWorkbook } = await import('../../documents/invitations.js');
  const { renderInvitationLetters } = await import('../../documents/invitation-letters.js');
  return { xlsx: await renderInvitationWorkbook(data), docx: await renderInvitationLetters(data) };
}
