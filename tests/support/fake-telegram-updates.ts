// Realistic Telegram update shapes for tests, plus the fake's shared world state (ids, chats, messages).

export const BOT_USER = {
  id: 4242,
  is_bot: true,
  first_name: 'Đầu Mối Test',
  username: 'daumoi_test_bot',
} as const;

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface TgEntity {
  type: 'bot_command' | 'mention';
  offset: number;
  length: number;
}

export type TgMessage = Record<string, unknown> & { message_id: number; chat: TgChat; date: number };
export type TgUpdate = Record<string, unknown> & { update_id?: number };

export interface UserOpts {
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** Unix seconds; defaults to now. */
  date?: number;
}

export interface TextOpts extends UserOpts {
  /** Makes the message a reply to this bot message id. */
  replyToBot?: number;
  /** Group title (groupText only). */
  title?: string;
}

export interface FileOpts extends UserOpts {
  caption?: string;
  /** Send the file into this chat instead of the sender's private chat. */
  chatId?: number;
  fileSize?: number;
  mimeType?: string;
  /** The file's bytes, served by getFile (a real spreadsheet or document to read). */
  data?: Buffer;
}

export class TelegramWorld {
  private nextUpdateId = 1;
  private nextMessageId = 100;
  readonly chats = new Map<string, TgChat>();
  readonly botMessages = new Map<string, { text: string; markup: string }>();
  readonly lastBotMessage = new Map<string, number>();
  readonly files = new Map<string, { data: Buffer; path: string }>();

  constructor(readonly nowMs: () => number) {}

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  updateId(): number {
    return this.nextUpdateId++;
  }

  /** Keeps update ids unique when a test supplies its own. */
  noteUpdateId(id: number): void {
    if (id >= this.nextUpdateId) this.nextUpdateId = id + 1;
  }

  messageId(): number {
    return this.nextMessageId++;
  }

  chatFor(chatId: string | number): TgChat {
    const known = this.chats.get(String(chatId));
    if (known) return known;
    const id = Number(chatId);
    return id < 0
      ? { id, type: 'supergroup', title: `Nhóm ${id}` }
      : { id, type: 'private', first_name: `Cán bộ ${id}` };
  }

  registerFile(fileId: string, data: Buffer, path: string): void {
    if (!this.files.has(fileId)) this.files.set(fileId, { data, path });
  }
}

export function userOf(userId: number, opts: UserOpts = {}): TgUser {
  const user: TgUser = {
    id: userId,
    is_bot: false,
    first_name: opts.firstName ?? `Cán bộ ${userId}`,
    username: opts.username ?? `canbo${userId}`,
    language_code: opts.languageCode ?? 'vi',
  };
  if (opts.lastName) user.last_name = opts.lastName;
  return user;
}

function privateChatOf(world: TelegramWorld, user: TgUser): TgChat {
  const chat: TgChat = { id: user.id, type: 'private', first_name: user.first_name };
  if (user.username) chat.username = user.username;
  world.chats.set(String(user.id), chat);
  return chat;
}

function groupChatOf(world: TelegramWorld, chatId: number, title?: string): TgChat {
  const known = world.chats.get(String(chatId));
  const chat: TgChat = { id: chatId, type: 'supergroup', title: title ?? known?.title ?? `Nhóm ${chatId}` };
  world.chats.set(String(chatId), chat);
  return chat;
}

/** bot_command and mention entities; JS string offsets are already UTF-16 code units, as Telegram counts. */
export function entitiesOf(text: string): TgEntity[] {
  const entities: TgEntity[] = [];
  const pattern = /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{5,32})(?![A-Za-z0-9_])/g;
  for (const match of text.matchAll(pattern)) {
    const token = match[2] ?? '';
    const type = token.startsWith('/') ? 'bot_command' : 'mention';
    entities.push({ type, offset: match.index + (match[1] ?? '').length, length: token.length });
  }
  return entities;
}

function botMessageRef(world: TelegramWorld, chat: TgChat, messageId: number): TgMessage {
  const stored = world.botMessages.get(`${chat.id}:${messageId}`);
  return { message_id: messageId, from: { ...BOT_USER }, chat, date: world.nowSec(), text: stored?.text ?? '' };
}

