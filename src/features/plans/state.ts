import { z } from 'zod';
import type { ConversationKind } from '../../bot/context.js';
import { frequencies, planSchema } from '../../kernel/plan.js';

// The /kehoach conversation: what was pasted so far, and the draft under review with the admin's edits applied.
// The draft is the plan itself (checked with the plan schema), so an edit is a change to it and nothing else.
// Version 1 still: the fix-up steps, `selected`, `frequency` and `edits` were added so that a state stored before them parses.

export const planSteps = [
  'await',
  'review',
  'rename',
  'target',
  'drop',
  /** Which agency to rename, then its new name (selected: the agency id). */
  'agency-rename',
  'agency-name',
  /** The agency merged away, then the one kept (selected: the first one's id). */
  'merge-from',
  'merge-into',
  /** Which task to move (by its section), then to whom (selected: the task id). */
  'move-task',
  'move-to',
  /** Which duty, its frequency when the document gave none, its deadline (selected: the duty id). */
  'duty',
  'frequency',
  'deadline',
] as const;
export type PlanStep = (typeof planSteps)[number];

/** One fix-up the admin made, for the audit entry written on confirming. */
export const planEditSchema = z.record(z.string(), z.string());
export type PlanEdit = z.infer<typeof planEditSchema>;

export const planDraftSchema = z.object({
  /** The file it came from, or "văn bản dán" for a paste: named in the YAML and the audit log. */
  fileName: z.string(),
  plan: planSchema,
  doubts: z.array(z.string()),
  /** The existing network whose plan this replaces (then plan.network.id equals it); null: a new network. */
  replaces: z.string().nullable(),
  edits: z.array(planEditSchema).default([]),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

export const planStateSchema = z.object({
  step: z.enum(planSteps),
  /** Parts of a text pasted over several messages (a chat app cuts long texts), kept until drafted. */
  pasted: z.array(z.string()),
  draft: planDraftSchema.nullable(),
  /** The agency, task or duty chosen in the first half of a two-part fix-up. */
  selected: z.string().nullable().default(null),
  /** The reporting frequency chosen before the deadline is typed (when the document gave none). */
  frequency: z.enum(frequencies).nullable().default(null),
});
export type PlanState = z.infer<typeof planStateSchema>;

export const planKind: ConversationKind<PlanState> = { kind: 'plan-draft', version: 1, schema: planStateSchema };
