// A plan (after edits in the chat) back to the YAML `daumoi plan import` reads, without the values the schema
// fills in by default, so the file an admin keeps reads like a drafted or hand-written one.

import { Document } from 'yaml';
import type { Plan } from '../../kernel/plan.js';
import { planDraftText } from '../../messages/plan-draft.js';

type Loose = Record<string, unknown>;

/** Field values that are the schema's defaults, dropped from the file. */
const defaults: Record<string, unknown> = { active: true, role: 'lead', kind: 'dinh-ky', cutoff: 'nd09', optional: false };

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (!value || typeof value !== 'object') return value;
  const out: Loose = {};
  for (const [key, v] of Object.entries(value as Loose)) {
    if (v === undefined || defaults[key] === v) continue;
    if (key === 'aliases' && Array.isArray(v) && v.length === 0) continue;
    out[key] = compact(v);
  }
  return out;
}

export function planYaml(plan: Plan, fileName: string): string {
  const { duties, ...rest } = plan;
  const doc = new Document(compact(duties.length > 0 ? plan : rest));
  doc.commentBefore = planDraftText.yamlComment(fileName);
  return doc.toString({ lineWidth: 0 });
}
