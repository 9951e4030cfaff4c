import type { Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { moveTask } from './agency-edits.js';
import { applyEdit } from './apply.js';
import { actionButton, taskButton } from './choices.js';
import { agencyChoices, pickedAgency } from './pick-agency.js';
import { findTasks, ownersOf } from './picks.js';
import { planKind, type PlanState } from './state.js';

// "Chuyển nhiệm vụ": a task chosen by its section as printed (a button, or typed: "2.đ", "III.4", "2.dd"), then the
// agency it belongs to. The task keeps its text, section and role; only who it is given to changes.

/** Tasks beyond this many get no button; they are chosen by typing their section. */
const MAX_BUTTONS = 40;

export function askMoveTask(ctx: Ctx, state: PlanState, notes: string[] = [], only?: number[]): void {
  const { plan } = state.draft!;
  const count = plan.tasks.length;
  const indexes = only ?? plan.tasks.map((_t, i) => i);
  const choices: Choice[] = indexes
    .slice(0, MAX_BUTTONS)
    .map((i) => {
      const task = plan.tasks[i]!;
      return taskButton.choice(e.taskButton(task.section, ownersOf(plan, task), task.role === 'coordinate'), i, count);
    });
  ctx.conversation.set(planKind, { ...state, step: 'move-task', selected: null });
  const more = Math.max(0, indexes.length - MAX_BUTTONS);
  ctx.reply([...notes, e.askMoveWhich(more)].join('\n'), [...choices, actionButton.choice(m.buttons.back, 'back')]);
}

export async function onMoveTask(ctx: Ctx, state: PlanState): Promise<void> {
  const { plan } = state.draft!;
  if (ctx.msg.choice) {
    const [index, count] = taskButton.parse(ctx.msg.choice) ?? [];
    const task = count === plan.tasks.length ? plan.tasks[index!] : undefined;
    if (!task) return askMoveTask(ctx, state, [e.taskGone]);
    return askMoveTo(ctx, { ...state, selected: task.id });
  }
  const typed = ctx.msg.text.replace(/\s+/g, ' ').trim();
  if (!typed) return askMoveTask(ctx, state);
  const found = findTasks(plan, typed);
  if (found.kind === 'none') return askMoveTask(ctx, state, [e.noSection(typed)]);
  if (found.kind === 'many') return askMoveTask(ctx, state, [e.manyTasks(plan.tasks[found.items[0]!]!.section)], found.items);
  askMoveTo(ctx, { ...state, selected: plan.tasks[found.item]!.id });
}

function askMoveTo(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const { plan } = state.draft!;
  const task = plan.tasks.find((t) => t.id === state.selected)!;
  ctx.conversation.set(planKind, { ...state, step: 'move-to' });
  const owners = task.agencies === 'all' ? [] : task.agencies;
  ctx.reply([...notes, e.askMoveTo(task.section, ownersOf(plan, task))].join('\n'), agencyChoices(plan, 'to', owners.length === 1 ? owners : []));
}

export async function onMoveTo(ctx: Ctx, state: PlanState): Promise<void> {
  const { plan } = state.draft!;
  const index = plan.tasks.findIndex((t) => t.id === state.selected);
  if (index < 0) return askMoveTask(ctx, state, [e.taskGone]);
  const picked = pickedAgency(ctx, plan, 'to');
  if (!picked.ok) return askMoveTo(ctx, state, picked.notes);
  const task = plan.tasks[index]!;
  const to = picked.agency;
  if (task.agencies !== 'all' && task.agencies.length === 1 && task.agencies[0] === to.id)
    return askMoveTo(ctx, state, [e.alreadyThere(task.section, to.name)]);
  const from = ownersOf(plan, task);
  await applyEdit(ctx, state, {
    plan: moveTask(plan, index, to.id),
    note: e.moved(task.section, from, to.name),
    edit: { action: 'task.move', task: task.id, section: task.section, to: to.id },
  });
}
