// Bot API method handlers of the fake Telegram server (everything except the long-polling getUpdates).
import type { RecordedFile } from './fake-api-core.js';
import { checkReplyMarkup, checkText } from './fake-telegram-validate.js';
import { BOT_USER, type TelegramWorld, type TgMessage, type TgUpdate } from './fake-telegram-updates.js';

export type Outcome = { result: unknown } | { error: number; description: string; retryAfter?: number };
export type Params = Record<string, unknown>;

export interface MethodContext {
  world: TelegramWorld;
  webhook: { url: string; secretToken?: string; allowedUpdates?: unknown };
  queue: TgUpdate[];
  members: Map<string, string>;
  commands: unknown[];
  files: RecordedFile[];
  uploadSeq: () => number;
}

type Handler = (ctx: MethodContext, params: Params) => Outcome;

const MB = 1024 * 1024;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
const COMMAND_PATTERN = /^[a-z0-9_]{1,32}$/;
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const bad = (description: string): Outcome => ({ error: 400, description: `Bad Request: ${description}` });
const ok = (result: unknown): Outcome => ({ result });

/** multipart bodies carry JSON fields as strings */
function jsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (err) {
    throw new Error(`field is not JSON: ${(err as Error).message}`);
  }
}

function markupKey(markup: unknown): string {
  return markup === undefined ? '' : JSON.stringify(jsonField(markup));
}

function messageKey(chatId: unknown, messageId: unknown): string {
  return `${String(chatId)}:${String(messageId)}`;
}

function baseMessage(ctx: MethodContext, params: Params): TgMessage {
  const message: TgMessage = {
    message_id: ctx.world.messageId(),
    from: { ...BOT_USER },
    chat: ctx.world.chatFor(params.chat_id as string | number),
    date: ctx.world.nowSec(),
  };
  if (params.reply_markup !== undefined) message.reply_markup = jsonField(params.reply_markup);
  return message;
}

function rememberBotMessage(ctx: MethodContext, message: TgMessage, text: string, markup: unknown): void {
  const chatKey = String(message.chat.id);
  ctx.world.botMessages.set(`${chatKey}:${message.message_id}`, { text, markup: markupKey(markup) });
  ctx.world.lastBotMessage.set(chatKey, message.message_id);
}

function checkContent(params: Params, text: unknown, limit: number, what: 'message text' | 'caption'): Outcome | null {
  const textError = checkText(text, params.parse_mode, limit, what);
  if (textError) return { error: 400, description: textError };
  return checkMarkup(params);
}

function checkMarkup(params: Params): Outcome | null {
  const markupError = checkReplyMarkup(params.reply_markup);
  return markupError ? { error: 400, description: markupError } : null;
}

function checkSend(params: Params, text: unknown, limit: number, what: 'message text' | 'caption'): Outcome | null {
  if (params.chat_id === undefined || params.chat_id === '') return bad('chat_id is empty');
  return checkContent(params, text, limit, what);
}

const sendMessage: Handler = (ctx, params) => {
  const invalid = checkSend(params, params.text, 4096, 'message text');
  if (invalid) return invalid;
  const message = { ...baseMessage(ctx, params), text: params.text };
  rememberBotMessage(ctx, message, String(params.text), params.reply_markup);
  return ok(message);
};

interface Media {
  fileId: string;
  size: number;
  fileName?: string;
  contentType?: string;
}

/** An uploaded file becomes a stored file with a fresh id; a string is a file_id or URL used as is. */
function resolveMedia(ctx: MethodContext, params: Params, field: string, maxBytes: number): Media | Outcome {
  const upload = ctx.files.find((f) => f.field === field);
  if (!upload) {
    const fileId = String(params[field]);
    return { fileId, size: ctx.world.files.get(fileId)?.data.length ?? 0 };
  }
  if (upload.size > maxBytes) return { error: 413, description: 'Request Entity Too Large' };
  const fileId = `${field}_${ctx.uploadSeq()}`;
  ctx.world.registerFile(fileId, upload.data, `${field}s/${upload.fileName}`);
  return { fileId, size: upload.size, fileName: upload.fileName, contentType: upload.contentType };
}

