import { findGroup, listNetworks, type NetworkSummary } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { onboarding } from '../../messages/index.js';
import { matchNetworks } from './network.js';

/** Networks to prefer for this message, best first: the group's network, then the caller's own networks. */
export async function preferredNetworks(ctx: Ctx): Promise<(string | string[])[]> {
  const tiers: (string | string[])[] = [];
  if (ctx.msg.chat.type === 'group') {
    const group = await findGroup(ctx.services.db, ctx.msg.platform, ctx.msg.chat.id);
    if (group) tiers.push(group.networkId);
  }
  // All of the caller's own networks are one tier: an agency found in two of them is a choice to offer.
  const ids = [
    ...ctx.actor.memberships.filter((m) => m.status === 'active').map((m) => m.networkId),
    ...ctx.actor.roles.map((r) => r.networkId).filter((id) => id !== '*'),
  ];
  if (ids.length > 0) tiers.push([...new Set(ids)]);
  return tiers;
}

/** The one network a user typed, or a UserError listing the known ones. */
export async function requireNetwork(ctx: Ctx, input: string): Promise<NetworkSummary> {
  const networks = await listNetworks(ctx.services.db);
  const found = matchNetworks(input, networks);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UserError(onboarding.networkNotFound(input, networkList(networks)));
  throw new UserError(onboarding.networkAmbiguous(input, networkList(found)));
}

export const networkList = (networks: readonly NetworkSummary[]): string =>
  networks.map((n) => `${n.name} (${n.id})`).join(', ');
