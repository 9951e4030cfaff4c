import { findActivity, type ActivityRow } from '../../db/index.js';
import { isAdmin } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { activityText as m } from '../../messages/index.js';

/** "#12", "12" → 12. */
export function parseActivityId(args: string, command: string): number {
  const found = /^#?\s*(\d{1,9})\b/.exec(args.trim());
  if (!found) throw new UserError(m.usageId(command));
  return Number(found[1]);
}

/**
 * The activity if the actor may change it: its author while still an officer of its agency, or an admin of its
 * network. Checked when /sua or /xoa starts and again when it saves: access taken meanwhile counts.
 */
export async function loadEditableActivity(ctx: Ctx, id: number): Promise<ActivityRow> {
  const activity = await findActivity(ctx.services.db, id);
  if (!activity) throw new UserError(m.notFound(id));
  if (isAdmin(ctx.actor, activity.networkId)) return activity;
  const sameAgency = ctx.actor.memberships.some((ms) => ms.status === 'active' && ms.agencyId === activity.agencyId);
  if (sameAgency && activity.authorPersonId === ctx.actor.personId) return activity;
  throw new UserError(sameAgency ? m.notAuthor(id) : m.otherAgency(id));
}
