import { z } from 'zod';
import { findAgencyWithNetwork, listAgencies, listNetworks, type NetworkSummary } from '../../db/index.js';
import { officerOf } from '../../kernel/actor.js';
import type { ConversationDef, Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { agencyChoices } from '../shared/agency-args.js';
import { lookupAgency } from '../shared/agency.js';
import { matchNetworks } from '../shared/network.js';
import { onboarding } from '../../messages/index.js';
import { isBack, parseYesNo } from '../shared/answers.js';
import { choiceKind, intPart, slugPart } from '../../bot/choices.js';
import { fileRequest } from './request.js';

export const REGISTER_FLOW = 'register';

// The buttons of the network and agency questions.
const networkButton = choiceKind('n', slugPart);
const agencyButton = choiceKind('a', intPart);

const stateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('network') }),
  // `candidate`: the one agency the last typed name matched, which "có" / "đúng" confirms.
  z.object({ step: z.literal('agency'), networkId: z.string(), candidate: z.number().int().optional() }),
]);
type RegisterState = z.infer<typeof stateSchema>;

/** /dangky without a code: pick the network, then the agency; the request waits for an admin. */
export const registerFlow: ConversationDef<RegisterState> = {
  kind: REGISTER_FLOW,
  version: 1,
  schema: stateSchema,
  async step(ctx, state) {
    if (state.step === 'network') await pickNetwork(ctx);
    else if (!ctx.msg.choice && isBack(ctx.msg.text)) await backToNetworks(ctx, state.networkId);
    else await pickAgency(ctx, state.networkId, state.candidate);
  },
};

export const networkChoices = (networks: NetworkSummary[]): Choice[] =>
  networks.map((n) => networkButton.choice(n.name, n.id));

async function pickNetwork(ctx: Ctx): Promise<void> {
  const networks = (await listNetworks(ctx.services.db)).filter((n) => n.active);
  const chosen = networkButton.parse(ctx.msg.choice)?.[0];
  const found = chosen ? networks.filter((n) => n.id === chosen) : matchNetworks(ctx.msg.text, networks);
  if (found.length !== 1) {
    ctx.reply(onboarding.networkNotUnderstood, networkChoices(networks));
    return;
  }
  askAgency(ctx, found[0]!);
}

/** "quay lại" at the agency question: choose the network again (with one network, the agency is asked again). */
async function backToNetworks(ctx: Ctx, networkId: string): Promise<void> {
  const networks = (await listNetworks(ctx.services.db)).filter((n) => n.active);
  const current = networks.find((n) => n.id === networkId);
  if (networks.length === 1 && current) return askAgency(ctx, current);
  ctx.conversation.set(registerFlow, { step: 'network' });
  ctx.reply(onboarding.pickNetwork, networkChoices(networks));
}

export function askAgency(ctx: Ctx, network: NetworkSummary): void {
  const member = officerOf(ctx.actor, network.id);
  if (member) {
    ctx.conversation.end();
    ctx.reply(onboarding.memberIn(member.agencyName, network.name));
    return;
  }
  ctx.conversation.set(registerFlow, { step: 'agency', networkId: network.id });
  ctx.reply(onboarding.askAgency(network.name));
}

async function pickAgency(ctx: Ctx, networkId: string, candidate?: number): Promise<void> {
  const { db } = ctx.services;
  const answer = candidate !== undefined && !ctx.msg.choice ? parseYesNo(ctx.msg.text) : undefined;
  if (answer === false) {
    const network = (await listNetworks(db)).find((n) => n.id === networkId);
    ctx.conversation.set(registerFlow, { step: 'agency', networkId });
    ctx.reply(onboarding.askAgency(network?.name ?? networkId));
    return;
  }
  const confirmed = answer === true;
  const chosenId = confirmed ? candidate : agencyButton.parse(ctx.msg.choice)?.[0];
  const chosen = chosenId ? await findAgencyWithNetwork(db, chosenId) : undefined;
  if (chosen && chosen.networkId === networkId && chosen.active) {
    await fileRequest(ctx, chosen);
    return;
  }
  const query = ctx.msg.text.trim();
  const found = await lookupAgency(db, query, { prefer: [], only: networkId });
  const matches = found.kind === 'none' ? [] : found.kind === 'one' ? [found.agency] : found.agencies;
  const active = matches.filter((a) => a.active);
  if (active.length === 1) {
    // One match is a question of yes or no, not a menu of one.
    const only = active[0]!;
    ctx.conversation.set(registerFlow, { step: 'agency', networkId, candidate: only.id });
    ctx.reply(onboarding.confirmAgency(query, only.name), [
      agencyButton.choice(onboarding.confirmAgencyLabel(only.name), only.id),
    ]);
    return;
  }
  if (active.length > 0) {
    ctx.reply(
      onboarding.pickAgencyIn(query),
      agencyChoices(active, (a) => agencyButton.id(a.id)),
    );
    return;
  }
  const all = await listAgencies(db, networkId);
  const network = (await listNetworks(db)).find((n) => n.id === networkId);
  const options = all.filter((a) => a.active).map((a) => agencyButton.choice(a.name, a.id));
  ctx.reply(onboarding.agencyNotFoundIn(query, network?.name ?? networkId), options);
}
