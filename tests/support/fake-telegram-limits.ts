// Sliding-window model of Telegram's send limits (per chat, global, per group per minute).

export interface LimitSpec {
  perChatPerSec?: number;
  globalPerSec?: number;
  groupPerMin?: number;
}

/** Timestamps inside one sliding window; `retryAfterMs` says when the next slot frees up. */
class Window {
  private stamps: number[] = [];
  private head = 0;

  constructor(
    private readonly limit: number,
    private readonly spanMs: number,
  ) {}

  retryAfterMs(now: number): number {
    while (this.head < this.stamps.length && (this.stamps[this.head] ?? 0) <= now - this.spanMs) this.head++;
    if (this.head > 1024) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    const inWindow = this.stamps.length - this.head;
    if (inWindow < this.limit) return 0;
    const oldest = this.stamps[this.stamps.length - this.limit] ?? now;
    return Math.max(1, oldest + this.spanMs - now);
  }

  add(now: number): void {
    this.stamps.push(now);
  }
}

export class SendLimiter {
  private global: Window | null;
  private perChat = new Map<string, Window>();
  private perGroup = new Map<string, Window>();

  constructor(private readonly spec: LimitSpec) {
    this.global = spec.globalPerSec ? new Window(spec.globalPerSec, 1000) : null;
  }

  /** Returns 0 and counts the send when allowed, otherwise the retry_after in whole seconds. */
  admit(chatId: string, isGroup: boolean, now: number): number {
    const windows = this.windowsFor(chatId, isGroup);
    const waitMs = Math.max(0, ...windows.map((w) => w.retryAfterMs(now)));
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    for (const w of windows) w.add(now);
    return 0;
  }

  private windowsFor(chatId: string, isGroup: boolean): Window[] {
    const windows: Window[] = [];
    if (this.global) windows.push(this.global);
    const { perChatPerSec, groupPerMin } = this.spec;
    if (perChatPerSec) windows.push(windowIn(this.perChat, chatId, perChatPerSec, 1000));
    if (isGroup && groupPerMin) windows.push(windowIn(this.perGroup, chatId, groupPerMin, 60_000));
    return windows;
  }
}

function windowIn(map: Map<string, Window>, key: string, limit: number, spanMs: number): Window {
  let window = map.get(key);
  if (!window) {
    window = new Window(limit, spanMs);
    map.set(key, window);
  }
  return window;
}
