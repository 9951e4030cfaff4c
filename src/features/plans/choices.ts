import { choiceKind, intPart, oneOf, slugPart } from '../../bot/choices.js';
import { frequencies } from '../../kernel/plan.js';

// The buttons of /kehoach: each id format written once, built by review.ts and read back by conversation.ts.

export const actionButton = choiceKind(
  'kh',
  oneOf('confirm', 'rename', 'target', 'drop', 'cancel', 'back', 'draft', 'agency-rename', 'merge', 'move', 'deadline'),
);
/** Replace the plan of this existing network. */
export const replaceButton = choiceKind('kh-net', slugPart);
export const newNetworkButton = choiceKind('kh-new');
/** Drop the agency at this index of a draft with this many agencies: a button left from before a drop is stale. */
export const dropButton = choiceKind('kh-drop', intPart, intPart);
/**
 * The agency at this index of a draft with this many agencies, for one fix-up: a button of another fix-up's menu,
 * or from before a merge, is not taken.
 */
export const agencyButton = choiceKind('kh-ag', oneOf('rename', 'from', 'into', 'to'), intPart, intPart);
/** The task at this index of a draft with this many tasks. */
export const taskButton = choiceKind('kh-task', intPart, intPart);
/** The duty at this index of a draft with this many duties. */
export const dutyButton = choiceKind('kh-duty', intPart, intPart);
export const frequencyButton = choiceKind('kh-freq', oneOf(...frequencies));
