import type { Ctx } from '../../bot/context.js';
import type { ReplyFile } from '../../kernel/message.js';
import { statusText as m } from '../../messages/status.js';

export interface OutgoingFile {
  file: ReplyFile;
  contentType: string;
  /** Names the file in a download link ("Biểu đồ"). */
  title: string;
}

export const CONTENT_TYPES = {
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * Sends files in chat where the platform can, else as expiring download links (when the server has a
 * public address), else says how to get them.
 */
export async function deliverFiles(ctx: Ctx, files: OutgoingFile[]): Promise<void> {
  if (files.length === 0) return;
  if (ctx.services.platforms[ctx.msg.platform]?.sendsFiles !== false) {
    for (const { file } of files) ctx.reply({ text: '', file });
    return;
  }
  const publish = ctx.services.publishFile;
  if (!publish) {
    ctx.reply(m.noFiles);
    return;
  }
  const links: string[] = [];
  for (const { file, contentType, title } of files) {
    const url = await publish({ fileName: file.fileName, contentType, data: file.data });
    links.push(m.fileLink(title, url));
  }
  ctx.reply(links.join('\n'));
}
