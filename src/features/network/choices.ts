import { choiceKind, oneOf, slugPart } from '../../bot/choices.js';

// The buttons of the network feature, each id format written once.

/** The network an agency list goes into. */
export const importNetworkButton = choiceKind('imn', slugPart);
/** Confirm or cancel the import shown. */
export const importButton = choiceKind('imp', oneOf('ok', 'cancel'));
