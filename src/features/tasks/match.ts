import { lower, tokenize, type Tokens } from './tokens.js';
import type { TaskHit } from '../../db/index.js';

// How a task text matches what was typed: the words as typed (diacritics kept, "tin giả") rank above the same
// letters without diacritics side by side ("tin giá"), which rank above the words found apart.

export const EXACT = 2;
export const PHRASE = 1;
export const APART = 0;

/** The letters of a token as typed, lowercased: "giả," -> "giả". */
const typed = (token: string) => lower(token).replace(/[^\p{L}\p{N}]+/gu, '');

export interface Anchor {
  /** Index of the text's first token of the best match (-1 when no token matches). */
  index: number;
  level: number;
}

/** The best place of the query in a tokenized text. */
export function findAnchor({ plain, exact }: Tokens, query: string, words: readonly string[]): Anchor {
  const asTyped = query.split(/\s+/).map(typed).filter(Boolean);
  // Typed without diacritics ("tin gia"), the words say nothing more than their letters.
  const bare = asTyped.join(' ') === words.join(' ');
  let phrase = -1;
  for (let i = 0; i + words.length <= plain.length; i++) {
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

export interface RankedHit {
  hit: TaskHit;
  tokens: Tokens;
  anchor: Anchor;
}

/** Best matches first, then tasks of the caller's own networks; otherwise the search engine's order. */
export function rankHits(
  hits: TaskHit[],
  query: string,
  words: readonly string[],
  own: ReadonlySet<string>,
): RankedHit[] {
  const scored = hits.map((hit, order) => {
    const tokens = tokenize(hit.text);
    return { ranked: { hit, tokens, anchor: findAnchor(tokens, query, words) }, order, own: own.has(hit.networkId) };
  });
  scored.sort(
    (a, b) => b.ranked.anchor.level - a.ranked.anchor.level || Number(b.own) - Number(a.own) || a.order - b.order,
  );
  return scored.map((s) => s.ranked);
}
