import {
  insertMembershipRequest,
  listNetworkAdminChats,
  type AgencyWithNetwork,
  type MembershipRequestResult,
  type OutgoingMessage,
} from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import { accessText, onboarding } from '../../messages/index.js';
import { noticeTime } from '../shared/notice-time.js';

// Each request is a notice to every admin of the network: one open per person and network, at most this many
// waiting in a network (a province has 30-60 agencies; more waiting than that is a flood, not a registration day).
const MAX_PENDING_IN_NETWORK = 50;

/** The end of /dangky without a code: a pending request, and a notice with approve/reject buttons to the admins. */
export async function fileRequest(ctx: Ctx, agency: AgencyWithNetwork): Promise<void> {
  const { db, config } = ctx.services;
  const admins = await listNetworkAdminChats(db, agency.networkId, config.admins);
  const notBefore = noticeTime(ctx.now, config.quietHours);
  const notices = (id: number): OutgoingMessage[] =>
    admins.map((chat) => ({
      platform: chat.platform,
      chatId: chat.chatId,
      isGroup: false,
      notBefore,
      text: onboarding.adminNotice(id, ctx.actor.name, agency.name, agency.networkName),
      choices: [
        { id: `/duyet ${id} ok`, label: onboarding.approveLabel },
        { id: `/duyet ${id} khong`, label: onboarding.rejectLabel },
      ],
      idemKey: `membership-request:${id}:${chat.platform}:${chat.chatId}`,
      // Decided before it goes out (another admin, another app): dropped instead of offering dead buttons.
      about: { kind: 'request', requestId: id },
    }));
  ctx.conversation.end();
  const result = await insertMembershipRequest(db, {
    personId: ctx.actor.personId,
    networkId: agency.networkId,
    agencyId: agency.id,
    at: ctx.now,
    conversation: ctx.conversation.takeWrite(),
    notices,
    maxPendingInNetwork: MAX_PENDING_IN_NETWORK,
  });
  ctx.reply(requestAnswer(result, agency));
}

function requestAnswer(result: MembershipRequestResult, agency: AgencyWithNetwork): string {
  switch (result.kind) {
    case 'filed':
      return onboarding.requestFiled(agency.name, agency.networkName);
    case 'member':
      return onboarding.memberIn(result.agencyName, agency.networkName);
    case 'pending':
      return accessText.requestPending(result.agencyName, agency.networkName, formatVnDate(toVnDate(result.since)));
    case 'networkFull':
      return accessText.requestsFull(agency.networkName);
  }
}
