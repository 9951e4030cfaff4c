import { z } from 'zod';
import type { ConversationKind } from '../../bot/context.js';

// The report conversation's saved position. Answers live in report_drafts, not here.

export const reportStateSchema = z.object({
  periodId: z.number().int().positive(),
  agencyId: z.number().int().positive(),
  // ask: a question; typing: a prefilled figure the officer chose to replace; preview: before submitting;
  // pick: which question to edit; discard: confirming the draft's deletion.
  mode: z.enum(['ask', 'typing', 'preview', 'pick', 'discard']),
  q: z.string().optional(),
  t: z.string().optional(),
  /** Came from the preview to change one question: back to the preview once it is answered. */
  editing: z.boolean().optional(),
});

export type ReportState = z.infer<typeof reportStateSchema>;

export const reportKind: ConversationKind<ReportState> = { kind: 'report', version: 1, schema: reportStateSchema };
