import { z } from 'zod';
import type { ConversationKind } from '../../bot/context.js';
import { planSchema } from '../../kernel/plan.js';

// The /kehoach conversation: what was pasted so far, and the draft under review with the admin's edits applied.
// The draft is the plan itself (checked with the plan schema), so an edit is a change to it and nothing else.

export const planSteps = ['await', 'review', 'rename', 'target', 'drop'] as const;
export type PlanStep = (typeof planSteps)[number];

export const planDraftSchema = z.object({
  /** The file it came from, or "văn bản dán" for a paste: named in the YAML and the audit log. */
  fileName: z.string(),
  plan: planSchema,
  doubts: z.array(z.string()),
  /** The existing network whose plan this replaces (then plan.network.id equals it); null: a new network. */
  replaces: z.string().nullable(),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

export const planStateSchema = z.object({
  step: z.enum(planSteps),
  /** Parts of a text pasted over several messages (a chat app cuts long texts), kept until drafted. */
  pasted: z.array(z.string()),
  draft: planDraftSchema.nullable(),
});
export type PlanState = z.infer<typeof planStateSchema>;

export const planKind: ConversationKind<PlanState> = { kind: 'plan-draft', version: 1, schema: planStateSchema };
