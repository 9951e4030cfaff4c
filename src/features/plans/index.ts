import type { Feature } from '../../bot/context.js';
import { planConversation } from './conversation.js';
import { planFileIntent } from './file-intent.js';
import { planCommand } from './plan.js';

/** For /huy, which says that a stopped draft keeps nothing. */
export { planKind } from './state.js';

export const plansFeature: Feature = {
  name: 'plans',
  commands: [planCommand],
  conversations: [planConversation],
  fileIntents: [planFileIntent],
};
