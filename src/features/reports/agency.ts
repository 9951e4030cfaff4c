import { searchAgencies, type AgencyWithNetwork } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { reportText } from '../../messages/index.js';

// Names an agency typed after a subcommand ("/baocao xem sở tư pháp") among the networks the actor may see.

export async function resolveAgency(
  ctx: Ctx,
  text: string,
  allowed: (agency: AgencyWithNetwork) => boolean,
): Promise<AgencyWithNetwork> {
  const wanted = normalize(text);
  const hits = (await searchAgencies(ctx.services.db, wanted.split(' ').filter(Boolean))).filter(allowed);
  const exact = hits.filter((a) => [a.name, a.shortName ?? '', ...a.aliases].some((n) => normalize(n) === wanted));
  const list = exact.length > 0 ? exact : hits;
  if (list.length === 0) throw new UserError(reportText.agencyNotFound(text));
  if (list.length > 1)
    throw new UserError(
      reportText.agencyAmbiguous(
        text,
        list
          .slice(0, 8)
          .map((a) => a.name)
          .join('; '),
      ),
    );
  return list[0]!;
}
