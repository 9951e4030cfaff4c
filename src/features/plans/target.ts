import type { Ctx } from '../../bot/context.js';
import { listNetworks, type NetworkSummary } from '../../db/index.js';
import { isAdmin, type Actor } from '../../kernel/actor.js';
import type { Choice } from '../../kernel/message.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { matchNetworks } from '../shared/network.js';
import { actionButton, newNetworkButton, replaceButton } from './choices.js';
import { showReview } from './review.js';
import { planKind, type PlanState } from './state.js';

// "Chọn mạng lưới": create a new network, or replace the plan of one the admin administers. Only this step
// ever makes the draft replace a network; the choice is checked again here and when confirming.

/** Buttons beyond this many are not shown; the others are chosen by typing their id. */
const MAX_BUTTONS = 12;

export async function ownNetworks(db: Ctx['services']['db'], actor: Actor): Promise<NetworkSummary[]> {
  return (await listNetworks(db)).filter((n) => isAdmin(actor, n.id));
}

export async function askTarget(ctx: Ctx, state: PlanState, notes: string[] = []): Promise<void> {
  const own = await ownNetworks(ctx.services.db, ctx.actor);
  if (own.length === 0) return showReview(ctx, state, [...notes, m.noOwnNetworks]);
  // The network the draft's id points at first: it is the one most likely meant.
  const id = state.draft!.plan.network.id;
  const sorted = [...own].sort((a, b) => Number(b.id === id) - Number(a.id === id));
  const choices: Choice[] = [
    newNetworkButton.choice(m.buttons.newNetwork),
    ...sorted.slice(0, MAX_BUTTONS).map((n) => replaceButton.choice(m.buttons.replace(n.name), n.id)),
    actionButton.choice(m.buttons.back, 'back'),
  ];
  const more = own.length > MAX_BUTTONS ? [m.moreNetworks(own.length - MAX_BUTTONS)] : [];
  ctx.conversation.set(planKind, { ...state, step: 'target' });
  ctx.reply([...notes, m.askTarget, ...more].join('\n'), choices);
}

export async function onTarget(ctx: Ctx, state: PlanState): Promise<void> {
  const draft = state.draft!;
  if (newNetworkButton.is(ctx.msg.choice)) {
    return showReview(ctx, { ...state, draft: { ...draft, replaces: null } }, [m.targetChosenNew(draft.plan.network.id)]);
  }
  const own = await ownNetworks(ctx.services.db, ctx.actor);
  const picked = replaceButton.parse(ctx.msg.choice)?.[0];
  const found = picked ? own.filter((n) => n.id === picked) : matchNetworks(ctx.msg.text, own);
  const network = found.length === 1 ? found[0]! : undefined;
  if (!network) return askTarget(ctx, state, picked ? [m.networkGone] : []);
  // The network keeps its id, name, level and parent: the plan is its new content, not a new identity.
  const plan = {
    ...draft.plan,
    network: {
      ...draft.plan.network,
      id: network.id,
      name: network.name,
      level: network.level as typeof draft.plan.network.level,
      ...(network.parentId ? { parent: network.parentId } : {}),
    },
  };
  await showReview(ctx, { ...state, draft: { ...draft, plan, replaces: network.id } }, [
    m.targetChosenReplace(network.name),
  ]);
}
