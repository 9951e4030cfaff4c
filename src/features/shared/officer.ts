import { officerOf, type Actor, type Membership } from '../../kernel/actor.js';
import { UserError } from '../../bot/errors.js';
import { onboarding } from '../../messages/index.js';

/** The guard of every officer-only command: the approved membership, or the one refusal. */
export function requireOfficer(actor: Actor): Membership {
  const officer = officerOf(actor);
  if (officer) return officer;
  throw new UserError(officerRefusal(actor));
}

/** Why the actor is no officer: a request still waiting for approval, or how to register. */
export function officerRefusal(actor: Actor): string {
  const pending = actor.memberships.find((ms) => ms.status === 'pending');
  return pending ? onboarding.officerPending(pending.agencyName, pending.networkName) : onboarding.notOfficer;
}
