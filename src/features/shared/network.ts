import type { NetworkSummary } from '../../db/index.js';
import { bestMatches, matchLevel } from './words.js';

/** Finds networks by id or name, diacritics-insensitively ("vinh phuc", "Tỉnh Vĩnh Phúc", "vinh-phuc"). */
export function matchNetworks(query: string, networks: readonly NetworkSummary[]): NetworkSummary[] {
  const found = bestMatches(networks, (n) => matchLevel(query, [n.id, n.name]));
  const active = found.filter((n) => n.active);
  return active.length > 0 ? active : found;
}
