import { findGroup, findStatusNetwork, listStatusNetworks, type StatusNetwork } from '../../db/index.js';
import { isLeader, type Actor } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { bestMatches, matchLevel } from '../shared/words.js';

// Which network a leader's command is about, and whether the caller may see all of it.

const MAX_DEPTH = 5;
export const MAX_CHOICES = 10;
export const CHOICE_ID_BYTES = 60;

/** Leaders and admins of a network also lead the networks under it (a province over its communes). */
export async function leadsNetwork(ctx: Ctx, network: StatusNetwork): Promise<boolean> {
  let current: StatusNetwork | undefined = network;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (isLeader(ctx.actor, current.id)) return true;
    current = current.parentId ? await findStatusNetwork(ctx.services.db, current.parentId) : undefined;
  }
  return false;
}

/** Networks the caller leads: every active one for admins of all networks. */
export async function ledNetworks(ctx: Ctx): Promise<StatusNetwork[]> {
  const all = await listStatusNetworks(ctx.services.db);
  if (leadsAll(ctx.actor)) return all.filter((n) => n.active);
  const ids = new Set(ctx.actor.roles.map((r) => r.networkId));
  return all.filter((n) => ids.has(n.id));
}

const leadsAll = (actor: Actor): boolean => actor.configAdmin || actor.roles.some((r) => r.networkId === '*');

/** The network a group chat is bound to. */
export async function groupNetwork(ctx: Ctx): Promise<StatusNetwork | undefined> {
  if (ctx.msg.chat.type !== 'group') return undefined;
  const group = await findGroup(ctx.services.db, ctx.msg.platform, ctx.msg.chat.id);
  return group ? findStatusNetwork(ctx.services.db, group.networkId) : undefined;
}

/** Networks a typed name means: the id, or every word of the name ("vinh phuc", "Tỉnh Vĩnh Phúc"). */
export async function matchStatusNetworks(ctx: Ctx, query: string): Promise<StatusNetwork[]> {
  const all = await listStatusNetworks(ctx.services.db);
  const strong = bestMatches(all, (n) => {
    const level = matchLevel(query, [n.id, n.name]);
    return level >= 2 ? level : 0;
  });
  const active = strong.filter((n) => n.active);
  return active.length > 0 ? active : strong;
}

/** One button per network running `/<command> <network id> <rest>`. */
export function networkChoices(command: string, networks: StatusNetwork[], rest = ''): Choice[] {
  return networks
    .map((n) => ({ id: `/${command} ${n.id}${rest ? ` ${rest}` : ''}`, label: n.name }))
    .filter((c) => Buffer.byteLength(c.id) <= CHOICE_ID_BYTES)
    .slice(0, MAX_CHOICES);
}
