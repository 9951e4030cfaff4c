import type { Plan, PlanAgency, PlanTask } from '../../kernel/plan.js';
import { foldDiacritics } from '../../kernel/text.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { bestMatches, matchLevel } from '../shared/words.js';

// What an admin means by a typed agency or section in the review: matched without diacritics or case.

export type Found<T> = { kind: 'none' } | { kind: 'one'; item: T } | { kind: 'many'; items: T[] };

const found = <T>(items: T[]): Found<T> =>
  items.length === 0 ? { kind: 'none' } : items.length === 1 ? { kind: 'one', item: items[0]! } : { kind: 'many', items };

/** An agency of the draft by its name, short name, an alias or its id ("so vhttdl", "Sở TT&TT", "tu phap"). */
export function findAgency(agencies: readonly PlanAgency[], typed: string): Found<PlanAgency> {
  return found(bestMatches(agencies, (a) => matchLevel(typed, [a.name, a.short ?? '', a.id, ...a.aliases].filter(Boolean))));
}

/**
 * A section as printed, typed loosely: "mục 2.đ", "2.dd", "2.d" (đ when the draft has no 2.d), "III 4", "iii.4",
 * "doan 6" or "6" for "đoạn 6".
 * Compared first with đ kept apart from d ("dd" is how đ is typed without diacritics), then with đ folded into d.
 */
export function findTasks(plan: Plan, typed: string): Found<number> {
  const strict = (s: string) =>
    s
      .toLowerCase()
      .replace(/^\s*(mục|muc|đoạn|doan)\s+/u, '')
      .replace(/đ/g, 'dd')
      .replace(/[\s\-–:,]+/gu, '.')
      .replace(/\.+/g, '.')
      .replace(/^\.|\.$/g, '');
  const loose = (s: string) => foldDiacritics(strict(s).replace(/dd/g, 'd'));
  const indexes = plan.tasks.map((_t, i) => i);
  for (const key of [strict, loose]) {
    const wanted = key(typed);
    const hits = indexes.filter((i) => key(plan.tasks[i]!.section) === wanted);
    if (hits.length > 0) return found(hits);
  }
  return { kind: 'none' };
}

/** Who a task is given to, for a button or a sentence: names, or "tất cả cơ quan". */
export function ownersOf(plan: Plan, task: PlanTask): string {
  if (task.agencies === 'all') return e.allAgencies;
  return task.agencies.map((id) => plan.agencies.find((a) => a.id === id)?.short ?? plan.agencies.find((a) => a.id === id)?.name ?? id).join(', ');
}
