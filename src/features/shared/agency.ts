import { listNetworks, searchAgencies, type AgencyWithNetwork, type Db, type NetworkSummary } from '../../db/index.js';
import { bestMatches, matchLevel, wordsOf } from './words.js';

export type AgencyLookup =
  { kind: 'none' } | { kind: 'one'; agency: AgencyWithNetwork } | { kind: 'many'; agencies: AgencyWithNetwork[] };

export interface AgencyLookupScope {
  /**
   * Networks to prefer, best first: each entry a network or a set of equally preferred ones (the group's network,
   * then all of the caller's networks: an admin of two networks is asked which one, not given the first).
   */
  prefer: (string | string[])[];
  /** Search only this network. */
  only?: string;
  /** Only agencies the caller may act on (an admin's networks): the others are neither offered nor matched. */
  allowed?: (agency: AgencyWithNetwork) => boolean;
}

export const namesOf = (a: AgencyWithNetwork): string[] =>
  [a.name, a.shortName ?? '', a.slug, ...a.aliases].filter(Boolean);

/**
 * Finds the agency a user means by a typed name ("so tu phap", "STP", "Tư pháp"), preferring the caller's network.
 * A network named at the end ("Sở Tư pháp Vĩnh Phúc") picks that network.
 */
export async function lookupAgency(db: Db, query: string, scope: AgencyLookupScope): Promise<AgencyLookup> {
  let best = await bestAgencies(db, wordsOf(query), scope);
  const named = best.length === 0 && !scope.only ? splitNetwork(query, await listNetworks(db)) : undefined;
  if (named) best = await bestAgencies(db, named.rest, { ...scope, only: named.networkId });
  if (best.length === 0) return { kind: 'none' };
  if (best.length === 1) return { kind: 'one', agency: best[0]! };
  return { kind: 'many', agencies: best };
}

async function bestAgencies(db: Db, words: string[], scope: AgencyLookupScope): Promise<AgencyWithNetwork[]> {
  const rows = (await searchAgencies(db, words, scope.only)).filter((a) => scope.allowed?.(a) ?? true);
  const text = words.join(' ');
  return narrow(
    bestMatches(rows, (a) => matchLevel(text, namesOf(a))),
    scope.prefer,
  );
}

/** The caller's own network wins; otherwise networks still active win over dissolved ones. */
function narrow(found: AgencyWithNetwork[], prefer: (string | string[])[]): AgencyWithNetwork[] {
  for (const tier of prefer) {
    const ids = typeof tier === 'string' ? [tier] : tier;
    const mine = found.filter((a) => ids.includes(a.networkId));
    if (mine.length > 0) return mine;
  }
  const active = found.filter((a) => a.networkActive);
  return active.length > 0 ? active : found;
}

const LEVEL_WORDS = new Set(['tinh', 'huyen', 'xa', 'thanh', 'pho', 'phuong', 'thi', 'tran']);

/**
 * A network named at the end or at the start: "so tu phap tinh vinh phuc", "Sở Tư pháp (Tỉnh Vĩnh Phúc)",
 * "vinh-phuc so-tu-phap" -> network vinh-phuc, rest ["so", "tu", "phap"].
 */
function splitNetwork(query: string, networks: NetworkSummary[]): { networkId: string; rest: string[] } | undefined {
  const words = wordsOf(query);
  for (const network of networks) {
    for (const key of [wordsOf(network.name).filter((w) => !LEVEL_WORDS.has(w)), wordsOf(network.id)]) {
      if (key.length === 0 || key.length >= words.length) continue;
      const rest = stripKey(words, key);
      if (rest) return { networkId: network.id, rest };
    }
  }
  return undefined;
}

function stripKey(words: string[], key: string[]): string[] | undefined {
  const joined = key.join(' ');
  let rest: string[];
  if (words.slice(words.length - key.length).join(' ') === joined) rest = words.slice(0, words.length - key.length);
  else if (words.slice(0, key.length).join(' ') === joined) rest = words.slice(key.length);
  else return undefined;
  while (rest.length > 1 && LEVEL_WORDS.has(rest[rest.length - 1]!)) rest.pop();
  while (rest.length > 1 && LEVEL_WORDS.has(rest[0]!)) rest.shift();
  return rest;
}
