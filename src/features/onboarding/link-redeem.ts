import {
  checkLinkCode,
  findPersonCard,
  redeemLinkCode,
  type AccessHeld,
  type LinkCodeInput,
  type LinkResult,
} from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { accessText, appName, linkText } from '../../messages/index.js';
import { personLine } from './target.js';

const MAX_FAILURES_PER_HOUR = 5;
/** The confirmation's button: `/lienket ok <issuer person id> <code>`, everything checked again on arrival. */
export const CONFIRM_WORD = 'ok';
export const DECLINE_WORD = 'khong';

const cleanCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');

function codeInput(ctx: Ctx, code: string): LinkCodeInput {
  const { config } = ctx.services;
  return {
    code,
    personId: ctx.actor.personId,
    at: ctx.now,
    maxFailuresPerHour: MAX_FAILURES_PER_HOUR,
    configAdmins: config.admins,
  };
}

/** /lienket <mã>: shows both accounts and asks; nothing is linked yet. */
export async function askToLink(ctx: Ctx, typed: string): Promise<void> {
  const code = cleanCode(typed);
  const check = await checkLinkCode(ctx.services.db, codeInput(ctx, code));
  if (check.kind !== 'confirm') {
    ctx.reply(resultText(check, appName(ctx.msg.platform)));
    return;
  }
  const { db } = ctx.services;
  const [typer, issuer] = await Promise.all([
    findPersonCard(db, ctx.actor.personId),
    findPersonCard(db, check.issuerPersonId),
  ]);
  if (!typer || !issuer) throw new UserError(linkText.invalid);
  ctx.reply(linkText.confirm(accessText.who(personLine(typer)), accessText.who(personLine(issuer))), [
    { id: `/lienket ${CONFIRM_WORD} ${issuer.personId} ${code}`, label: linkText.confirmLabel },
    { id: `/lienket ${DECLINE_WORD}`, label: linkText.declineLabel },
  ]);
}

/** The confirmation's button: links, after checking the code, its issuer and both sides' access again. */
export async function confirmLink(ctx: Ctx, issuerId: string | undefined, typed: string | undefined): Promise<void> {
  const issuerPersonId = Number(issuerId);
  if (!typed || !Number.isSafeInteger(issuerPersonId)) throw new UserError(linkText.invalid);
  const code = cleanCode(typed);
  const here = appName(ctx.msg.platform);
  const result = await redeemLinkCode(ctx.services.db, {
    ...codeInput(ctx, code),
    issuerPersonId,
    notices: (chats) =>
      chats
        .filter((c) => c.privateChatId)
        .map((c) => ({
          platform: c.platform,
          chatId: c.privateChatId!,
          isGroup: false,
          text: linkText.linkedNotice(here, ctx.msg.sender.name),
          idemKey: `link:${code}:${c.platform}:${c.userId}`,
        })),
  });
  ctx.reply(resultText(result, here));
}

const heldText = (held: AccessHeld[]) => held.map((h) => linkText.held(h.kind, h.networkName, h.agencyName));

function resultText(result: Exclude<LinkResult, { kind: 'confirm' }>, here: string): string {
  switch (result.kind) {
    case 'linked':
      return linkText.linked(result.name, here);
    case 'invalid':
      return linkText.invalid;
    case 'expired':
      return linkText.expired;
    case 'same':
      return linkText.same;
    case 'tooManyAttempts':
      return linkText.tooManyAttempts;
    case 'platformTaken':
      return linkText.platformTaken(appName(result.platform));
    case 'agencyConflict':
      return linkText.agencyConflict(result.networkName, result.kept, result.other);
    case 'accessReversed':
      return linkText.accessReversed(heldText(result.typerOnly));
    case 'accessDiffers':
      return linkText.accessDiffers(heldText(result.typerOnly), heldText(result.issuerOnly));
  }
}
