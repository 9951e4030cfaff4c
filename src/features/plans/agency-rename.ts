import type { Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { renameAgency } from './agency-edits.js';
import { applyEdit } from './apply.js';
import { actionButton } from './choices.js';
import { agencyChoices, pickedAgency } from './pick-agency.js';
import { planKind, type PlanState } from './state.js';

/** "Đổi tên cơ quan": which agency, then its new name. */
export function askAgencyRename(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  ctx.conversation.set(planKind, { ...state, step: 'agency-rename', selected: null });
  ctx.reply([...notes, e.askRenameWhich].join('\n'), agencyChoices(state.draft!.plan, 'rename'));
}

export async function onAgencyRename(ctx: Ctx, state: PlanState): Promise<void> {
  const picked = pickedAgency(ctx, state.draft!.plan, 'rename');
  if (!picked.ok) return askAgencyRename(ctx, state, picked.notes);
  askNewName(ctx, { ...state, selected: picked.agency.id });
}

function askNewName(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const agency = state.draft!.plan.agencies.find((a) => a.id === state.selected)!;
  ctx.conversation.set(planKind, { ...state, step: 'agency-name' });
  ctx.reply([...notes, e.askNewName(agency.name)].join('\n'), [actionButton.choice(m.buttons.back, 'back')]);
}

export async function onAgencyName(ctx: Ctx, state: PlanState): Promise<void> {
  const { plan } = state.draft!;
  const agency = plan.agencies.find((a) => a.id === state.selected);
  // Only a new document replaces the draft, so the agency is still there; checked all the same.
  if (!agency) return askAgencyRename(ctx, state, [m.agencyGone]);
  const name = ctx.msg.text.replace(/\s+/g, ' ').trim().replace(/[.;:]+$/u, '');
  if (!name) return askNewName(ctx, state);
  const result = renameAgency(plan, agency.id, name);
  if (!result.ok) return askNewName(ctx, state, [result.reason === 'same' ? e.sameName : e.nameOfOther(result.by)]);
  await applyEdit(ctx, state, {
    plan: result.plan,
    note: e.agencyRenamed(agency.name, name),
    edit: { action: 'agency.rename', agency: agency.id, from: agency.name, to: name },
  });
}
