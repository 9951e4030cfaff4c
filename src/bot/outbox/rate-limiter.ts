// Sliding-window limits for outgoing messages (Telegram: ~30/s overall, ~1/s per chat, 20/min per group).

export interface RateLimits {
  globalPerSec: number;
  perChatIntervalMs: number;
  groupPerMinute: number;
}

/** A little over a second, so network jitter never packs 31 messages into the server's one-second window. */
export const RATE_WINDOW_MS = 1050;
const WINDOW_MS = RATE_WINDOW_MS;

export const telegramLimits: RateLimits = { globalPerSec: 30, perChatIntervalMs: 1000, groupPerMinute: 20 };

export function createRateLimiter(limits: RateLimits) {
  const recent: number[] = [];
  const lastByChat = new Map<string, number>();
  const groupSends = new Map<string, number[]>();
  let pausedUntil = 0;

  function prune(now: number): void {
    while (recent.length > 0 && recent[0]! <= now - WINDOW_MS) recent.shift();
  }

  return {
    /** Milliseconds to wait before this chat may receive a message (0 = now). */
    delay(chatId: string, isGroup: boolean, now: number): number {
      prune(now);
      let wait = Math.max(0, pausedUntil - now);
      if (recent.length >= limits.globalPerSec) wait = Math.max(wait, recent[0]! + WINDOW_MS - now);
      const last = lastByChat.get(chatId);
      if (last !== undefined) wait = Math.max(wait, last + limits.perChatIntervalMs - now);
      if (isGroup) {
        const sends = (groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
        groupSends.set(chatId, sends);
        if (sends.length >= limits.groupPerMinute) wait = Math.max(wait, sends[0]! + 60_000 - now);
      }
      return wait;
    },
    /** The part of any wait that comes from the overall limit or a pause (worth sleeping through). */
    globalDelay(now: number): number {
      prune(now);
      const full = recent.length >= limits.globalPerSec ? recent[0]! + WINDOW_MS - now : 0;
      return Math.max(0, pausedUntil - now, full);
    },
    record(chatId: string, isGroup: boolean, now: number): void {
      recent.push(now);
      lastByChat.set(chatId, now);
      if (isGroup) groupSends.set(chatId, [...(groupSends.get(chatId) ?? []), now]);
      if (lastByChat.size > 50_000) forgetOld(lastByChat, now - limits.perChatIntervalMs);
    },
    /** The platform said "too many requests": hold every send until then. */
    pause(until: number): void {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}

function forgetOld(map: Map<string, number>, before: number): void {
  for (const [key, at] of map) if (at < before) map.delete(key);
}
