import { normalize } from '../../kernel/text.js';

/** Diacritics-free lowercase words of a text: "Sở TT&TT" -> ["so", "tt", "tt"]. */
export function wordsOf(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * How well a typed query names something known by several names:
 * 3 a name is exactly the query, 2 a name has every query word, 1 every query word starts a word of a name, 0 no match.
 */
export function matchLevel(query: string, names: readonly string[]): number {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return 0;
  let best = 0;
  for (const name of names) {
    const have = wordsOf(name);
    if (have.join(' ') === wanted.join(' ')) return 3;
    if (wanted.every((w) => have.includes(w))) best = Math.max(best, 2);
    else if (wanted.every((w) => have.some((h) => h.startsWith(w)))) best = Math.max(best, 1);
  }
  return best;
}

/** Keeps the items with the best positive level. */
export function bestMatches<T>(items: readonly T[], levelOf: (item: T) => number): T[] {
  const scored = items.map((item) => ({ item, level: levelOf(item) })).filter((s) => s.level > 0);
  const top = Math.max(0, ...scored.map((s) => s.level));
  return scored.filter((s) => s.level === top).map((s) => s.item);
}
