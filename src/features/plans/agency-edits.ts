import type { Plan, PlanAgency, PlanTask } from '../../kernel/plan.js';
import { normalize } from '../../kernel/text.js';

// Renaming and merging the agencies of a draft, and moving a task to another agency. Pure: the conversation
// checks the result with the plan parser before keeping it.

const namesOf = (a: PlanAgency): string[] => [a.name, ...(a.short ? [a.short] : []), ...a.aliases];

/** Aliases plus the extra names, without duplicates (by normalized form) and without the agency's own names. */
function withAliases(agency: PlanAgency, extra: string[]): string[] {
  const own = new Set([agency.name, agency.short ?? ''].map(normalize));
  const out: string[] = [];
  for (const name of [...agency.aliases, ...extra]) {
    const key = normalize(name);
    if (!key || own.has(key) || out.some((a) => normalize(a) === key)) continue;
    out.push(name);
  }
  return out;
}

export type RenameResult = { ok: true; plan: Plan } | { ok: false; reason: 'same' } | { ok: false; reason: 'taken'; by: string };

/** The agency gets a new name; the old one stays an alias, so officers who type it still find the agency. */
export function renameAgency(plan: Plan, id: string, name: string): RenameResult {
  const agency = plan.agencies.find((a) => a.id === id)!;
  const key = normalize(name);
  if (key === normalize(agency.name)) return { ok: false, reason: 'same' };
  const other = plan.agencies.find((a) => a.id !== id && namesOf(a).some((n) => normalize(n) === key));
  if (other) return { ok: false, reason: 'taken', by: other.name };
  const renamed = { ...agency, name };
  renamed.aliases = withAliases(renamed, [agency.name]);
  return { ok: true, plan: { ...plan, agencies: plan.agencies.map((a) => (a.id === id ? renamed : a)) } };
}

export interface MergeResult {
  plan: Plan;
  tasks: number;
  duties: number;
}

/**
 * One agency detected twice ("Sở VHTTDL" and "Sở Văn hóa, Thể thao và Du lịch"): `from` goes, its names become
 * aliases of `into`, and its tasks, duties (as reporter or receiver) and successor links follow `into`.
 */
export function mergeAgencies(plan: Plan, fromId: string, intoId: string): MergeResult {
  const from = plan.agencies.find((a) => a.id === fromId)!;
  const swap = (ids: string[]) => [...new Set(ids.map((id) => (id === fromId ? intoId : id)))];
  const owns = (ids: 'all' | string[]) => ids !== 'all' && ids.includes(fromId);
  const tasks = plan.tasks.map((t) => (t.agencies === 'all' ? t : { ...t, agencies: swap(t.agencies) }));
  const duties = plan.duties.map((d) => {
    const reporters = d.reporters === 'all' ? d.reporters : swap(d.reporters);
    return { ...d, reporters, ...(d.receiverAgency === fromId ? { receiverAgency: intoId } : {}) };
  });
  const agencies = plan.agencies
    .filter((a) => a.id !== fromId)
    .map((a) => {
      const kept = a.id === intoId ? { ...a, aliases: withAliases(a, namesOf(from)) } : a;
      const next = kept.successor?.agency === fromId ? intoId : kept.successor?.agency;
      if (!kept.successor || next === kept.successor.agency) return kept;
      // An agency cannot succeed itself: merging an old agency into its successor leaves the successor's name only.
      const { agency: _agency, ...rest } = kept.successor;
      return { ...kept, successor: next && next !== kept.id ? { ...rest, agency: next } : rest };
    });
  return {
    plan: { ...plan, agencies, tasks: tidy(tasks), duties },
    tasks: plan.tasks.filter((t) => owns(t.agencies)).length,
    duties: plan.duties.filter((d) => owns(d.reporters) || d.receiverAgency === fromId).length,
  };
}

/** The task at this index given to this agency alone (a lead task stays lead, a coordinating one coordinating). */
export function moveTask(plan: Plan, index: number, toId: string): Plan {
  const tasks = plan.tasks.map((t, i) => (i === index ? { ...t, agencies: [toId] } : t));
  return { ...plan, tasks: tidy(tasks) };
}

/**
 * After a merge or a move one agency can both lead and coordinate the same item, or hold two copies of a task:
 * it keeps the lead, and each task once.
 */
function tidy(tasks: PlanTask[]): PlanTask[] {
  const leads = new Map<string, Set<string>>();
  for (const t of tasks)
    if (t.role === 'lead' && t.agencies !== 'all')
      leads.set(t.section, new Set([...(leads.get(t.section) ?? []), ...t.agencies]));
  const seen = new Set<string>();
  const out: PlanTask[] = [];
  for (const t of tasks) {
    const agencies =
      t.role === 'coordinate' && t.agencies !== 'all' ? t.agencies.filter((id) => !leads.get(t.section)?.has(id)) : t.agencies;
    if (agencies !== 'all' && agencies.length === 0) continue;
    const key = JSON.stringify([t.section, t.role, agencies, t.text]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...t, agencies });
  }
  return out;
}
