import type { Ctx } from '../../bot/context.js';
import type { Plan } from '../../kernel/plan.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planProblems } from './draft.js';
import { showReview } from './review.js';
import type { PlanEdit, PlanState } from './state.js';

/**
 * Keeps a fix-up when the plan it gives is one `daumoi plan import` accepts, and shows the refreshed summary with
 * a line saying what changed; otherwise the draft stays as it was and the review says why.
 */
export async function applyEdit(
  ctx: Ctx,
  state: PlanState,
  change: { plan: Plan; note: string; edit: PlanEdit; doubts?: string[] },
): Promise<void> {
  const draft = state.draft!;
  const problems = planProblems(change.plan, draft.fileName);
  if (problems.length > 0) return showReview(ctx, state, [m.editInvalid(problems)]);
  const edited = {
    ...draft,
    plan: change.plan,
    doubts: change.doubts ?? draft.doubts,
    edits: [...draft.edits, change.edit],
  };
  await showReview(ctx, { ...state, draft: edited }, [change.note]);
}
