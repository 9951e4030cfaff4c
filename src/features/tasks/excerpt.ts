import { wordsOf } from '../shared/words.js';

const BEFORE = 8;
const AFTER = 24;

/** A window of the original text (diacritics kept) around the first word the search matched. */
export function excerptAround(text: string, queryWords: readonly string[]): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const wanted = new Set(queryWords);
  const hit = Math.max(
    0,
    tokens.findIndex((t) => wordsOf(t).some((w) => wanted.has(w))),
  );
  const start = Math.max(0, hit - BEFORE);
  const end = Math.min(tokens.length, hit + AFTER);
  return `${start > 0 ? '… ' : ''}${tokens.slice(start, end).join(' ')}${end < tokens.length ? ' …' : ''}`;
}
