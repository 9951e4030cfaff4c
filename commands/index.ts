// Every command, conversation and free-text intent of the bot, listed explicitly.
import type { Command, ConversationDef, Intent, Registry } from '../src/core/context.js';
import { deleteActivity, deleteConfirmation } from './activity-delete.js';
import { editActivity } from './activity-edit.js';
import { listActivitiesCommand } from './activities.js';
import { cancel } from './cancel.js';
import { createHelp } from './help.js';
import { log, logIntent } from './log.js';
import { activityDraft } from './log-conversation.js';
import { mute } from './mute.js';
import { start } from './start.js';
import { unmute } from './unmute.js';

const commands: Command[] = [];
const help = createHelp(() => commands);
commands.push(start, help, cancel);
commands.push(log, listActivitiesCommand, editActivity, deleteActivity);
commands.push(mute, unmute);

const conversations: ConversationDef<any>[] = [];
conversations.push(activityDraft, deleteConfirmation);

const intents: Intent[] = [
  { command: 'trogiup', patterns: [/^(tro giup|giup|help|huong dan)( toi)?\b/] },
  logIntent,
];

export const registry: Registry = { commands, conversations, intents };
