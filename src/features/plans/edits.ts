import type { Plan } from '../../kernel/plan.js';

// Changes the admin makes to a draft before confirming. Pure: the conversation validates the result.

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export const isNetworkId = (id: string): boolean => SLUG.test(id) && id.length <= 60;

export type DropResult = { ok: true; plan: Plan; droppedTasks: number } | { ok: false; reason: 'last-agency' | 'no-tasks' };

/**
 * Removes an agency detected by mistake: from the agency list, from every task (a task left with nobody is
 * dropped), from the reporters of duties (likewise), as a duty's receiver and as another agency's successor.
 */
export function dropAgency(plan: Plan, index: number): DropResult {
  const gone = plan.agencies[index];
  if (!gone || plan.agencies.length === 1) return { ok: false, reason: 'last-agency' };
  const without = (ids: 'all' | string[]) => (ids === 'all' ? ids : ids.filter((id) => id !== gone.id));
  const tasks = plan.tasks
    .map((task) => ({ ...task, agencies: without(task.agencies) }))
    .filter((task) => task.agencies === 'all' || task.agencies.length > 0);
  if (tasks.length === 0) return { ok: false, reason: 'no-tasks' };
  const duties = plan.duties
    .map((duty) => {
      const { receiverAgency, ...rest } = duty;
      return { ...rest, reporters: without(duty.reporters), ...(receiverAgency && receiverAgency !== gone.id ? { receiverAgency } : {}) };
    })
    .filter((duty) => duty.reporters === 'all' || duty.reporters.length > 0);
  const agencies = plan.agencies
    .filter((_a, i) => i !== index)
    .map((a) => {
      if (a.successor?.agency !== gone.id) return a;
      const { agency: _agency, ...successor } = a.successor;
      return { ...a, successor };
    });
  return { ok: true, plan: { ...plan, agencies, tasks, duties }, droppedTasks: plan.tasks.length - tasks.length };
}
