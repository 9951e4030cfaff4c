// Errors named after who failed: the user (bad input), the platform API, the network, the database.

/** Bad input from the user: its message is a friendly Vietnamese reply. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Our code wrote a conversation state its schema refuses: a bug, never the user's fault nor an upgrade's. */
export class ConversationStateError extends Error {
  override name = 'ConversationStateError';
  readonly kind: string;
  readonly issues: unknown;
  constructor(kind: string, issues: unknown) {
    super(`Conversation ${kind}: the state written does not match its schema`);
    this.kind = kind;
    this.issues = issues;
  }
}

export class PlatformApiError extends Error {
  override name = 'PlatformApiError';
  readonly platform: string;
  readonly method: string;
  readonly status: number;
  readonly description: string;
  readonly retryAfterSec?: number | undefined;
  constructor(platform: string, method: string, status: number, description: string, retryAfterSec?: number) {
    super(`${platform} ${method} failed: ${status} ${description}`);
    this.platform = platform;
    this.method = method;
    this.status = status;
    this.description = description;
    this.retryAfterSec = retryAfterSec;
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export class PlatformNetworkError extends Error {
  override name = 'PlatformNetworkError';
  readonly platform: string;
  readonly method: string;
  constructor(platform: string, method: string, reason: string) {
    super(`${platform} ${method} network error: ${reason}`);
    this.platform = platform;
    this.method = method;
  }
}

/**
 * The bot was started in polling mode while the platform delivers to a webhook (other instances' route):
 * deleting it would take their updates away, so this instance refuses to start instead.
 */
export class WebhookConflictError extends Error {
  override name = 'WebhookConflictError';
  readonly platform: 'telegram' | 'zalo';
  readonly url: string;
  constructor(platform: 'telegram' | 'zalo', url: string) {
    super(`${platform} has a webhook set (${url}): refusing to start in polling mode, which would delete it`);
    this.platform = platform;
    this.url = url;
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof PlatformNetworkError) return true;
  return error instanceof PlatformApiError && error.retryable;
}

const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)/;

/**
 * The database could not take the write: locked by another process past the busy timeout, or out of space
 * (disk full, or its size limit). Looks through wrappers (drizzle keeps the driver's error as the cause).
 */
export function databaseFault(error: unknown): 'busy' | 'full' | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (BUSY_CODES.test(code)) return 'busy';
    if (code === 'SQLITE_FULL') return 'full';
  }
  return undefined;
}
