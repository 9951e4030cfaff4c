import { findPeopleByHandle, findPersonCard, type PersonCard } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { onboarding } from '../../messages/index.js';

const MAX_CANDIDATES = 5;

/**
 * People who go by a display name or @username right now. Both are chosen by the users themselves, so a
 * command shows these with their platform ids and acts only on the one the admin then picks.
 */
export async function candidatesByHandle(ctx: Ctx, handle: string): Promise<PersonCard[]> {
  const found = await findPeopleByHandle(ctx.services.db, handle);
  if (found.length === 0) throw new UserError(onboarding.personNotFound(handle));
  const cards: PersonCard[] = [];
  for (const match of found.slice(0, MAX_CANDIDATES)) {
    const card = await findPersonCard(ctx.services.db, match.personId);
    if (card) cards.push(card);
  }
  return cards;
}
