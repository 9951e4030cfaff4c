import type { ConversationDef, Ctx } from '../../bot/context.js';
import { activityText as m } from '../../messages/index.js';
import { typesForNetwork } from './catalog.js';
import {
  addAttachments,
  draftKind,
  markAsked,
  optionalSteps,
  previousStep,
  type Draft,
  type DraftStep,
} from './draft.js';
import { answerWord } from '../shared/answers.js';
import { attachmentProblem, textProblem } from './validate.js';
import type { ActivityType } from '../../kernel/plan.js';
import { readers } from './answers.js';
import { advance, ask } from './prompts.js';
import { saveDraft } from './save.js';
import { cancelButton, editButton, saveButton } from './choices.js';

/** The guided questions and the echo of /ghinhan and /sua. */
export const activityDraft: ConversationDef<Draft> = {
  ...draftKind,
  async step(ctx, draft) {
    const types = await typesForNetwork(ctx.services, draft.networkId);
    const refused = attachmentProblem(ctx.msg.attachments);
    if (refused) return ask(ctx, draft, types, [refused]);
    const added = addAttachments(draft, ctx.msg);
    const notes = added ? [m.attachmentKept(added)] : [];
    const { choice } = ctx.msg;
    const text = ctx.msg.text.trim();
    if (cancelButton.is(choice)) {
      ctx.conversation.end();
      ctx.reply(m.cancelled);
      return;
    }
    if (!choice && !text) return ask(ctx, draft, types, notes);
    if (draft.step === 'confirm') return onEcho(ctx, draft, types, choice, notes);
    // Without these, "quay lại" or "bỏ qua" typed at the title question became the activity's title.
    const word = choice ? undefined : answerWord(text);
    if (word === 'back') return goBack(ctx, draft, types, notes);
    if (word === 'skip' && !isOptional(draft.step)) return ask(ctx, draft, types, [...notes, m.required]);
    const problem = choice ? undefined : textProblem(text);
    if (problem) return ask(ctx, draft, types, [...notes, problem]);
    const error = await readers[draft.step](ctx, draft, { choice, text }, types);
    if (error) return ask(ctx, draft, types, [...notes, error]);
    markAsked(draft, draft.step);
    await advance(ctx, draft, types, notes);
  },
};

const isOptional = (step: DraftStep): boolean => optionalSteps.some((s) => s === step);

async function goBack(ctx: Ctx, draft: Draft, types: ActivityType[], notes: string[]): Promise<void> {
  const previous = previousStep(draft.step);
  if (!previous) return ask(ctx, draft, types, [...notes, m.noStepBack]);
  draft.step = previous;
  await ask(ctx, draft, types, notes);
}

async function onEcho(
  ctx: Ctx,
  draft: Draft,
  types: ActivityType[],
  choice: string | undefined,
  notes: string[],
): Promise<void> {
  if (saveButton.is(choice)) return saveDraft(ctx, draft, types);
  const step = editButton.parse(choice)?.[0];
  if (step) draft.step = step;
  await ask(ctx, draft, types, notes);
}
