import type { AttachmentRef } from '../../kernel/message.js';

// What a file sent to the bot with no command is for, decided here only: a spreadsheet of agencies (features/
// network), or a document to draft a plan from (features/plans). Anything else is no one's, and the router's
// usual answer follows.

export type SentFileKind = 'spreadsheet' | 'plan-document';

const KINDS: Record<string, SentFileKind> = {
  xlsx: 'spreadsheet',
  csv: 'spreadsheet',
  docx: 'plan-document',
  pdf: 'plan-document',
  txt: 'plan-document',
  md: 'plan-document',
};

export function sentFileKind(attachment: AttachmentRef): SentFileKind | undefined {
  if (attachment.kind !== 'document' || !attachment.name) return undefined;
  const ext = /\.([a-z0-9]+)$/i.exec(attachment.name.trim())?.[1]?.toLowerCase() ?? '';
  return KINDS[ext];
}

/** The first document of the message that is of this kind. */
export function sentFileOf(attachments: AttachmentRef[], kind: SentFileKind): AttachmentRef | undefined {
  return attachments.find((a) => sentFileKind(a) === kind);
}
