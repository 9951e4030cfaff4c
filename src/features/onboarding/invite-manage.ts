import { cancelInvite, findInviteNetwork, listOpenInvites } from '../../db/index.js';
import { isAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { accessText } from '../../messages/index.js';
import { cleanInviteCode } from './invite-code.js';

const LIST_WORDS = new Set(['ds', 'danh sach', 'list']);
const CANCEL_WORDS = new Set(['huy', 'cancel']);
const LISTED = 30;

/** `/moi ds` and `/moi huy <mã>`; false when the arguments name an agency instead. The caller checked isAnyAdmin. */
export async function manageInvites(ctx: Ctx, args: string): Promise<boolean> {
  const words = args.trim().split(/\s+/);
  const first = normalize(words[0] ?? '');
  if (LIST_WORDS.has(normalize(args))) {
    await listInvites(ctx);
    return true;
  }
  if (!CANCEL_WORDS.has(first)) return false;
  const code = cleanInviteCode(words.slice(1).join(''));
  if (!code) throw new UserError(accessText.cancelUsage);
  await cancel(ctx, code);
  return true;
}

async function listInvites(ctx: Ctx): Promise<void> {
  const { actor } = ctx;
  const everywhere = actor.configAdmin || actor.roles.some((r) => r.role === 'admin' && r.networkId === '*');
  const networks = everywhere ? undefined : actor.roles.filter((r) => r.role === 'admin').map((r) => r.networkId);
  const open = await listOpenInvites(ctx.services.db, ctx.now, networks);
  if (open.length === 0) {
    ctx.reply(accessText.noOpenInvites);
    return;
  }
  const lines = open
    .slice(0, LISTED)
    .map((i) => accessText.inviteLine(i.code, i.agencyName, i.networkName, formatVnDate(toVnDate(i.expiresAt))));
  ctx.reply(accessText.openInvites(lines));
}

async function cancel(ctx: Ctx, code: string): Promise<void> {
  const { db } = ctx.services;
  const invite = await findInviteNetwork(db, code);
  // Another network's code is answered as unknown: an admin learns nothing about networks they do not run.
  if (!invite || !isAdmin(ctx.actor, invite.networkId)) throw new UserError(accessText.inviteNotFound(code));
  const cancelled = await cancelInvite(db, { code, actorPersonId: ctx.actor.personId, at: ctx.now });
  ctx.reply(cancelled ? accessText.inviteCancelled(code) : accessText.inviteNotOpen(code));
}
