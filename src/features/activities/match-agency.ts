import { normalize } from '../../kernel/text.js';

// Finds the agency a leader names in free text ("sở tư pháp tháng 11"), among the agencies they may see.

export interface NamedAgency {
  id: number;
  networkId: string;
  slug: string;
  name: string;
  shortName: string | null;
  aliases: string[];
}

const bounded = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

function phrasesOf(agency: NamedAgency): string[] {
  return [agency.name, agency.shortName ?? '', ...agency.aliases, agency.slug.replace(/-/g, ' ')]
    .map(normalize)
    .filter(Boolean);
}

/** Agencies whose full name, short name, alias or id appears in the text (longest wins), and the text without it. */
export function findNamedAgencies<A extends NamedAgency>(
  text: string,
  agencies: readonly A[],
): { found: A[]; rest: string } {
  let best = { length: 0, phrase: '' };
  const found: A[] = [];
  for (const agency of agencies) {
    const phrase = phrasesOf(agency)
      .filter((p) => bounded(p).test(text))
      .sort((a, b) => b.length - a.length)[0];
    if (!phrase || phrase.length < best.length) continue;
    if (phrase.length > best.length) found.length = 0;
    best = { length: phrase.length, phrase };
    found.push(agency);
  }
  if (found.length === 0) return { found, rest: text };
  return { found, rest: text.replace(bounded(best.phrase), ' ').replace(/\s+/g, ' ').trim() };
}

/** Agencies whose names contain every word of the text ("tu phap" → Sở Tư pháp). */
export function agenciesContaining<A extends NamedAgency>(text: string, agencies: readonly A[]): A[] {
  const words = text.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return agencies.filter((a) => {
    const phrases = phrasesOf(a);
    return words.every((w) => phrases.some((p) => bounded(w).test(p)));
  });
}
