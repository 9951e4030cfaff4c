import { successionText } from '../messages/succession.js';
import type { Plan, PlanAgency, PlanDuty } from './plan.js';

// An agency merged away (active: false, successor.agency in the plan) hands its work to its successor: the
// reporting duties it received now go to the successor, and the ones it owed are owed by the successor. Applied
// to a plan before it is stored, so every reader (reports, reminders, status) sees the same routing.

/** The agency that now does `slug`'s work: itself, or the end of its chain of successors within the plan. */
export function currentAgency(agencies: readonly PlanAgency[], slug: string): PlanAgency | undefined {
  const bySlug = new Map(agencies.map((a) => [a.id, a]));
  let agency = bySlug.get(slug);
  const seen = new Set<string>();
  while (agency && !agency.active && agency.successor?.agency && !seen.has(agency.id)) {
    seen.add(agency.id);
    agency = bySlug.get(agency.successor.agency) ?? agency;
  }
  return agency;
}

export function withSuccessors(plan: Plan): Plan {
  const moved = plan.agencies.some((a) => !a.active && a.successor?.agency);
  return moved ? { ...plan, duties: plan.duties.map((d) => inheritDuty(plan.agencies, d)) } : plan;
}

function inheritDuty(agencies: readonly PlanAgency[], duty: PlanDuty): PlanDuty {
  const result: PlanDuty = { ...duty };
  if (duty.reporters !== 'all')
    result.reporters = [...new Set(duty.reporters.flatMap((s) => [s, currentAgency(agencies, s)?.id ?? s]))];
  const from = duty.receiverAgency ? agencies.find((a) => a.id === duty.receiverAgency) : undefined;
  const to = duty.receiverAgency ? currentAgency(agencies, duty.receiverAgency) : undefined;
  if (!from || !to || to.id === from.id) return result;
  result.receiverAgency = to.id;
  // The document's wording names the dissolved agency; officers are told where the report goes now.
  result.receiver = duty.receiver.split(from.name).join(to.name);
  const note = successionText.receiverMoved(from.name, to.name);
  result.note = duty.note ? `${duty.note} ${note}` : note;
  return result;
}
