import type { ActivityType } from '../../kernel/plan.js';
import { normalize } from '../../kernel/text.js';

// Finds activity types by their keywords in diacritics-free text, at word boundaries.

export interface TypeMatch {
  type: ActivityType;
  /** Position and length of the keyword in the normalized text. */
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keywordPattern(keyword: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(keyword)}(?![\\p{L}\\p{N}])`, 'u');
}

/** One match per type (its earliest keyword), earliest first; at the same spot the longer keyword. */
export function findTypeMatches(normalized: string, types: readonly ActivityType[]): TypeMatch[] {
  const matches: TypeMatch[] = [];
  for (const type of types) {
    const best = type.keywords
      .map((keyword) => ({ keyword, found: keywordPattern(keyword).exec(normalized) }))
      .filter((hit) => hit.found)
      .map((hit) => ({ type, start: hit.found!.index, end: hit.found!.index + hit.keyword.length }))
      .sort(byPosition)[0];
    if (best) matches.push(best);
  }
  return matches.sort(byPosition);
}

const byPosition = (a: TypeMatch, b: TypeMatch) => a.start - b.start || b.end - a.end;

/** The type named first in the text: officers lead with what they did ("họp báo về dự thảo ..."). */
export function detectType(text: string, types: readonly ActivityType[]): TypeMatch | undefined {
  return findTypeMatches(normalize(text), types)[0];
}

/** A type given by its id or its full name (any case, with or without diacritics). */
export function findTypeByName(input: string, types: readonly ActivityType[]): ActivityType | undefined {
  const wanted = normalize(input);
  if (!wanted) return undefined;
  return types.find((t) => t.id === input.trim() || normalize(t.name) === wanted);
}

export function typeName(typeId: string, types: readonly ActivityType[]): string {
  return types.find((t) => t.id === typeId)?.name ?? typeId;
}
