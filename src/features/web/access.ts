import { findAgencyBySlug, findStatusNetwork, type StatusAgency, type StatusNetwork } from '../../db/index.js';
import { officerOf, type Actor } from '../../kernel/actor.js';
import type { Services } from '../../bot/context.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';
import { findStatusPeriod, leadsNetwork, resolveStatusPeriod } from '../status/index.js';
import { webCtx } from './chat.js';

// Who sees what, as in the chat: leaders and admins their networks (and the networks under them), an officer
// only their own agency.

export type Access<T> = { ok: true; value: T } | { ok: false; why: 'not-found' | 'network' | 'agency' };

export const leads = (services: Services, actor: Actor, network: StatusNetwork): Promise<boolean> =>
  leadsNetwork(webCtx(services, actor, '', []), network);

export async function networkFor(services: Services, actor: Actor, id: string): Promise<Access<StatusNetwork>> {
  const network = await findStatusNetwork(services.db, id);
  if (!network) return { ok: false, why: 'not-found' };
  return (await leads(services, actor, network)) ? { ok: true, value: network } : { ok: false, why: 'network' };
}

export async function agencyFor(
  services: Services,
  actor: Actor,
  networkId: string,
  slug: string,
): Promise<Access<{ network: StatusNetwork; agency: StatusAgency }>> {
  const network = await findStatusNetwork(services.db, networkId);
  const agency = network ? await findAgencyBySlug(services.db, network.id, slug) : undefined;
  if (!network || !agency) return { ok: false, why: 'not-found' };
  const own = officerOf(actor, network.id)?.agencyId === agency.id;
  if (own || (await leads(services, actor, network))) return { ok: true, value: { network, agency } };
  return { ok: false, why: officerOf(actor) ? 'agency' : 'network' };
}

/** `?period=KEY` when given (undefined if the network has no such period), else the current one. */
export async function periodFor(
  services: Services,
  networkId: string,
  key: string | undefined,
): Promise<ChosenPeriod | undefined> {
  if (key) return findStatusPeriod(services.db, networkId, key);
  return resolveStatusPeriod(services.db, networkId, services.clock());
}
