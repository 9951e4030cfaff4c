import type { AgencyWithNetwork } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { onboarding, reportText } from '../../messages/index.js';
import { agencyFromArgs } from '../shared/agency-args.js';

// Names an agency typed after a subcommand ("/baocao xem sở tư pháp") among the networks the actor may see.
// A name found in two of them gets the same menu as everywhere else (name and network), not a dead end.

export async function resolveAgency(
  ctx: Ctx,
  text: string,
  allowed: (agency: AgencyWithNetwork) => boolean,
  command: string,
): Promise<AgencyWithNetwork | undefined> {
  return agencyFromArgs(ctx, text, command, {
    notFound: reportText.agencyNotFound,
    pick: onboarding.pickAgency,
    allowed,
  });
}
