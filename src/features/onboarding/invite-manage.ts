import { cancelInvite, findInvite, listOpenInvites, type InviteRef } from '../../db/index.js';
import { isAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { accessText } from '../../messages/index.js';
import { cleanInviteCode } from '../shared/invite-code.js';

const LIST_WORDS = new Set(['ds', 'danh sach', 'list']);
const CANCEL_WORDS = new Set(['huy', 'cancel']);
const LISTED = 30;
// A cancel button per invite for the first few; the rest are cancelled by typing their number.
const BUTTONS = 10;

/** `/moi ds` and `/moi huy <mã|#số>`; false when the arguments name an agency instead. The caller checked isAnyAdmin. */
export async function manageInvites(ctx: Ctx, args: string): Promise<boolean> {
  const words = args.trim().split(/\s+/);
  const first = normalize(words[0] ?? '');
  if (LIST_WORDS.has(normalize(args))) {
    await listInvites(ctx);
    return true;
  }
  if (!CANCEL_WORDS.has(first)) return false;
  const ref = inviteRef(words.slice(1).join(''));
  if (!ref) throw new UserError(accessText.cancelUsage);
  await cancel(ctx, ref, words.slice(1).join(' '));
  return true;
}

/** `#12` or `12` (shorter than any code) is the number `/moi ds` shows; anything else is a code. */
function inviteRef(typed: string): InviteRef | undefined {
  const id = /^#?(\d{1,5})$/.exec(typed);
  if (id) return { id: Number(id[1]) };
  const code = cleanInviteCode(typed);
  return code ? { code } : undefined;
}

async function listInvites(ctx: Ctx): Promise<void> {
  const { actor } = ctx;
  const everywhere = actor.configAdmin || actor.roles.some((r) => r.role === 'admin' && r.networkId === '*');
  const networks = everywhere ? undefined : actor.roles.filter((r) => r.role === 'admin').map((r) => r.networkId);
  const open = (await listOpenInvites(ctx.services.db, ctx.now, networks)).slice(0, LISTED);
  if (open.length === 0) {
    ctx.reply(accessText.noOpenInvites);
    return;
  }
  const named = open.map((i) => ({ ...i, name: accessText.inviteName(i.id, i.hint) }));
  const lines = named.map((i) =>
    accessText.inviteLine(i.name, i.agencyName, i.networkName, formatVnDate(toVnDate(i.expiresAt))),
  );
  const buttons = named
    .slice(0, BUTTONS)
    .map((i) => ({ id: `/moi huy #${i.id}`, label: accessText.cancelInviteLabel(i.name, i.agencyName) }));
  ctx.reply(accessText.openInvites(lines), buttons);
}

async function cancel(ctx: Ctx, ref: InviteRef, typed: string): Promise<void> {
  const { db } = ctx.services;
  const invite = await findInvite(db, ref);
  // Another network's invite is answered as unknown: an admin learns nothing about networks they do not run.
  if (!invite || !isAdmin(ctx.actor, invite.networkId)) throw new UserError(accessText.inviteNotFound(typed));
  const cancelled = await cancelInvite(db, { id: invite.id, actorPersonId: ctx.actor.personId, at: ctx.now });
  const name = accessText.inviteName(invite.id, invite.hint);
  ctx.reply(cancelled ? accessText.inviteCancelled(name) : accessText.inviteNotOpen(name));
}