function sendMedia(field: 'photo' | 'document', maxBytes: number): Handler {
  return (ctx, params) => {
    if (params[field] === undefined || params[field] === '') return bad(`there is no ${field} in the request`);
    const invalid = checkSend(params, params.caption, 1024, 'caption');
    if (invalid) return invalid;
    const media = resolveMedia(ctx, params, field, maxBytes);
    if (!('fileId' in media)) return media;
    const message = baseMessage(ctx, params);
    if (params.caption !== undefined) message.caption = params.caption;
    message[field] = field === 'photo' ? photoSizes(media) : documentOf(media);
    rememberBotMessage(ctx, message, String(params.caption ?? ''), params.reply_markup);
    return ok(message);
  };
}

function photoSizes(media: Media): unknown[] {
  return [
    { file_id: media.fileId, file_unique_id: `u_${media.fileId}`, width: 1280, height: 960, file_size: media.size },
  ];
}

function documentOf(media: Media): unknown {
  return {
    file_id: media.fileId,
    file_unique_id: `u_${media.fileId}`,
    file_name: media.fileName ?? 'file',
    mime_type: media.contentType ?? 'application/octet-stream',
    file_size: media.size,
  };
}

function editTarget(params: Params): Outcome | null {
  if (params.inline_message_id !== undefined) return null;
  if (params.chat_id === undefined || params.message_id === undefined)
    return bad('message identifier is not specified');
  return null;
}

const NOT_MODIFIED = bad(
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
);

const editMessageText: Handler = (ctx, params) => {
  const invalid = editTarget(params) ?? checkContent(params, params.text, 4096, 'message text');
  if (invalid) return invalid;
  if (params.inline_message_id !== undefined) return ok(true);
  const key = messageKey(params.chat_id, params.message_id);
  const stored = ctx.world.botMessages.get(key);
  const markup = markupKey(params.reply_markup);
  if (stored && stored.text === params.text && stored.markup === markup) return NOT_MODIFIED;
  ctx.world.botMessages.set(key, { text: String(params.text), markup });
  return ok(editedMessage(ctx, params, { text: params.text }));
};

const editMessageReplyMarkup: Handler = (ctx, params) => {
  const invalid = editTarget(params) ?? checkMarkup(params);
  if (invalid) return invalid;
  if (params.inline_message_id !== undefined) return ok(true);
  const key = messageKey(params.chat_id, params.message_id);
  const stored = ctx.world.botMessages.get(key);
  const markup = markupKey(params.reply_markup);
  if (stored && stored.markup === markup) return NOT_MODIFIED;
  ctx.world.botMessages.set(key, { text: stored?.text ?? '', markup });
  return ok(editedMessage(ctx, params, { text: stored?.text ?? '' }));
};

function editedMessage(ctx: MethodContext, params: Params, extra: Params): TgMessage {
  const message: TgMessage = {
    message_id: Number(params.message_id),
    from: { ...BOT_USER },
    chat: ctx.world.chatFor(params.chat_id as string | number),
    date: ctx.world.nowSec(),
    edit_date: ctx.world.nowSec(),
    ...extra,
  };
  if (params.reply_markup !== undefined) message.reply_markup = jsonField(params.reply_markup);
  return message;
}

const setWebhook: Handler = (ctx, params) => {
  const secret = params.secret_token;
  if (secret !== undefined && (typeof secret !== 'string' || !SECRET_PATTERN.test(secret))) {
    return bad('secret token contains unallowed characters');
  }
  if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') ctx.queue.length = 0;
  ctx.webhook.url = String(params.url ?? '');
  ctx.webhook.secretToken = typeof secret === 'string' ? secret : undefined;
  ctx.webhook.allowedUpdates = params.allowed_updates === undefined ? undefined : jsonField(params.allowed_updates);
  return ok(true);
};

