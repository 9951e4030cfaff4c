import type { Feature } from '../../bot/context.js';
import { groupMembership } from './group.js';
import { registrationHint } from './hint.js';

/** Bringing a whole network on board and keeping it current. */
export const network: Feature = {
  name: 'network',
  commands: [],
  membership: [groupMembership],
  groupWatchers: [registrationHint],
};
