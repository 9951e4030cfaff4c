// Floods are shed, not queued: past the limit a person's messages are dropped, with one notice per flood window.

export interface FloodGuardOptions {
  /** Messages one person may send within a window before the rest are dropped. */
  limit: number;
  windowMs: number;
  /** People remembered at most; past it the least recently seen are forgotten, one at a time. */
  maxKeys: number;
}

/**
 * The limit is FLOOD_LIMIT (default 20) per 10 s: a person tapping through a report's buttons (about one a
 * second), or forwarding an album of 10 photos (10 updates at once) with a few words, stays under it; a script
 * or a stuck key does not. 10,000 people at two numbers each is well under 1 MB.
 */
export const FLOOD_WINDOW = { windowMs: 10_000, maxKeys: 10_000 };

export type FloodVerdict = 'ok' | 'notice' | 'drop';

interface Window {
  start: number;
  count: number;
}

export function createFloodGuard(options: FloodGuardOptions) {
  // A Map keeps insertion order: re-inserting on every hit keeps the least recently seen first, for eviction.
  const windows = new Map<string, Window>();
  return {
    hit(key: string, now: number): FloodVerdict {
      const previous = windows.get(key);
      const current = previous && now - previous.start < options.windowMs ? previous : { start: now, count: 0 };
      current.count += 1;
      windows.delete(key);
      windows.set(key, current);
      while (windows.size > options.maxKeys) windows.delete(windows.keys().next().value!);
      if (current.count <= options.limit) return 'ok';
      return current.count === options.limit + 1 ? 'notice' : 'drop';
    },
    get size() {
      return windows.size;
    },
  };
}
