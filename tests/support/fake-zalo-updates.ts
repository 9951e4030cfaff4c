// Zalo Bot Platform update shapes (bare `{ event_name, message }`), as getUpdates and webhooks carry them.

export interface ZaloTestUpdate {
  event_name: string;
  message: Record<string, unknown> & {
    message_id: string;
    from: { id: string; display_name?: string; is_bot: boolean };
    chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' };
    date: number;
  };
}

export class ZaloWorld {
  private seq = 0x5a1000;

  constructor(
    readonly nowMs: () => number,
    readonly botDisplayName: string,
  ) {}

  /** Zalo ids are opaque 20-character hex strings. */
  messageId(): string {
    this.seq += 1;
    return this.seq.toString(16).padStart(20, 'f');
  }
}

function message(
  world: ZaloWorld,
  chatId: string,
  chatType: 'PRIVATE' | 'GROUP',
  userId: string,
  displayName?: string,
) {
  return {
    message_id: world.messageId(),
    from: { id: userId, display_name: displayName ?? `Cán bộ ${userId}`, is_bot: false },
    chat: { id: chatId, chat_type: chatType },
    date: world.nowMs(),
  };
}

export function privateText(world: ZaloWorld, userId: string, text: string, displayName?: string): ZaloTestUpdate {
  return {
    event_name: 'message.text.received',
    message: { ...message(world, userId, 'PRIVATE', userId, displayName), text },
  };
}

/** With `mentioned`, the text starts with "@<bot display name>", as Zalo shows a group mention. */
export function groupText(
  world: ZaloWorld,
  groupId: string,
  userId: string,
  text: string,
  mentioned = false,
): ZaloTestUpdate {
  const body = mentioned ? `@${world.botDisplayName} ${text}` : text;
  return { event_name: 'message.text.received', message: { ...message(world, groupId, 'GROUP', userId), text: body } };
}

export function image(world: ZaloWorld, userId: string, photoUrl: string, caption?: string): ZaloTestUpdate {
  const base = { ...message(world, userId, 'PRIVATE', userId), photo_url: photoUrl };
  return { event_name: 'message.image.received', message: caption === undefined ? base : { ...base, caption } };
}

export function unknownEvent(world: ZaloWorld, eventName = 'message.voice.received', userId = 'u0'): ZaloTestUpdate {
  const base = message(world, userId, 'PRIVATE', userId);
  return { event_name: eventName, message: { ...base, voice_url: 'https://example.invalid/voice.aac' } };
}
