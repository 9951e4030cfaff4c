import type { Feature } from '../../bot/context.js';
import { groupMembership } from './group.js';
import { registrationHint } from './hint.js';
import { importFileIntent, importFlow } from './import-chat.js';

/** Bringing a whole network on board and keeping it current. */
export const network: Feature = {
  name: 'network',
  commands: [],
  conversations: [importFlow],
  fileIntents: [importFileIntent],
  membership: [groupMembership],
  groupWatchers: [registrationHint],
};

// The network-wide subcommands of /moi, which features/onboarding owns.
export { networkInvites } from './invite-words.js';
