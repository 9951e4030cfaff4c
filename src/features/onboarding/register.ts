import { listNetworks, redeemInvite, type RedeemResult } from '../../db/index.js';
import type { Command, Ctx } from '../../bot/context.js';
import { accessText, onboarding } from '../../messages/index.js';
import { cleanInviteCode, looksLikeInviteCode } from '../shared/invite-code.js';
import { askAgency, networkChoices, REGISTER_FLOW, registerFlow } from './conversation.js';

/** /dangky <mã> registers at once; /dangky alone walks through network and agency and files a request. */
export const register: Command = {
  name: 'dangky',
  aliases: ['register'],
  description: onboarding.commands.register,
  async run(ctx, args) {
    if (args && looksLikeInviteCode(args)) {
      await redeemCode(ctx, args);
      return;
    }
    const networks = (await listNetworks(ctx.services.db)).filter((n) => n.active);
    if (networks.length === 0) {
      ctx.reply(onboarding.noNetworks);
      return;
    }
    if (networks.length === 1) {
      askAgency(ctx, networks[0]!);
      return;
    }
    ctx.conversation.set(registerFlow, { step: 'network' });
    ctx.reply(onboarding.pickNetwork, networkChoices(networks));
  },
};

// 8 symbols of 31 are about 40 bits: 5 guesses per 15 minutes per person and per chat leave guessing hopeless.
const MAX_WRONG_CODES = 5;
const WRONG_CODE_MINUTES = 15;

/** Uses an invite code (from /dangky <mã> or the deep link's /start <mã>). */
export async function redeemCode(ctx: Ctx, raw: string): Promise<void> {
  const code = cleanInviteCode(raw);
  if (ctx.conversation.current?.kind === REGISTER_FLOW) ctx.conversation.end();
  const result = await redeemInvite(ctx.services.db, {
    code,
    personId: ctx.actor.personId,
    chat: `${ctx.msg.platform}:${ctx.msg.chat.id}`,
    at: ctx.now,
    limit: { failures: MAX_WRONG_CODES, windowMs: WRONG_CODE_MINUTES * 60_000 },
    conversation: ctx.conversation.takeWrite(),
  });
  ctx.reply(redeemAnswer(result));
}

function redeemAnswer(result: RedeemResult): string {
  switch (result.kind) {
    case 'ok':
      return onboarding.registered(result.agency.agencyName, result.agency.networkName);
    case 'already':
      return onboarding.alreadyRegistered(result.agency.agencyName, result.agency.networkName);
    case 'invalid':
      return accessText.codeInvalid;
    case 'tooManyAttempts':
      return accessText.tooManyCodes(WRONG_CODE_MINUTES);
    case 'member-other':
      return onboarding.memberOther(result.agencyName, result.agency.networkName, result.agency.agencyName);
  }
}
