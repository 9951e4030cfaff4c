import { choiceKind, intPart, oneOf } from '../../bot/choices.js';
import { taskStatuses, type TaskStatus } from '../../kernel/report.js';

// The buttons of the report conversation: each id format written once, built by prompts.ts and read back by
// answer.ts and conversation.ts. (Skip and back are the shared ones of features/shared/answers.ts.)

/** An option of a choice question, by its index in the plan. */
export const optionButton = choiceKind('o', intPart);
export const yesNoButton = choiceKind('yn', oneOf('y', 'n'));
export const taskStatusButton = choiceKind('s', oneOf<TaskStatus>(...taskStatuses));
/** Keeps the figure the activity log offered. */
export const keepButton = choiceKind('keep', intPart);
export const otherNumberButton = choiceKind('other');
export const previewButton = choiceKind('preview', oneOf('submit', 'edit', 'later', 'discard'));
export const discardButton = choiceKind('discard', oneOf('yes', 'no'));
