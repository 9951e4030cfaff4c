import { wordsOf } from '../shared/words.js';
import type { TaskHit } from '../../db/index.js';

// How a task text matches what was typed: the words as typed (diacritics kept, "tin giả") rank above the same
// letters without diacritics side by side ("tin giá"), which rank above the words found apart.

export const EXACT = 2;
export const PHRASE = 1;
export const APART = 0;

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
/** The letters of a token as typed, lowercased: "giả," -> "giả". */
const typed = (token: string) => lower(token).replace(/[^\p{L}\p{N}]+/gu, '');

export interface Anchor {
  /** Index of the text's first token of the best match (-1 when no token matches). */
  index: number;
  level: number;
}

/** The best place of the query in a text split on whitespace. */
export function findAnchor(tokens: readonly string[], query: string, words: readonly string[]): Anchor {
  const asTyped = query.split(/\s+/).map(typed).filter(Boolean);
  // Typed without diacritics ("tin gia"), the words say nothing more than their letters.
  const bare = asTyped.join(' ') === words.join(' ');
  const plain = tokens.map((t) => wordsOf(t).join(' '));
  const exact = tokens.map(typed);
  let phrase = -1;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (!words.every((w, k) => plain[i + k] === w)) continue;
    if (bare || (asTyped.length === words.length && asTyped.every((w, k) => exact[i + k] === w))) {
      return { index: i, level: EXACT };
    }
    if (phrase < 0) phrase = i;
  }
  if (phrase >= 0) return { index: phrase, level: PHRASE };
  const wanted = new Set(words);
  return { index: plain.findIndex((p) => p.split(' ').some((w) => wanted.has(w))), level: APART };
}

/** Best matches first, then tasks of the caller's own networks; otherwise the search engine's order. */
export function rankHits(
  hits: TaskHit[],
  query: string,
  words: readonly string[],
  own: ReadonlySet<string>,
): TaskHit[] {
  const scored = hits.map((hit, order) => ({
    hit,
    order,
    level: findAnchor(hit.text.split(/\s+/).filter(Boolean), query, words).level,
    own: own.has(hit.networkId) ? 1 : 0,
  }));
  scored.sort((a, b) => b.level - a.level || b.own - a.own || a.order - b.order);
  return scored.map((s) => s.hit);
}
