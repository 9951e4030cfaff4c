// Platform-neutral shapes of what comes in and what goes out. Adapters map to and from these.

export type Platform = 'telegram' | 'zalo' | 'console';
export type ChatType = 'private' | 'group';

export interface AttachmentRef {
  kind: 'photo' | 'document';
  fileId: string;
  name?: string;
  /** Bytes, when the platform says (Telegram does), so an oversized file is refused before downloading it. */
  size?: number;
}

export interface Incoming {
  platform: Platform;
  chat: { id: string; type: ChatType; title?: string };
  sender: { id: string; name: string; username?: string };
  text: string;
  /** Parsed from text: name without slash or @bot, lowercased; args trimmed. */
  command?: { name: string; args: string };
  /** Id of a choice the user picked (button press, or a number/label the router matched to the last menu). */
  choice?: string;
  attachments: AttachmentRef[];
  /** The author of the message this one replies to (e.g. to name a person for /capquyen). */
  replyTo?: { id: string; name: string; username?: string };
  /** In a group: the message addresses the bot (command, mention, reply to the bot). Always true in private. */
  addressed: boolean;
  date: Date;
  /** Not a message: the bot was added to or removed from this chat (by `sender`). */
  membership?: MembershipEvent;
}

/** What happened to the bot's own membership of a group chat. */
export interface MembershipEvent {
  kind: 'bot-added' | 'bot-removed';
}

export interface Choice {
  /** Short id (<= 60 bytes). A choice whose id starts with "/" runs that command when picked. */
  id: string;
  label: string;
}

export interface ReplyFile {
  kind: 'photo' | 'document';
  fileName: string;
  data: Buffer;
  caption?: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  file?: ReplyFile;
}

export function textReply(text: string, choices?: Choice[]): Reply {
  return choices && choices.length > 0 ? { text, choices } : { text };
}
