import {
  cancelHandover,
  completeHandover,
  findPendingHandover,
  listHandoversFrom,
  listHandoversTo,
  type HandoverRow,
} from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { handoverText as m } from '../../messages/index.js';
import { privateNotices } from './notices.js';

// The successor's answer to a handover offer (the buttons of the offer run `/bangiao nhan|tuchoi <id>`), and
// the officer withdrawing it (`/bangiao huy`). Each re-checks that the offer is the caller's to decide.

const ID = /^(\d{1,9})$/;

/** `/bangiao nhan <id>` takes the offer; without an id, the offers waiting for the caller, with their buttons. */
export async function acceptHandover(ctx: Ctx, words: string): Promise<void> {
  const id = ID.exec(words.trim());
  if (!id) return listOffers(ctx);
  const offer = await ownOffer(ctx, Number(id[1]));
  const notices = offer.fromPersonId
    ? await privateNotices(
        ctx,
        [offer.fromPersonId],
        m.doneNotice(offer.agencyName, ctx.actor.name),
        `handover:${offer.id}:done`,
      )
    : [];
  const result = await completeHandover(ctx.services.db, {
    handoverId: offer.id,
    networkId: offer.networkId,
    agencyId: offer.agencyId,
    toPersonId: ctx.actor.personId,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices,
  });
  if (result.kind === 'done') return ctx.reply(m.done(offer.agencyName, offer.networkName, result.drafts));
  if (result.kind === 'already') throw new UserError(m.alreadyOfficer(ctx.actor.name, offer.agencyName));
  if (result.kind === 'member-other') throw new UserError(m.officerElsewhere(ctx.actor.name, result.agencyName));
  if (result.kind === 'blocked') throw new UserError(m.blocked(ctx.actor.name));
  throw new UserError(m.gone);
}

export async function declineHandover(ctx: Ctx, words: string): Promise<void> {
  const id = ID.exec(words.trim());
  if (!id) throw new UserError(m.gone);
  const offer = await ownOffer(ctx, Number(id[1]));
  const notices = offer.fromPersonId
    ? await privateNotices(
        ctx,
        [offer.fromPersonId],
        m.declinedNotice(ctx.actor.name, offer.agencyName),
        `handover:${offer.id}:declined`,
      )
    : [];
  const input = { handoverId: offer.id, actorPersonId: ctx.actor.personId, at: ctx.now, notices };
  if (!(await cancelHandover(ctx.services.db, input))) throw new UserError(m.gone);
  ctx.reply(m.declined);
}

export async function withdrawHandover(ctx: Ctx): Promise<void> {
  const offers = await listHandoversFrom(ctx.services.db, ctx.actor.personId, ctx.now);
  if (offers.length === 0) throw new UserError(m.nothingToCancel);
  for (const offer of offers) {
    const input = { handoverId: offer.id, actorPersonId: ctx.actor.personId, at: ctx.now, notices: [] };
    if (await cancelHandover(ctx.services.db, input)) ctx.reply(m.cancelled(offer.agencyName));
  }
}

/** An open offer made to the caller; any other (someone else's, forged, done) is answered as gone. */
async function ownOffer(ctx: Ctx, id: number): Promise<HandoverRow> {
  const offer = await findPendingHandover(ctx.services.db, id, ctx.now);
  if (!offer || offer.toPersonId !== ctx.actor.personId) throw new UserError(m.gone);
  return offer;
}

async function listOffers(ctx: Ctx): Promise<void> {
  const offers = await listHandoversTo(ctx.services.db, ctx.actor.personId, ctx.now);
  if (offers.length === 0) throw new UserError(m.nonePending);
  for (const offer of offers)
    ctx.reply(m.offer(offer.fromName ?? '', offer.agencyName, offer.networkName), [
      { id: `/bangiao nhan ${offer.id}`, label: m.accept },
      { id: `/bangiao tuchoi ${offer.id}`, label: m.decline },
    ]);
}
