import { insertActivity, updateActivity, type ActivityFields } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { activityText as m } from '../../messages/index.js';
import type { Draft } from './draft.js';
import type { ActivityType } from '../../kernel/plan.js';
import { ask } from './prompts.js';
import { loadEditableActivity } from './editable.js';
import { officerRefusal } from '../shared/officer.js';
import { UserError } from '../../bot/errors.js';

/** Stores the confirmed draft; the conversation ends in the same transaction. */
export async function saveDraft(ctx: Ctx, draft: Draft, types: ActivityType[]): Promise<void> {
  if (!types.some((t) => t.id === draft.typeId)) {
    // The network's plan dropped this type since the draft began.
    draft.step = 'type';
    await ask(ctx, draft, types, [m.unknownType(draft.typeId ?? '')]);
    return;
  }
  const fields = toFields(draft);
  const db = ctx.services.db;
  ctx.conversation.end();
  // Checked again, as /xoa does: the officer may have been removed, or the activity changed hands, since it began.
  // A refusal ends the conversation (its end is saved by the router).
  if (draft.activityId === null) requireOfficerOf(ctx, draft.agencyId);
  else await loadEditableActivity(ctx, draft.activityId);
  const write = ctx.conversation.takeWrite();
  if (draft.activityId === null) {
    const input = {
      ...fields,
      networkId: draft.networkId,
      agencyId: draft.agencyId,
      authorPersonId: ctx.actor.personId,
    };
    ctx.reply(m.saved(await insertActivity(db, input, ctx.now, write)));
    return;
  }
  const saved = await updateActivity(db, draft.activityId, fields, {
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    write,
  });
  if (!saved) ctx.conversation.end(); // deleted meanwhile: the write above was not applied
  ctx.reply(saved ? m.updated(draft.activityId) : m.notFound(draft.activityId));
}

function toFields(draft: Draft): ActivityFields {
  return {
    typeId: draft.typeId!,
    date: draft.date!,
    title: draft.title!,
    link: draft.link,
    quantity: draft.quantity,
    participants: draft.participants,
    taskId: draft.taskId,
    attachments: draft.attachments,
  };
}

function requireOfficerOf(ctx: Ctx, agencyId: number): void {
  if (ctx.actor.memberships.some((ms) => ms.status === 'active' && ms.agencyId === agencyId)) return;
  throw new UserError(officerRefusal(ctx.actor));
}
