import type { Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { draftPlan, planYaml } from '../../plans/draft/index.js';
import { formatPlanErrors, parsePlan } from '../../plans/parse.js';
import { hasClassifiedMarking } from '../shared/classified.js';
import type { PlanDraft } from './state.js';

/** A secrecy stamp sits in the header, above the title; further down "mật" is part of ordinary wording. */
const HEADER_CHARS = 600;

export type Drafted = { ok: true; draft: PlanDraft } | { ok: false; error: string };

/** The engine's draft of a text: the same as `daumoi plan draft`, new network unless the admin says otherwise. */
export function draftFromText(text: string, fileName: string, listLabels?: number): Drafted {
  if (hasClassifiedMarking(text.slice(0, HEADER_CHARS))) return { ok: false, error: m.classified };
  const result = draftPlan(text, { fileName, ...(listLabels ? { listLabels } : {}) });
  if (!result.ok) {
    const details = result.errors ? formatPlanErrors(result.errors, 'draft.yaml').map((l) => `  ${l}`) : [];
    return { ok: false, error: [result.error, ...details].join('\n') };
  }
  return { ok: true, draft: { fileName, plan: result.plan, doubts: result.doubts, replaces: null, edits: [] } };
}

export const pastedName = (ctx: Ctx): string => `van-ban-dan-${ctx.now.toISOString().slice(0, 10)}.txt`;

/** Problems `daumoi plan import` would find in the plan as edited (none for the engine's own draft). */
export function planProblems(plan: PlanDraft['plan'], fileName: string): string[] {
  const parsed = parsePlan(planYaml(plan, fileName), `${plan.network.id}.yaml`);
  return parsed.ok ? [] : formatPlanErrors(parsed.errors, `${plan.network.id}.yaml`);
}
