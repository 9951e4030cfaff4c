import { findStatusNetwork, listNetworks, type StatusNetwork } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { isAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import { normalize } from '../../kernel/text.js';
import { invitationText as m, onboarding } from '../../messages/index.js';
import { matchNetworks } from '../shared/network.js';
import { CONTENT_TYPES, deliverFiles } from '../status/index.js';
import { BULK_INVITE_DAYS, MAX_INVITE_DAYS, invitationFiles, inviteEveryone } from './invitations.js';
import { sendAgencyTemplate } from './template.js';

const TEMPLATE_WORDS = new Set(['mau', 'template']);
const ALL_WORDS = new Set(['tatca', 'tat ca', 'all']);
const LISTED_REPLACED = 20;

/**
 * The network-wide subcommands of /moi: `/moi mau` (the agency list template) and `/moi tatca [mạng lưới]
 * [số ngày]` (a code for every agency without an officer). False when the arguments are something else (an
 * agency to invite). The caller checked that the person is an admin somewhere.
 */
export async function networkInvites(ctx: Ctx, args: string): Promise<boolean> {
  const words = args.trim().split(/\s+/);
  if (TEMPLATE_WORDS.has(normalize(args))) {
    await sendAgencyTemplate(ctx);
    return true;
  }
  const two = ALL_WORDS.has(normalize(words.slice(0, 2).join(' ')));
  if (!two && !ALL_WORDS.has(normalize(words[0] ?? ''))) return false;
  await inviteAll(ctx, words.slice(two ? 2 : 1));
  return true;
}

async function inviteAll(ctx: Ctx, words: string[]): Promise<void> {
  const last = words.at(-1) ?? '';
  const days = /^\d{1,4}$/.test(last) ? Number(last) : BULK_INVITE_DAYS;
  if (days < 1 || days > MAX_INVITE_DAYS) throw new UserError(m.badDays(MAX_INVITE_DAYS));
  const network = await chooseNetwork(ctx, (/^\d{1,4}$/.test(last) ? words.slice(0, -1) : words).join(' '));
  if (!network) return;
  const deepLink = ctx.services.platforms.telegram?.deepLink;
  const data = await inviteEveryone(ctx.services.db, {
    network,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    days,
    ...(deepLink ? { deepLink } : {}),
  });
  if (!data) return ctx.reply(m.noneToInvite(network.name));
  const lines = [m.created(data.invitations.length, network.name, formatVnDate(toVnDate(data.expiresAt)))];
  if (!deepLink) lines.push(m.noLink);
  const replaced = data.invitations.filter((i) => i.replaced.length > 0);
  if (replaced.length > 0) {
    lines.push(m.replacedHead(replaced.reduce((n, i) => n + i.replaced.length, 0)));
    lines.push(...replaced.slice(0, LISTED_REPLACED).map((i) => m.replacedLine(i.agencyName, i.replaced)));
    if (replaced.length > LISTED_REPLACED) lines.push(m.moreReplaced(replaced.length - LISTED_REPLACED));
  }
  ctx.reply(lines.join('\n'));
  const files = await invitationFiles(data);
  const base = m.fileBase(network.id);
  await deliverFiles(ctx, [
    {
      file: { kind: 'document', fileName: `${base}.xlsx`, data: files.xlsx, caption: m.workbookCaption(network.name) },
      contentType: CONTENT_TYPES.xlsx,
      title: m.workbookName,
    },
    {
      file: { kind: 'document', fileName: `${base}.docx`, data: files.docx, caption: m.lettersCaption(network.name) },
      contentType: CONTENT_TYPES.docx,
      title: m.lettersName,
    },
  ]);
}

/** The named network among the admin's, or the only one they run; a menu of buttons otherwise. */
async function chooseNetwork(ctx: Ctx, words: string): Promise<StatusNetwork | undefined> {
  const { db } = ctx.services;
  const own = (await listNetworks(db)).filter((n) => n.active && isAdmin(ctx.actor, n.id));
  const found = words ? matchNetworks(words, own) : own;
  if (found.length === 1) return findStatusNetwork(db, found[0]!.id);
  // Another admin's network is refused by name, not answered with a menu of one's own.
  const other = words && found.length === 0 ? matchNetworks(words, await listNetworks(db)) : [];
  if (other.length === 1) throw new UserError(onboarding.notAdminOf(other[0]!.name));
  ctx.reply(
    m.pickNetwork,
    (found.length > 0 ? found : own).slice(0, 10).map((n) => ({ id: `/moi tatca ${n.id}`, label: n.name })),
  );
  return undefined;
}
