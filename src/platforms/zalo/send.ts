// Renders core replies for Zalo: plain text of at most 2,000 characters, choices as a numbered list,
// files as links served by our own HTTP server (Zalo bots cannot upload files).
import type { Services } from '../../bot/context.js';
import { PlatformApiError, PlatformNetworkError } from '../../bot/errors.js';
import type { Choice, Reply, ReplyFile } from '../../kernel/message.js';
import { splitText } from '../../kernel/text.js';
import { contentTypeOf, FILE_LINK_TTL_HOURS } from '../../http/file-links.js';
import { zaloText } from '../../messages/index.js';
import { ZaloApiError, ZaloNetworkError, type ZaloClient } from './client.js';

export const ZALO_TEXT_LIMIT = 2000;

export type ZaloOutgoing = { kind: 'text'; text: string } | { kind: 'photo'; url: string; caption?: string };
export type PublishFile = Services['publishFile'];

export async function sendZaloReplies(
  client: ZaloClient,
  chatId: string,
  replies: Reply[],
  publish?: PublishFile,
): Promise<void> {
  for (const reply of replies) {
    for (const message of await renderZaloReply(reply, publish)) await sendOne(client, chatId, message);
  }
}

function sendOne(client: ZaloClient, chatId: string, message: ZaloOutgoing): Promise<unknown> {
  if (message.kind === 'photo')
    return zaloCall('sendPhoto', () => client.sendPhoto(chatId, message.url, message.caption));
  return zaloCall('sendMessage', () => client.sendMessage(chatId, message.text));
}

/** The Zalo messages that carry one reply, in sending order. */
export async function renderZaloReply(reply: Reply, publish?: PublishFile): Promise<ZaloOutgoing[]> {
  const out: ZaloOutgoing[] = [];
  let text = reply.text.trim();
  if (reply.file) {
    const file = await renderFile(reply.file, publish);
    if (file.photo) out.push(file.photo);
    text = [text, file.note].filter(Boolean).join('\n\n');
  }
  for (const part of textParts(text, reply.choices ?? [])) out.push({ kind: 'text', text: part });
  return out;
}

async function renderFile(file: ReplyFile, publish?: PublishFile): Promise<{ photo?: ZaloOutgoing; note?: string }> {
  if (!publish) return { note: [file.caption, zaloText.fileUnavailable(file.fileName)].filter(Boolean).join('\n') };
  const contentType = contentTypeOf(file.fileName);
  const url = await publish({ fileName: file.fileName, contentType, data: file.data });
  if (file.kind === 'photo' && contentType.startsWith('image/')) {
    const caption = file.caption?.slice(0, ZALO_TEXT_LIMIT);
    return { photo: caption ? { kind: 'photo', url, caption } : { kind: 'photo', url } };
  }
  return {
    note: [file.caption, zaloText.fileLink(file.fileName, url, FILE_LINK_TTL_HOURS)].filter(Boolean).join('\n'),
  };
}

/** Splits on paragraph boundaries and keeps the numbered menu whole, after the text it belongs to. */
export function textParts(text: string, choices: Choice[]): string[] {
  const parts = text ? splitText(text, ZALO_TEXT_LIMIT) : [];
  if (choices.length === 0) return parts;
  const menu = [...choices.map((choice, index) => `${index + 1}. ${choice.label}`), zaloText.pickHint].join('\n');
  const last = parts[parts.length - 1];
  if (last !== undefined && last.length + 2 + menu.length <= ZALO_TEXT_LIMIT) {
    parts[parts.length - 1] = `${last}\n\n${menu}`;
    return parts;
  }
  return [...parts, ...splitText(menu, ZALO_TEXT_LIMIT)];
}

/**
 * A queued notice is not an answer, so no menu is remembered for it and a typed number would not pick its
 * choices: on Zalo its command choices are shown as the command to type instead (unless the text says it).
 */
export function withTypedCommands(reply: Reply): Reply {
  const lines = (reply.choices ?? [])
    .filter((choice) => choice.id.startsWith('/') && !reply.text.includes(choice.id))
    .map((choice) => zaloText.typeCommand(choice.label, choice.id));
  return { text: [reply.text, ...lines].join('\n') };
}

/** Calls the client and turns its errors into the platform-neutral ones the outbox and retries understand. */
export async function zaloCall<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ZaloApiError) {
      throw new PlatformApiError('zalo', method, error.errorCode, error.description, error.retryAfter);
    }
    if (error instanceof ZaloNetworkError) throw new PlatformNetworkError('zalo', method, error.code);
    throw error;
  }
}
