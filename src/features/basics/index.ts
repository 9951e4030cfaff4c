import type { Command, Feature } from '../../bot/context.js';
import { cancel } from './cancel.js';
import { createHelp } from './help.js';

/** Help and cancel; help reads the final command list of the registry lazily. */
export function createBasics(allCommands: () => Command[]): Feature {
  return {
    name: 'basics',
    commands: [createHelp(allCommands), cancel],
    intents: [{ command: 'trogiup', patterns: [/^(tro giup|giup|help|huong dan)( toi)?\b/] }],
  };
}
