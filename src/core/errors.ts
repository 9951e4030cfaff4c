// Errors named after who failed: the user (bad input), the platform API, the network.

/** Bad input from the user: its message is a friendly Vietnamese reply. */
export class UserError extends Error {
  override name = 'UserError';
}

export class PlatformApiError extends Error {
  override name = 'PlatformApiError';
  constructor(
    readonly platform: string,
    readonly method: string,
    readonly status: number,
    readonly description: string,
    readonly retryAfterSec?: number,
  ) {
    super(`${platform} ${method} failed: ${status} ${description}`);
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export class PlatformNetworkError extends Error {
  override name = 'PlatformNetworkError';
  constructor(readonly platform: string, readonly method: string, reason: string) {
    super(`${platform} ${method} network error: ${reason}`);
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof PlatformNetworkError) return true;
  return error instanceof PlatformApiError && error.retryable;
}
