import type { z } from 'zod';
import {
  activityTypeSchema,
  agencySchema,
  documentSchema,
  dutySchema,
  networkSchema,
  taskSchema,
  templateSchema,
  type Plan,
} from '../kernel/plan.js';
import type { PathIssue } from './plan-errors.js';

// A plan that fails its schema is still cross-checked on the items that do pass, so `plan validate` lists every
// error in one round instead of the cross-reference errors only after the schema ones are fixed.

const LISTS = {
  documents: documentSchema,
  agencies: agencySchema,
  tasks: taskSchema,
  duties: dutySchema,
  templates: templateSchema,
  activityTypes: activityTypeSchema,
} satisfies Record<string, z.ZodType>;
type ListName = keyof typeof LISTS;

export interface Salvage {
  plan: Plan;
  /** Per list, the file index of each kept item. */
  indexes: Record<ListName, number[]>;
  /** Ids of items left out: a reference to one of them is not reported as unknown. */
  droppedIds: string[];
}

export function salvagePlan(raw: unknown): Salvage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const source = raw as Record<string, unknown>;
  const network = networkSchema.safeParse(source.network);
  const plan: Record<string, unknown> = {
    network: network.success ? network.data : { id: '', name: '', level: 'commune', active: true },
  };
  const indexes = {} as Record<ListName, number[]>;
  const droppedIds: string[] = [];
  for (const [name, schema] of Object.entries(LISTS) as [ListName, z.ZodType][]) {
    const items = Array.isArray(source[name]) ? (source[name] as unknown[]) : [];
    const kept: unknown[] = [];
    indexes[name] = [];
    items.forEach((item, i) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        kept.push(parsed.data);
        indexes[name].push(i);
      } else {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') droppedIds.push(id);
      }
    });
    plan[name] = kept;
  }
  return { plan: plan as Plan, indexes, droppedIds };
}

/** Cross-check issues of a salvaged plan, pointed back at the file's indexes. */
export function salvagedIssues(issues: PathIssue[], salvage: Salvage): PathIssue[] {
  const remap = (path: PathIssue['path']): PathIssue['path'] => {
    const [list, index, ...rest] = path;
    const kept = salvage.indexes[list as ListName];
    if (!kept || typeof index !== 'number') return path;
    return [list!, kept[index] ?? index, ...rest];
  };
  return issues
    .filter((issue) => !salvage.droppedIds.some((id) => issue.message.includes(`"${id}"`)))
    .map((issue) => ({ ...issue, path: remap(issue.path), ...(issue.at ? { at: remap(issue.at) } : {}) }));
}
