// Long polling for Zalo: getUpdates has no offset, so every update is handed on and deduplicated downstream.
import type { Logger } from '../../logger.js';
import type { ZaloClient } from './client.js';

export interface ZaloPollOptions {
  client: ZaloClient;
  timeoutSec: number;
  signal: AbortSignal;
  log: Logger;
  onUpdates(updates: unknown[]): Promise<void>;
  maxBackoffMs?: number;
}

/** Polls until the signal aborts; failures back off exponentially (the client already retried). */
export async function pollZalo(options: ZaloPollOptions): Promise<void> {
  const { client, signal, log } = options;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const updates = await client.getUpdates(options.timeoutSec, signal);
      failures = 0;
      await options.onUpdates(updates);
    } catch (error) {
      if (signal.aborted) break;
      failures++;
      log.warn({ err: error, failures }, 'zalo getUpdates failed');
      await pause(Math.min(options.maxBackoffMs ?? 30_000, 500 * 2 ** failures), signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
