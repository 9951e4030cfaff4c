import { z } from 'zod';
import type { ConversationKind } from '../../bot/context.js';
import type { AttachmentRef, Incoming } from '../../kernel/message.js';

// The activity being written, kept as conversation state between messages (small JSON).

export const optionalSteps = ['link', 'numbers', 'task'] as const;
export const draftSteps = ['type', 'date', 'title', ...optionalSteps, 'confirm'] as const;
export type DraftStep = (typeof draftSteps)[number];

/** A photo or document stays on the platform: only its file id is kept. */
export const attachmentSchema = z.object({
  kind: z.enum(['photo', 'document']),
  fileId: z.string(),
  platform: z.enum(['telegram', 'zalo', 'console']),
  name: z.string().optional(),
});
export type ActivityAttachment = z.infer<typeof attachmentSchema>;

export const draftSchema = z.object({
  /** The activity being edited; null for a new one. */
  activityId: z.number().int().nullable(),
  networkId: z.string(),
  agencyId: z.number().int(),
  step: z.enum(draftSteps),
  /** Guided drafts also ask the optional questions; one-liners go straight to the echo. */
  guided: z.boolean(),
  asked: z.array(z.enum(optionalSteps)),
  typeId: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  link: z.string().nullable(),
  quantity: z.number().int().nullable(),
  participants: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  attachments: z.array(attachmentSchema),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftKind: ConversationKind<Draft> = { kind: 'activity-draft', version: 1, schema: draftSchema };

export function emptyDraft(networkId: string, agencyId: number): Draft {
  return {
    activityId: null,
    networkId,
    agencyId,
    step: 'type',
    guided: false,
    asked: [],
    typeId: null,
    date: null,
    title: null,
    link: null,
    quantity: null,
    participants: null,
    taskId: null,
    attachments: [],
  };
}

/** The first question still open; the echo once everything needed is known. */
export function nextStep(draft: Draft): DraftStep {
  if (!draft.typeId) return 'type';
  if (!draft.date) return 'date';
  if (!draft.title) return 'title';
  if (draft.guided) {
    const open = optionalSteps.find((step) => !draft.asked.includes(step));
    if (open) return open;
  }
  return 'confirm';
}

const MAX_ATTACHMENTS = 10;

/** Keeps the message's photos and documents as references; returns how many were added. */
export function addAttachments(draft: Draft, msg: Pick<Incoming, 'attachments' | 'platform'>): number {
  const fresh = msg.attachments
    .filter((a: AttachmentRef) => !draft.attachments.some((kept) => kept.fileId === a.fileId))
    .slice(0, Math.max(0, MAX_ATTACHMENTS - draft.attachments.length))
    .map((a) => ({ kind: a.kind, fileId: a.fileId, platform: msg.platform, ...(a.name ? { name: a.name } : {}) }));
  draft.attachments.push(...fresh);
  return fresh.length;
}

/** The question before the current one, asked again on "quay lại"; the first question has none. */
export function previousStep(step: DraftStep): Exclude<DraftStep, 'confirm'> | undefined {
  const index = draftSteps.indexOf(step);
  const previous = index > 0 ? draftSteps[index - 1] : undefined;
  return previous === 'confirm' ? undefined : previous;
}

export function markAsked(draft: Draft, step: DraftStep): void {
  const optional = optionalSteps.find((s) => s === step);
  if (optional && !draft.asked.includes(optional)) draft.asked.push(optional);
}
