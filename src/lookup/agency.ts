import { searchAgencies, type AgencyWithNetwork, type Db } from '../../db/index.js';
import { bestMatches, matchLevel, wordsOf } from './words.js';

export type AgencyLookup =
  | { kind: 'none' }
  | { kind: 'one'; agency: AgencyWithNetwork }
  | { kind: 'many'; agencies: AgencyWithNetwork[] };

export interface AgencyLookupScope {
  /** Networks to prefer, best first (the group's network, the caller's networks). */
  prefer: string[];
  /** Search only this network. */
  only?: string;
}

export const namesOf = (a: AgencyWithNetwork): string[] => [a.name, a.shortName ?? '', a.slug, ...a.aliases].filter(Boolean);

/** Finds the agency a user means by a typed name ("so tu phap", "STP", "Tư pháp"), preferring the caller's network. */
export async function lookupAgency(db: Db, query: string, scope: AgencyLookupScope): Promise<AgencyLookup> {
  const words = wordsOf(query);
  const rows = await searchAgencies(db, words, scope.only);
  const best = narrow(bestMatches(rows, (a) => matchLevel(query, namesOf(a))), scope.prefer);
  if (best.length === 0) return { kind: 'none' };
  if (best.length === 1) return { kind: 'one', agency: best[0]! };
  return { kind: 'many', agencies: best };
}

/** The caller's own network wins; otherwise networks still active win over dissolved ones. */
function narrow(found: AgencyWithNetwork[], prefer: string[]): AgencyWithNetwork[] {
  for (const networkId of prefer) {
    const mine = found.filter((a) => a.networkId === networkId);
    if (mine.length > 0) return mine;
  }
  const active = found.filter((a) => a.networkActive);
  return active.length > 0 ? active : found;
}
