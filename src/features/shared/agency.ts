import { listNetworks, searchAgencies, type AgencyWithNetwork, type Db, type NetworkSummary } from '../../db/index.js';
import { bestMatches, matchLevel, wordsOf } from './words.js';

export type AgencyLookup =
  { kind: 'none' } | { kind: 'one'; agency: AgencyWithNetwork } | { kind: 'many'; agencies: AgencyWithNetwork[] };

export interface AgencyLookupScope {
  /** Networks to prefer, best first (the group's network, the caller's networks). */
  prefer: string[];
  /** Search only this network. */
  only?: string;
}

export const namesOf = (a: AgencyWithNetwork): string[] =>
  [a.name, a.shortName ?? '', a.slug, ...a.aliases].filter(Boolean);

/**
 * Finds the agency a user means by a typed name ("so tu phap", "STP", "Tư pháp"), preferring the caller's network.
 * A network named at the end ("Sở Tư pháp Vĩnh Phúc") picks that network.
 */
export async function lookupAgency(db: Db, query: string, scope: AgencyLookupScope): Promise<AgencyLookup> {
  let best = await bestAgencies(db, wordsOf(query), scope.only, scope.prefer);
  const named = best.length === 0 && !scope.only ? splitNetwork(query, await listNetworks(db)) : undefined;
  if (named) best = await bestAgencies(db, named.rest, named.networkId, scope.prefer);
  if (best.length === 0) return { kind: 'none' };
  if (best.length === 1) return { kind: 'one', agency: best[0]! };
  return { kind: 'many', agencies: best };
}

async function bestAgencies(
  db: Db,
  words: string[],
  networkId: string | undefined,
  prefer: string[],
): Promise<AgencyWithNetwork[]> {
  const rows = await searchAgencies(db, words, networkId);
  const text = words.join(' ');
  return narrow(
    bestMatches(rows, (a) => matchLevel(text, namesOf(a))),
    prefer,
  );
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

const LEVEL_WORDS = new Set(['tinh', 'huyen', 'xa', 'thanh', 'pho', 'phuong', 'thi', 'tran']);

/** "so tu phap tinh vinh phuc" -> network vinh-phuc, rest ["so", "tu", "phap"]. */
function splitNetwork(query: string, networks: NetworkSummary[]): { networkId: string; rest: string[] } | undefined {
  const words = wordsOf(query);
  for (const network of networks) {
    const key = wordsOf(network.name).filter((w) => !LEVEL_WORDS.has(w));
    if (key.length === 0 || key.length >= words.length) continue;
    const tail = words.slice(words.length - key.length);
    if (tail.join(' ') !== key.join(' ')) continue;
    const rest = words.slice(0, words.length - key.length);
    while (rest.length > 1 && LEVEL_WORDS.has(rest[rest.length - 1]!)) rest.pop();
    return { networkId: network.id, rest };
  }
  return undefined;
}
