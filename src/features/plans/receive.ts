import type { Ctx } from '../../bot/context.js';
import type { AttachmentRef } from '../../kernel/message.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planDraftText } from '../../messages/plan-draft.js';
import { extractText, fileTypeProblem, maxDraftBytes } from '../../plans/draft/index.js';
import { hasClassifiedMarking } from '../shared/classified.js';

// A document the admin sent, as text: refused before downloading when its name, type or size says so, then
// fetched through the platform and read by the drafting engine's extractor.

export type Received = { ok: true; text: string; fileName: string; listLabels?: number } | { ok: false; error: string };

const tooBig = planDraftText.tooBig(maxDraftBytes / 1024 / 1024);

/** Whether the platform delivers files to the bot at all (Zalo's bot platform does not). */
export const receivesFiles = (ctx: Ctx): boolean => Boolean(ctx.services.platforms[ctx.msg.platform]?.downloadFile);

export async function receiveDocument(ctx: Ctx, ref: AttachmentRef): Promise<Received> {
  if (ref.kind !== 'document') return { ok: false, error: m.notADocument };
  const fileName = ref.name ?? 'tep';
  if (hasClassifiedMarking(fileName.replace(/[_.]+/g, ' '))) return { ok: false, error: m.classified };
  const problem = fileTypeProblem(fileName);
  if (problem) return { ok: false, error: problem };
  if ((ref.size ?? 0) > maxDraftBytes) return { ok: false, error: tooBig };
  const download = ctx.services.platforms[ctx.msg.platform]?.downloadFile;
  if (!download) return { ok: false, error: m.noFiles };
  const file = await download(ref.fileId, maxDraftBytes);
  if (!file.ok) return { ok: false, error: file.reason === 'too-big' ? tooBig : m.downloadFailed };
  const text = await extractText(file.data, fileName);
  if (!text.ok) return { ok: false, error: text.error };
  return { ok: true, text: text.text, fileName, ...(text.listLabels ? { listLabels: text.listLabels } : {}) };
}
