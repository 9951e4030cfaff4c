// Every command, conversation and free-text intent of the bot, listed explicitly.
import type { Command, ConversationDef, Intent, Registry } from '../src/core/context.js';
import { cancel } from './cancel.js';
import { createHelp } from './help.js';
import { start } from './start.js';

const commands: Command[] = [];
const help = createHelp(() => commands);
commands.push(start, help, cancel);

const conversations: ConversationDef<any>[] = [];

const intents: Intent[] = [
  { command: 'trogiup', patterns: [/^(tro giup|giup|help|huong dan)( toi)?\b/] },
];

export const registry: Registry = { commands, conversations, intents };
