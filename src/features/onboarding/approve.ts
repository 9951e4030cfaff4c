import {
  decideMembershipRequest,
  findMembershipRequest,
  listPendingRequests,
  listPrivateChats,
  type MembershipRequest,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Choice } from '../../kernel/message.js';
import { normalize } from '../../kernel/text.js';
import { onboarding } from '../../messages/index.js';
import { noticeTime } from '../shared/notice-time.js';

const LISTED = 10;
const WITH_BUTTONS = 5;
const YES = new Set(['ok', 'duyet', 'co', 'dong y', 'yes', 'approve']);
const NO = new Set(['khong', 'tu choi', 'no', 'reject']);

/** /duyet lists pending registrations; /duyet <số> ok|khong decides one and tells the applicant. */
export const approve: Command = {
  name: 'duyet',
  aliases: ['approve'],
  description: onboarding.commands.approve,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    if (!args) {
      await listRequests(ctx);
      return;
    }
    const parsed = /^#?(\d{1,9})\s*(.*)$/.exec(args.trim());
    if (!parsed) throw new UserError(onboarding.approveUsage);
    const id = Number(parsed[1]);
    const verdict = normalize(parsed[2] ?? '');
    const request = await findMembershipRequest(ctx.services.db, id);
    if (!request) throw new UserError(onboarding.requestNotFound(id));
    if (!isAdmin(ctx.actor, request.networkId)) throw new UserError(onboarding.notAdminOf(request.networkName));
    if (request.status !== 'pending') throw new UserError(onboarding.alreadyDecided(id, request.status));
    if (YES.has(verdict) || NO.has(verdict)) await decide(ctx, request, YES.has(verdict));
    else ctx.reply(describe(request), decisionChoices(request.id));
  },
};

async function listRequests(ctx: Ctx): Promise<void> {
  const { actor } = ctx;
  const everywhere = actor.configAdmin || actor.roles.some((r) => r.role === 'admin' && r.networkId === '*');
  const networks = everywhere ? undefined : actor.roles.filter((r) => r.role === 'admin').map((r) => r.networkId);
  const pending = await listPendingRequests(ctx.services.db, networks);
  if (pending.length === 0) {
    ctx.reply(onboarding.noPending);
    return;
  }
  const lines = [
    onboarding.pendingTitle(pending.length),
    ...pending.slice(0, LISTED).map(describe),
    onboarding.pendingFooter,
  ];
  ctx.reply(
    lines.join('\n'),
    pending.slice(0, WITH_BUTTONS).flatMap((r) => decisionChoices(r.id, true)),
  );
}

const describe = (r: MembershipRequest): string =>
  onboarding.pendingLine(r.id, r.personName, r.agencyName, r.networkName, formatVnDate(toVnDate(r.createdAt)));

function decisionChoices(id: number, numbered = false): Choice[] {
  return [
    { id: `/duyet ${id} ok`, label: numbered ? onboarding.approveChoice(id) : onboarding.approveLabel },
    { id: `/duyet ${id} khong`, label: numbered ? onboarding.rejectChoice(id) : onboarding.rejectLabel },
  ];
}

async function decide(ctx: Ctx, request: MembershipRequest, approved: boolean): Promise<void> {
  const { db, config } = ctx.services;
  const text = (approved ? onboarding.applicantApproved : onboarding.applicantRejected)(
    request.agencyName,
    request.networkName,
  );
  const notBefore = noticeTime(ctx.now, config.quietHours);
  const chats = await listPrivateChats(db, [request.personId]);
  const notices = chats.map((c) => ({
    platform: c.platform,
    chatId: c.chatId,
    isGroup: false,
    text,
    notBefore,
    idemKey: `membership-decision:${request.id}:${c.platform}:${c.chatId}`,
  }));
  const result = await decideMembershipRequest(db, {
    id: request.id,
    approve: approved,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices,
  });
  if (result === 'member') ctx.reply(onboarding.memberMeanwhile(request.personName, request.id));
  else if (result === 'not-pending')
    ctx.reply(onboarding.alreadyDecided(request.id, (await findMembershipRequest(db, request.id))?.status ?? 'left'));
  else if (approved) ctx.reply(onboarding.approved(request.personName, request.agencyName, request.networkName));
  else ctx.reply(onboarding.rejected(request.personName, request.agencyName));
}
