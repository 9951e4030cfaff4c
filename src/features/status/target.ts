import {
  findAgencyById,
  findAgencyBySlug,
  findStatusNetwork,
  type StatusAgency,
  type StatusNetwork,
} from '../../db/index.js';
import { officerOf, type Actor, type Membership } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Choice } from '../../kernel/message.js';
import { lookupAgency, type AgencyLookup } from '../shared/agency.js';
import { statusText as m } from '../../messages/status.js';
import {
  CHOICE_ID_BYTES,
  MAX_CHOICES,
  groupNetwork,
  leadsNetwork,
  ledNetworks,
  matchStatusNetworks,
  networkChoices,
} from './scope.js';

// What /tinhhinh shows: a whole network (leaders), one agency (leaders; officers their own), or a menu.

export type StatusTarget =
  | { kind: 'network'; network: StatusNetwork }
  | { kind: 'agency'; network: StatusNetwork; agency: StatusAgency; officer: boolean }
  | { kind: 'choose'; text: string; choices: Choice[] };

const COMMAND = 'tinhhinh';

export async function resolveStatusTarget(ctx: Ctx, args: string): Promise<StatusTarget> {
  const { actor } = ctx;
  if (!actor.configAdmin && actor.roles.length === 0 && !officerOf(actor)) throw new UserError(m.notMember);
  if (!args) return defaultTarget(ctx);
  const [first = '', ...rest] = args.split(/\s+/);
  // "/tinhhinh <network id> <agency>", as the buttons of an ambiguous name send it.
  const named = rest.length > 0 ? await findStatusNetwork(ctx.services.db, first) : undefined;
  if (named) return agencyTarget(ctx, rest.join(' '), named);
  const networks = await matchStatusNetworks(ctx, args);
  if (networks.length === 1) return networkTarget(ctx, networks[0]!);
  if (networks.length > 1) return { kind: 'choose', text: m.chooseNetwork, choices: networkChoices(COMMAND, networks) };
  return agencyTarget(ctx, args, await groupNetwork(ctx));
}

async function defaultTarget(ctx: Ctx): Promise<StatusTarget> {
  const group = await groupNetwork(ctx);
  if (group) return networkTarget(ctx, group);
  const led = await ledNetworks(ctx);
  if (led.length === 1) return { kind: 'network', network: led[0]! };
  if (led.length > 1)
    return { kind: 'choose', text: `${m.chooseNetwork}\n${m.networkHint}`, choices: networkChoices(COMMAND, led) };
  const own = officerOf(ctx.actor);
  if (own) return ownAgency(ctx, own);
  throw new UserError(m.notMember);
}

async function networkTarget(ctx: Ctx, network: StatusNetwork): Promise<StatusTarget> {
  if (await leadsNetwork(ctx, network)) return { kind: 'network', network };
  const own = officerOf(ctx.actor, network.id);
  if (own) return ownAgency(ctx, own);
  throw new UserError(inSomeNetwork(ctx.actor) ? m.notLeader(network.name) : m.notMember);
}

/** An officer, leader or admin somewhere: told whose view this is, not that they belong to no network. */
const inSomeNetwork = (actor: Actor): boolean => Boolean(officerOf(actor)) || actor.roles.length > 0;

async function ownAgency(ctx: Ctx, own: Membership): Promise<StatusTarget> {
  const network = await findStatusNetwork(ctx.services.db, own.networkId);
  const agency = await findAgencyById(ctx.services.db, own.agencyId);
  if (!network || !agency) throw new UserError(m.notMember);
  return { kind: 'agency', network, agency, officer: true };
}

async function agencyTarget(ctx: Ctx, query: string, only: StatusNetwork | undefined): Promise<StatusTarget> {
  const found = await findAgency(ctx, query, only);
  if (found.kind === 'none') throw new UserError(m.unknownTarget(query));
  if (found.kind === 'many') {
    const choices = found.agencies
      .map((a) => ({ id: `/${COMMAND} ${a.networkId} ${a.slug}`, label: `${a.name} (${a.networkName})` }))
      .filter((c) => Buffer.byteLength(c.id) <= CHOICE_ID_BYTES)
      .slice(0, MAX_CHOICES);
    return { kind: 'choose', text: m.chooseAgency(query), choices };
  }
  const network = (await findStatusNetwork(ctx.services.db, found.agency.networkId))!;
  if (await leadsNetwork(ctx, network)) return { kind: 'agency', network, agency: found.agency, officer: false };
  const own = officerOf(ctx.actor, network.id);
  if (own?.agencyId === found.agency.id) return { kind: 'agency', network, agency: found.agency, officer: true };
  if (officerOf(ctx.actor)) throw new UserError(m.otherAgency);
  throw new UserError(inSomeNetwork(ctx.actor) ? m.notLeader(network.name) : m.notMember);
}

/** A slug (from a button) in the given network, else a typed name, preferring the caller's networks. */
async function findAgency(ctx: Ctx, query: string, only: StatusNetwork | undefined): Promise<AgencyLookup> {
  const bySlug = only ? await findAgencyBySlug(ctx.services.db, only.id, query) : undefined;
  if (bySlug) return { kind: 'one', agency: { ...bySlug, networkName: only!.name, networkActive: only!.active } };
  // One tier: a name found in two of the caller's networks is a menu, not the first network's agency.
  const prefer = [[...ctx.actor.roles.map((r) => r.networkId), ...ctx.actor.memberships.map((s) => s.networkId)]];
  return lookupAgency(ctx.services.db, query, { prefer, only: only?.id });
}
