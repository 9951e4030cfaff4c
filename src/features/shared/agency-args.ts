import { findAgencyWithNetwork, type AgencyWithNetwork } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Choice } from '../../kernel/message.js';
import { onboarding } from '../../messages/index.js';
import { lookupAgency } from './agency.js';
import { preferredNetworks } from './caller.js';

const MAX_CHOICES = 8;

export interface AgencyArgsTexts {
  notFound: (query: string) => string;
  pick: (query: string) => string;
  /** Only agencies the caller may act on; the others count as not found. */
  allowed?: (agency: AgencyWithNetwork) => boolean;
}

/**
 * The agency named in a command's arguments: `#<id>` (from a choice) or a typed name, with or without its
 * network ("so tu phap vinh phuc"). When several match, replies with choices naming each agency's network that
 * re-run `command` (with its subcommand: "baocao mo") with `#<id>`, and returns undefined.
 */
export async function agencyFromArgs(
  ctx: Ctx,
  query: string,
  command: string,
  texts: AgencyArgsTexts,
): Promise<AgencyWithNetwork | undefined> {
  const byId = /^#(\d+)$/.exec(query.trim());
  if (byId) {
    const agency = await findAgencyWithNetwork(ctx.services.db, Number(byId[1]));
    if (!agency || !(texts.allowed?.(agency) ?? true)) throw new UserError(texts.notFound(query));
    return agency;
  }
  const prefer = await preferredNetworks(ctx);
  const found = await lookupAgency(ctx.services.db, query, { prefer, allowed: texts.allowed });
  if (found.kind === 'none') throw new UserError(texts.notFound(query));
  if (found.kind === 'one') return found.agency;
  ctx.reply(
    texts.pick(query),
    agencyChoices(found.agencies, (a) => `/${command} #${a.id}`),
  );
  return undefined;
}

export function agencyChoices(agencies: AgencyWithNetwork[], idOf: (a: AgencyWithNetwork) => string): Choice[] {
  return agencies
    .slice(0, MAX_CHOICES)
    .map((a) => ({ id: idOf(a), label: onboarding.agencyLabel(a.name, a.networkName) }));
}
