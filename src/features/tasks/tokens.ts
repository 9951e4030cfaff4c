import { foldDiacritics } from '../../kernel/text.js';

/** A text split on whitespace, each token also in the two forms a query is compared with. */
export interface Tokens {
  readonly original: readonly string[];
  /** Its words without diacritics, joined by a space: "TT&TT," -> "tt tt". */
  readonly plain: readonly string[];
  /** Its letters as typed, lowercased: "giả," -> "giả". */
  readonly exact: readonly string[];
}

export const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

// Task texts change only with their plan, and a search meets the same ones again and again: their tokens are
// kept (a few hundred texts, a few KB each) instead of being made anew for every hit of every search.
const MEMO_LIMIT = 500;
const memo = new Map<string, Tokens>();

export function tokenize(text: string): Tokens {
  let tokens = memo.get(text);
  if (!tokens) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, (tokens = tokenizeOnce(text)));
  }
  return tokens;
}

/**
 * Both forms are made once for the whole text, then cut at the newlines that joined its tokens: no step changes,
 * moves or merges anything across a newline, so each part is its token's form, at a fraction of the cost of a
 * pass per token.
 */
function tokenizeOnce(text: string): Tokens {
  const original = text.split(/\s+/).filter(Boolean);
  if (original.length === 0) return { original, plain: [], exact: [] };
  const joined = original.join('\n');
  const plain = foldDiacritics(joined)
    .replace(/[^\p{L}\p{N}\n]+/gu, ' ')
    .split('\n')
    .map((t) => t.trim());
  const exact = lower(joined)
    .replace(/[^\p{L}\p{N}\n]+/gu, '')
    .split('\n');
  return { original, plain, exact };
}
