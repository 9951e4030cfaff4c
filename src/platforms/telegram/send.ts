import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import { PlatformApiError, PlatformNetworkError } from '../../bot/errors.js';
import type { Choice, Reply } from '../../kernel/message.js';
import { splitText } from '../../kernel/text.js';

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CALLBACK_LIMIT = 64;
// Longer button texts are elided by the apps anyway; this keeps the cut readable.
const LABEL_LIMIT = 64;

/** Sends replies as plain text (no parse mode, so user text can never become markup). */
export async function sendTelegramReplies(telegram: Telegram, chatId: string, replies: Reply[]): Promise<void> {
  for (const reply of replies) await sendOne(telegram, chatId, reply);
}

async function sendOne(telegram: Telegram, chatId: string, reply: Reply): Promise<void> {
  if (reply.file) {
    const input = { source: reply.file.data, filename: reply.file.fileName };
    const caption = reply.file.caption?.slice(0, CAPTION_LIMIT);
    await call<unknown>('sendFile', () =>
      reply.file!.kind === 'photo'
        ? telegram.sendPhoto(chatId, input, { caption })
        : telegram.sendDocument(chatId, input, { caption }),
    );
    if (!reply.text) return;
  }
  const parts = splitText(reply.text, TEXT_LIMIT);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    const markup = last && reply.choices?.length ? keyboard(reply.choices) : undefined;
    await call('sendMessage', () => telegram.sendMessage(chatId, part, markup ? { reply_markup: markup } : {}));
  }
}

function keyboard(choices: Choice[]) {
  return {
    inline_keyboard: choices.map((choice) => {
      if (Buffer.byteLength(choice.id) > CALLBACK_LIMIT) throw new Error(`Choice id over 64 bytes: ${choice.id}`);
      return [{ text: buttonLabel(choice.label), callback_data: choice.id }];
    }),
  };
}

/** A label past the limit is cut at a word and ends with "…", so it never stops mid-word without a sign. */
export function buttonLabel(label: string): string {
  if (label.length <= LABEL_LIMIT) return label;
  const cut = label.slice(0, LABEL_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LABEL_LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:…-]+$/, '')}…`;
}

/** Calls the API and turns telegraf and network failures into our typed errors, without the token. */
export async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toPlatformError(error, method);
  }
}

export function toPlatformError(error: unknown, method: string): Error {
  if (error instanceof TelegramError) {
    return new PlatformApiError('telegram', method, error.code, error.description, error.parameters?.retry_after);
  }
  const code = (error as { code?: string; errno?: string })?.code ?? 'unknown';
  return new PlatformNetworkError('telegram', method, String(code));
}
