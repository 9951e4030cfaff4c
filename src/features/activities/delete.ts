import { z } from 'zod';
import { softDeleteActivity } from '../../db/index.js';
import { formatVnDate, parseDateKey } from '../../kernel/calendar/vn-time.js';
import type { Command, ConversationDef } from '../../bot/context.js';
import { activityText as m } from '../../messages/index.js';
import { typesForNetwork } from './catalog.js';
import { typeName } from './detect-type.js';
import { answerWord } from '../shared/answers.js';
import { loadEditableActivity, parseActivityId } from './editable.js';
import { deleteButton } from './choices.js';

const KIND = 'activity-delete';
const stateSchema = z.object({ activityId: z.number().int() });
type DeleteState = z.infer<typeof stateSchema>;

const confirmChoices = [deleteButton.choice(m.labels.confirmDelete, 'yes'), deleteButton.choice(m.labels.keep, 'no')];

/** A typed "có" or "xóa" deletes and "không" or "giữ" keeps, like the buttons; anything else is asked again. */
function confirmation(choice: string | undefined, text: string): boolean | undefined {
  const pressed = deleteButton.parse(choice)?.[0];
  if (pressed) return pressed === 'yes';
  const word = answerWord(text);
  if (word === 'yes' || word === 'delete') return true;
  return word === 'no' || word === 'keep' ? false : undefined;
}

/** /xoa <id>: asks for confirmation, then marks the activity deleted (audited). */
export const deleteActivity: Command = {
  name: 'xoa',
  aliases: ['delete'],
  description: m.commands.remove,
  async run(ctx, args) {
    const activity = await loadEditableActivity(ctx, parseActivityId(args, 'xoa'));
    const types = await typesForNetwork(ctx.services, activity.networkId);
    const date = parseDateKey(activity.date);
    const summary = m.summary(
      date ? formatVnDate(date) : activity.date,
      typeName(activity.typeId, types),
      activity.title,
    );
    ctx.conversation.set(deleteConfirmation, { activityId: activity.id });
    ctx.reply(m.confirmDelete(activity.id, summary), confirmChoices);
  },
};

export const deleteConfirmation: ConversationDef<DeleteState> = {
  kind: KIND,
  version: 1,
  schema: stateSchema,
  async step(ctx, { activityId }) {
    const answer = confirmation(ctx.msg.choice, ctx.msg.text);
    if (answer === undefined) {
      ctx.reply(m.confirmDeleteAgain(activityId), confirmChoices);
      return;
    }
    ctx.conversation.end();
    if (!answer) {
      ctx.reply(m.kept(activityId));
      return;
    }
    // Checked again: the activity may have changed hands or gone since the question.
    await loadEditableActivity(ctx, activityId);
    const meta = { actorPersonId: ctx.actor.personId, at: ctx.now, write: ctx.conversation.takeWrite() };
    const deleted = await softDeleteActivity(ctx.services.db, activityId, meta);
    if (!deleted) ctx.conversation.end();
    ctx.reply(deleted ? m.deleted(activityId) : m.notFound(activityId));
  },
};
