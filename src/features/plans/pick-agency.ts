import type { Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import type { Plan, PlanAgency } from '../../kernel/plan.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { actionButton, agencyButton } from './choices.js';
import { findAgency } from './picks.js';

// Choosing an agency of the draft for a fix-up: a button of this fix-up's menu (checked against the draft as it is
// now), or its name typed without diacritics.

type Purpose = 'rename' | 'from' | 'into' | 'to';

export function agencyChoices(plan: Plan, purpose: Purpose, except: string[] = []): Choice[] {
  const count = plan.agencies.length;
  return [
    ...plan.agencies.flatMap((a, i) => (except.includes(a.id) ? [] : [agencyButton.choice(a.name, purpose, i, count)])),
    actionButton.choice(m.buttons.back, 'back'),
  ];
}

export type Picked = { ok: true; agency: PlanAgency } | { ok: false; notes: string[] };

export function pickedAgency(ctx: Ctx, plan: Plan, purpose: Purpose): Picked {
  const { agencies } = plan;
  if (ctx.msg.choice) {
    const [kind, index, count] = agencyButton.parse(ctx.msg.choice) ?? [];
    const agency = kind === purpose && count === agencies.length ? agencies[index!] : undefined;
    return agency ? { ok: true, agency } : { ok: false, notes: [e.pickAgainNote] };
  }
  const typed = ctx.msg.text.replace(/\s+/g, ' ').trim();
  if (!typed) return { ok: false, notes: [] };
  const found = findAgency(agencies, typed);
  if (found.kind === 'one') return { ok: true, agency: found.item };
  if (found.kind === 'none') return { ok: false, notes: [e.noAgencyNamed(typed)] };
  return { ok: false, notes: [e.manyAgencies(typed, found.items.map((a) => a.name))] };
}
