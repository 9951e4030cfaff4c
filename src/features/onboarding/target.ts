import { ensureActor, findPersonByPlatformId, findPersonCard, type PersonCard } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import type { Platform } from '../../kernel/message.js';
import { UserError } from '../../bot/errors.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import { accessText, type PersonLine } from '../../messages/index.js';

const PLATFORM_ID = /^(telegram|zalo|console):(\S{1,64})$/i;
const PERSON_ID = /^#(\d{1,9})$/;

/**
 * The person a command means, identified beyond doubt: the author of the replied-to message, an exact platform
 * id (telegram:123456), or `#<person id>` (carried by our own buttons). Undefined when the words are none of
 * these, e.g. a display name, which anyone can choose.
 */
export async function identifiedPerson(ctx: Ctx, words: string): Promise<PersonCard | undefined> {
  const { db, config } = ctx.services;
  const handle = words.trim();
  const replied = ctx.msg.replyTo;
  if (!handle && replied) {
    const input = { platform: ctx.msg.platform, userId: replied.id, name: replied.name, username: replied.username };
    const actor = await ensureActor(db, input, config.admins);
    return findPersonCard(db, actor.personId);
  }
  const byPerson = PERSON_ID.exec(handle);
  if (byPerson) {
    const card = await findPersonCard(db, Number(byPerson[1]));
    if (!card) throw new UserError(accessText.personUnknown(handle));
    return card;
  }
  const byPlatform = PLATFORM_ID.exec(handle);
  if (!byPlatform) return undefined;
  const card = await findPersonByPlatformId(db, byPlatform[1]!.toLowerCase(), byPlatform[2]!);
  if (!card) throw new UserError(accessText.personUnknown(handle));
  return card;
}

export const isPlatformId = (words: string): boolean => PLATFORM_ID.test(words.trim());

/** `telegram:123456` read as its platform and user id; undefined for anything else. */
export function platformIdOf(words: string): { platform: Platform; userId: string } | undefined {
  const found = PLATFORM_ID.exec(words.trim());
  return found ? { platform: found[1]!.toLowerCase() as Platform, userId: found[2]! } : undefined;
}

/** Name, every platform id with its @username, and the first-seen date: enough to tell two "Trần Thị Bình" apart. */
export function personLine(card: PersonCard): PersonLine {
  return {
    name: card.name,
    ids: card.identities.map((i) => accessText.identity(i.platform, i.userId, i.username)).join(', '),
    firstSeen: formatVnDate(toVnDate(card.firstSeen)),
  };
}
