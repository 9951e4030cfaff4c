import { choiceKind, intPart, oneOf, slugPart } from '../../bot/choices.js';

// The buttons of /kehoach: each id format written once, built by review.ts and read back by conversation.ts.

export const actionButton = choiceKind('kh', oneOf('confirm', 'rename', 'target', 'drop', 'cancel', 'back', 'draft'));
/** Replace the plan of this existing network. */
export const replaceButton = choiceKind('kh-net', slugPart);
export const newNetworkButton = choiceKind('kh-new');
/** Drop the agency at this index of a draft with this many agencies: a button left from before a drop is stale. */
export const dropButton = choiceKind('kh-drop', intPart, intPart);
