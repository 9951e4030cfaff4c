import type { RankedHit } from './match.js';

const BEFORE = 8;
const AFTER = 24;

/** A window of the original text (diacritics kept) around the best match of the query. */
export function excerptAround({ tokens: { original }, anchor }: RankedHit): string {
  const hit = Math.max(0, anchor.index);
  const start = Math.max(0, hit - BEFORE);
  const end = Math.min(original.length, hit + AFTER);
  return `${start > 0 ? '… ' : ''}${original.slice(start, end).join(' ')}${end < original.length ? ' …' : ''}`;
}