function textMessage(world: TelegramWorld, chat: TgChat, from: TgUser, text: string, opts: TextOpts): TgMessage {
  const message: TgMessage = { message_id: world.messageId(), from, chat, date: opts.date ?? world.nowSec(), text };
  const entities = entitiesOf(text);
  if (entities.length > 0) message.entities = entities;
  if (opts.replyToBot !== undefined) message.reply_to_message = botMessageRef(world, chat, opts.replyToBot);
  return message;
}

export function privateText(world: TelegramWorld, userId: number, text: string, opts: TextOpts = {}): TgUpdate {
  const from = userOf(userId, opts);
  const chat = privateChatOf(world, from);
  return { update_id: world.updateId(), message: textMessage(world, chat, from, text, opts) };
}

export function groupText(
  world: TelegramWorld,
  chatId: number,
  userId: number,
  text: string,
  opts: TextOpts = {},
): TgUpdate {
  const chat = groupChatOf(world, chatId, opts.title);
  return { update_id: world.updateId(), message: textMessage(world, chat, userOf(userId, opts), text, opts) };
}

export function callback(
  world: TelegramWorld,
  userId: number,
  chatId: number,
  data: string,
  messageId?: number,
): TgUpdate {
  const chat = world.chatFor(chatId);
  const targetId = messageId ?? world.lastBotMessage.get(String(chatId)) ?? 1;
  const updateId = world.updateId();
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: userOf(userId),
      chat_instance: `ci${chatId}`,
      message: botMessageRef(world, chat, targetId),
      data,
    },
  };
}

function fileMessage(world: TelegramWorld, userId: number, opts: FileOpts): TgMessage {
  const from = userOf(userId, opts);
  const chat = opts.chatId !== undefined ? world.chatFor(opts.chatId) : privateChatOf(world, from);
  const message: TgMessage = { message_id: world.messageId(), from, chat, date: opts.date ?? world.nowSec() };
  if (opts.caption !== undefined) {
    message.caption = opts.caption;
    const entities = entitiesOf(opts.caption);
    if (entities.length > 0) message.caption_entities = entities;
  }
  return message;
}

/** The largest size carries `fileId` itself, as bots usually take the last PhotoSize. */
export function photo(world: TelegramWorld, userId: number, fileId: string, opts: FileOpts = {}): TgUpdate {
  const data = Buffer.from(`fake photo ${fileId}`);
  world.registerFile(fileId, data, `photos/${fileId}.jpg`);
  const size = opts.fileSize ?? data.length;
  const message = fileMessage(world, userId, opts);
  message.photo = [
    {
      file_id: `${fileId}_thumb`,
      file_unique_id: `u_${fileId}_t`,
      width: 90,
      height: 67,
      file_size: Math.min(size, 1200),
    },
    { file_id: fileId, file_unique_id: `u_${fileId}`, width: 1280, height: 960, file_size: size },
  ];
  return { update_id: world.updateId(), message };
}

export function document(
  world: TelegramWorld,
  userId: number,
  fileId: string,
  fileName: string,
  opts: FileOpts = {},
): TgUpdate {
  const data = opts.data ?? Buffer.from(`fake document ${fileId}`);
  world.registerFile(fileId, data, `documents/${fileName}`);
  const message = fileMessage(world, userId, opts);
  message.document = {
    file_id: fileId,
    file_unique_id: `u_${fileId}`,
    file_name: fileName,
    mime_type: opts.mimeType ?? mimeOf(fileName),
    file_size: opts.fileSize ?? data.length,
  };
  return { update_id: world.updateId(), message };
}

function mimeOf(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    jpg: 'image/jpeg',
    png: 'image/png',
  };
  return types[ext] ?? 'application/octet-stream';
}

/** The bot's own status in a group changed (`from` -> `to`: left, member, administrator, kicked), by `userId`. */
export function myChatMember(
  world: TelegramWorld,
  chatId: number,
  userId: number,
  change: { from: string; to: string; title?: string },
): TgUpdate {
  const chat = groupChatOf(world, chatId, change.title);
  const bot = { ...BOT_USER };
  return {
    update_id: world.updateId(),
    my_chat_member: {
      chat,
      from: userOf(userId),
      date: world.nowSec(),
      old_chat_member: { status: change.from, user: bot },
      new_chat_member: { status: change.to, user: bot },
    },
  };
}
