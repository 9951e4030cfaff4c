import { findAnchor } from './match.js';

const BEFORE = 8;
const AFTER = 24;

/** A window of the original text (diacritics kept) around the best match of the query. */
export function excerptAround(text: string, query: string, queryWords: readonly string[]): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const hit = Math.max(0, findAnchor(tokens, query, queryWords).index);
  const start = Math.max(0, hit - BEFORE);
  const end = Math.min(tokens.length, hit + AFTER);
  return `${start > 0 ? '… ' : ''}${tokens.slice(start, end).join(' ')}${end < tokens.length ? ' …' : ''}`;
}
