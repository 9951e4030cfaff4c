import { findAgencyById, listAgencies, listNetworks, type AgencyRow } from '../../db/index.js';
import { isAnyAdmin, isLeader, ledNetworks, officerOf } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Choice } from '../../kernel/message.js';
import { activityText as m } from '../../messages/index.js';
import { normalize } from '../../kernel/text.js';
import { agenciesContaining, findNamedAgencies } from './match-agency.js';
import { officerRefusal, requireOfficer } from '../shared/officer.js';

// Whose activity log /nhatky shows: the officer's own agency, or one a leader or admin names.

export type Scope = { kind: 'agency'; agency: AgencyRow; rest: string } | { kind: 'ambiguous'; choices: Choice[] };

/** Agencies the actor could name: every agency for admins of all networks, else their networks'. */
async function visibleAgencies(ctx: Ctx): Promise<AgencyRow[]> {
  const db = ctx.services.db;
  const networks = new Set(ledNetworks(ctx.actor));
  if (networks.has('*') || ctx.actor.configAdmin) return listAgencies(db);
  const own = officerOf(ctx.actor)?.networkId;
  if (own) networks.add(own);
  const lists = await Promise.all([...networks].map((id) => listAgencies(db, id)));
  return lists.flat();
}

export interface ScopeRequest {
  rest: string;
  agencyId?: number;
  /** The rest without a type name ("họp báo"), to tell agency words from filter words. */
  withoutType(rest: string): string;
  /** The page command for an agency, offered when a name fits several. */
  pageArgs(agencyId: number): string;
}

export async function resolveScope(ctx: Ctx, request: ScopeRequest): Promise<Scope> {
  const { rest } = request;
  // Someone who sees no agency at all is told how to register, not that the agency's name was not understood.
  if (!officerOf(ctx.actor) && !isAnyAdmin(ctx.actor) && ledNetworks(ctx.actor).length === 0) requireOfficer(ctx.actor);
  if (request.agencyId !== undefined) {
    return {
      kind: 'agency',
      agency: await allowed(ctx, await findAgencyById(ctx.services.db, request.agencyId)),
      rest,
    };
  }
  const agencies = rest ? await visibleAgencies(ctx) : [];
  const named = findNamedAgencies(rest, agencies);
  if (named.found.length > 0) return pick(ctx, named.found, named.rest, request.pageArgs);
  const leftover = request.withoutType(rest);
  if (!leftover) return { kind: 'agency', agency: await ownAgency(ctx), rest };
  // Last resort for a partial name like "tư pháp": an agency whose names hold every word.
  const byWords = agenciesContaining(leftover, agencies);
  if (byWords.length === 0) throw new UserError(m.listNotUnderstood(leftover));
  const typePart = leftover
    .split(' ')
    .reduce((text, word) => text.replace(new RegExp(`(^| )${word}( |$)`), ' '), rest)
    .trim();
  return pick(ctx, byWords, typePart, request.pageArgs);
}

async function pick(ctx: Ctx, found: AgencyRow[], rest: string, pageArgs: (id: number) => string): Promise<Scope> {
  const networks = await listNetworks(ctx.services.db);
  // "/nhatky so tu phap vinh phuc": the network named next to the agency settles which one.
  const named = found.length > 1 ? networkNamedIn(rest, networks) : undefined;
  const inNamed = named ? found.filter((a) => a.networkId === named.networkId) : [];
  if (inNamed.length === 1) return { kind: 'agency', agency: await allowed(ctx, inNamed[0]), rest: named!.rest };
  const ownNetwork = officerOf(ctx.actor)?.networkId;
  const preferred = found.length > 1 ? found.filter((a) => a.networkId === ownNetwork) : found;
  if (preferred.length === 1) return { kind: 'agency', agency: await allowed(ctx, preferred[0]), rest };
  const networkNames = new Map(networks.map((n) => [n.id, n.name]));
  const choices = found
    .slice(0, 10)
    .map((a) => ({ id: pageArgs(a.id), label: `${a.name} (${networkNames.get(a.networkId) ?? a.networkId})` }));
  return { kind: 'ambiguous', choices };
}

async function ownAgency(ctx: Ctx): Promise<AgencyRow> {
  const own = officerOf(ctx.actor);
  if (!own && (isAnyAdmin(ctx.actor) || ledNetworks(ctx.actor).length > 0)) throw new UserError(m.listWhichAgency);
  const officer = requireOfficer(ctx.actor);
  return allowed(ctx, await findAgencyById(ctx.services.db, officer.agencyId));
}

/** The actor's own agency, or any agency of a network they lead or administer. */
async function allowed(ctx: Ctx, agency: AgencyRow | undefined): Promise<AgencyRow> {
  if (!agency) throw new UserError(m.listWhichAgency);
  const mine = ctx.actor.memberships.some((ms) => ms.status === 'active' && ms.agencyId === agency.id);
  if (mine || isLeader(ctx.actor, agency.networkId)) return agency;
  const own = officerOf(ctx.actor);
  throw new UserError(own ? m.listOnlyOwn(own.agencyName) : officerRefusal(ctx.actor));
}

const LEVEL = '(?:(?:tinh|huyen|xa|thanh pho|phuong|thi tran|thi xa)\\s+)?';

/** A network named in the text ("vinh phuc", "tỉnh Vĩnh Phúc", "vinh-phuc") and the text without it. */
function networkNamedIn(
  text: string,
  networks: { id: string; name: string }[],
): { networkId: string; rest: string } | undefined {
  const normalized = normalize(text);
  for (const network of networks) {
    const key = normalize(network.name).replace(new RegExp(`^${LEVEL}`), '');
    for (const phrase of [key, normalize(network.id)]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${LEVEL}${phrase}(?![\\p{L}\\p{N}])`, 'u');
      if (phrase && pattern.test(normalized))
        return { networkId: network.id, rest: normalized.replace(pattern, ' ').replace(/\s+/g, ' ').trim() };
    }
  }
  return undefined;
}