const deleteWebhook: Handler = (ctx, params) => {
  if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') ctx.queue.length = 0;
  ctx.webhook.url = '';
  ctx.webhook.secretToken = undefined;
  return ok(true);
};

const getWebhookInfo: Handler = (ctx) => {
  const info: Params = { url: ctx.webhook.url, has_custom_certificate: false, pending_update_count: ctx.queue.length };
  if (ctx.webhook.allowedUpdates !== undefined) info.allowed_updates = ctx.webhook.allowedUpdates;
  return ok(info);
};

const setMyCommands: Handler = (ctx, params) => {
  const commands = jsonField(params.commands);
  if (!Array.isArray(commands)) return bad('commands must be an array');
  for (const entry of commands as Array<{ command?: unknown; description?: unknown }>) {
    if (typeof entry.command !== 'string' || !COMMAND_PATTERN.test(entry.command)) return bad('BOT_COMMAND_INVALID');
    if (typeof entry.description !== 'string' || entry.description.length < 1 || entry.description.length > 256) {
      return bad('command description is empty');
    }
  }
  ctx.commands.splice(0, ctx.commands.length, ...commands);
  return ok(true);
};

function memberOf(ctx: MethodContext, chatId: unknown, userId: number): Params {
  const status = ctx.members.get(`${String(chatId)}:${userId}`) ?? 'member';
  const member: Params = { status, user: { id: userId, is_bot: false, first_name: `Cán bộ ${userId}` } };
  if (status === 'administrator' || status === 'creator') member.is_anonymous = false;
  return member;
}

const getChatMember: Handler = (ctx, params) => {
  if (params.chat_id === undefined || params.user_id === undefined) return bad('chat_id or user_id is empty');
  return ok(memberOf(ctx, params.chat_id, Number(params.user_id)));
};

const getChatAdministrators: Handler = (ctx, params) => {
  const prefix = `${String(params.chat_id)}:`;
  const admins = [...ctx.members.entries()]
    .filter(([key, status]) => key.startsWith(prefix) && (status === 'administrator' || status === 'creator'))
    .map(([key]) => memberOf(ctx, params.chat_id, Number(key.slice(prefix.length))));
  return ok(admins);
};

const getChat: Handler = (ctx, params) => {
  if (params.chat_id === undefined) return bad('chat_id is empty');
  return ok(ctx.world.chatFor(params.chat_id as string | number));
};

const sendChatAction: Handler = (_ctx, params) => {
  if (params.chat_id === undefined) return bad('chat_id is empty');
  return CHAT_ACTIONS.has(String(params.action)) ? ok(true) : bad('wrong parameter action in request');
};

const answerCallbackQuery: Handler = (_ctx, params) => {
  if (!params.callback_query_id) return bad('query is too old and response timeout expired or query ID is invalid');
  return ok(true);
};

const getFile: Handler = (ctx, params) => {
  const fileId = String(params.file_id ?? '');
  const file = ctx.world.files.get(fileId);
  if (!file) return bad('invalid file_id');
  return ok({ file_id: fileId, file_unique_id: `u_${fileId}`, file_size: file.data.length, file_path: file.path });
};

export const METHODS: Record<string, Handler> = {
  getMe: () =>
    ok({ ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
  sendMessage,
  sendPhoto: sendMedia('photo', 10 * MB),
  sendDocument: sendMedia('document', 50 * MB),
  editMessageText,
  editMessageReplyMarkup,
  answerCallbackQuery,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getChatMember,
  getChatAdministrators,
  getChat,
  sendChatAction,
  getFile,
};

export const SEND_METHODS: readonly string[] = ['sendMessage', 'sendPhoto', 'sendDocument'];
export const OUTBOUND_METHODS: readonly string[] = [
  ...SEND_METHODS,
  'editMessageText',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
  'sendChatAction',
];
