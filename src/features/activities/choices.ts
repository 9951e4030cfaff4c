import { choiceKind, intPart, oneOf, slugPart } from '../../bot/choices.js';
import { draftSteps, type DraftStep } from './draft.js';

// The buttons of /ghinhan, /sua and /xoa: each id format written once, built by prompts.ts and delete.ts and
// read back by answers.ts, conversation.ts and delete.ts. (Skip is the shared one of features/shared/answers.ts.)

export const typeButton = choiceKind('t', slugPart);
export const dateButton = choiceKind('d', oneOf('today', 'yesterday'));
export const taskButton = choiceKind('k', intPart);
export const noTaskButton = choiceKind('k-none');
export const cancelButton = choiceKind('cancel');
export const saveButton = choiceKind('save');
/** Back from the echo to one question. */
export const editButton = choiceKind('e', oneOf<Exclude<DraftStep, 'confirm'>>(...editableSteps()));
export const deleteButton = choiceKind('del', oneOf('yes', 'no'));

function editableSteps(): Exclude<DraftStep, 'confirm'>[] {
  return draftSteps.filter((s): s is Exclude<DraftStep, 'confirm'> => s !== 'confirm');
}
