import type { Ctx } from '../../bot/context.js';
import { listNetworks } from '../../db/index.js';
import { normalize } from '../../kernel/text.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { actionButton } from './choices.js';
import { isNetworkId } from './edits.js';
import { showReview } from './review.js';
import { planKind, type PlanState } from './state.js';

/** "Đổi tên, mã": the next line is the network's new name, or "mã <id>" for its id. */
export function askRename(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const { name, id } = state.draft!.plan.network;
  ctx.conversation.set(planKind, { ...state, step: 'rename' });
  ctx.reply([...notes, m.askRename(name, id)].join('\n'), [actionButton.choice(m.buttons.back, 'back')]);
}

export async function onRename(ctx: Ctx, state: PlanState): Promise<void> {
  const draft = state.draft!;
  const text = ctx.msg.text.replace(/\s+/g, ' ').trim();
  if (!text) return askRename(ctx, state);
  if (!/^(ma|id)\s*:?\s/.test(normalize(text))) {
    const network = { ...draft.plan.network, name: text };
    const edits = [...draft.edits, { action: 'network.rename', to: text }];
    return showReview(ctx, { ...state, draft: { ...draft, edits, plan: { ...draft.plan, network } } }, [m.renamed(text)]);
  }
  // Everything after the word "mã" is the id, so "mã Cam Thanh" is refused rather than becoming the name.
  const id = text.replace(/^\S+\s*:?\s*/u, '').toLowerCase();
  if (!isNetworkId(id)) return askRename(ctx, state, [m.badId(id)]);
  const taken = (await listNetworks(ctx.services.db)).find((n) => n.id === id);
  // Replacing an existing network is chosen with its own button, never by typing its id here.
  if (taken && taken.id !== draft.replaces) return askRename(ctx, state, [m.idOfOther(id, taken.name)]);
  const network = { ...draft.plan.network, id };
  const replaces = taken ? draft.replaces : null;
  const edits = [...draft.edits, { action: 'network.id', to: id }];
  await showReview(ctx, { ...state, draft: { ...draft, replaces, edits, plan: { ...draft.plan, network } } }, [m.reIded(id)]);
}
