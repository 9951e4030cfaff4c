import { ensureActor, findPeopleByHandle, type PersonMatch } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { onboarding } from '../../messages/index.js';

/** The person a command names: by replying to their message, by @username, or by display name. */
export async function resolvePerson(ctx: Ctx, handle: string): Promise<PersonMatch> {
  const { db, config } = ctx.services;
  const replied = ctx.msg.replyTo;
  if (!handle && replied) {
    const actor = await ensureActor(
      db,
      { platform: ctx.msg.platform, userId: replied.id, name: replied.name, username: replied.username },
      config.admins,
    );
    return { personId: actor.personId, name: actor.name, username: replied.username ?? null };
  }
  const found = await findPeopleByHandle(db, handle);
  if (found.length === 0) throw new UserError(onboarding.personNotFound(handle));
  if (found.length > 1) {
    throw new UserError(
      onboarding.personAmbiguous(handle, found.map((p) => (p.username ? `@${p.username}` : p.name)).join(', ')),
    );
  }
  return found[0]!;
}
