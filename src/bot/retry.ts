import { PlatformApiError, isRetryable } from './errors.js';

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delay before the next try: the platform's retry_after when it gave one, else exponential backoff with jitter. */
export function retryDelayMs(error: unknown, attempt: number, base: number, max: number): number {
  if (error instanceof PlatformApiError && error.retryAfterSec !== undefined) return error.retryAfterSec * 1000;
  const backoff = Math.min(max, base * 2 ** attempt);
  return Math.round(backoff / 2 + Math.random() * (backoff / 2));
}

/** Retries platform calls that failed with 429, 5xx or a network error. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= options.attempts) throw error;
      await wait(Math.min(retryDelayMs(error, attempt, options.baseDelayMs, options.maxDelayMs), options.maxDelayMs));
    }
  }
}
