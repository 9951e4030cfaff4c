import type { Command } from '../../bot/context.js';
import { activityText as m } from '../../messages/index.js';
import { typesForNetwork } from './catalog.js';
import { addAttachments, attachmentSchema, optionalSteps, type Draft } from './draft.js';
import { assertAcceptableInput } from './validate.js';
import { loadEditableActivity, parseActivityId } from './editable.js';
import { ask } from './prompts.js';

/** /sua <id>: the same echo and corrections as /ghinhan, on a saved activity. */
export const editActivity: Command = {
  name: 'sua',
  aliases: ['edit'],
  description: m.commands.edit,
  async run(ctx, args) {
    assertAcceptableInput('', ctx.msg.attachments);
    const activity = await loadEditableActivity(ctx, parseActivityId(args, 'sua'));
    const types = await typesForNetwork(ctx.services, activity.networkId);
    const draft: Draft = {
      activityId: activity.id,
      networkId: activity.networkId,
      agencyId: activity.agencyId,
      step: 'confirm',
      guided: false,
      asked: [...optionalSteps],
      typeId: activity.typeId,
      date: activity.date,
      title: activity.title,
      link: activity.link,
      quantity: activity.quantity,
      participants: activity.participants,
      taskId: activity.taskId,
      attachments: attachmentSchema.array().parse(activity.attachments),
    };
    const added = addAttachments(draft, ctx.msg);
    await ask(ctx, draft, types, added ? [m.attachmentKept(added)] : []);
  },
};
