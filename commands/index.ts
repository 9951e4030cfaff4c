// Every command, conversation and free-text intent of the bot, listed explicitly.
import type { Command, ConversationDef, Intent, Registry } from '../src/core/context.js';
import { deleteActivity, deleteConfirmation } from './activity-delete.js';
import { editActivity } from './activity-edit.js';
import { listActivitiesCommand, listIntent } from './activities.js';
import { cancel } from './cancel.js';
import { createHelp } from './help.js';
import { link } from './link.js';
import { log, logIntent } from './log.js';
import { activityDraft } from './log-conversation.js';
import { mute } from './mute.js';
import { start } from './start.js';
import { status } from './status.js';
import { exportCommand } from './export.js';
import { statusIntent } from '../src/status/intent.js';
import { unmute } from './unmute.js';
import { approve } from './approve.js';
import { grant } from './grant.js';
import { invite } from './invite.js';
import { register } from './register.js';
import { registerFlow } from './register-flow.js';
import { search } from './search.js';
import { setup } from './setup.js';
import { tasks } from './tasks.js';
import { taskIntent } from '../src/tasks/intent.js';
import { deadlines, deadlinesIntent } from './deadlines.js';
import { report, reportIntent } from './report.js';
import { reportConversation } from './report-conversation.js';

const commands: Command[] = [];
const help = createHelp(() => commands);
commands.push(start, help, cancel);
commands.push(tasks, search, register, approve, invite, setup, grant);
commands.push(log, listActivitiesCommand, editActivity, deleteActivity);
commands.push(mute, unmute);
commands.push(link);
commands.push(status, exportCommand);
commands.push(report, deadlines);

const conversations: ConversationDef<any>[] = [];
conversations.push(registerFlow);
conversations.push(activityDraft, deleteConfirmation);
conversations.push(reportConversation);

const intents: Intent[] = [
  { command: 'trogiup', patterns: [/^(tro giup|giup|help|huong dan)( toi)?\b/] },
  statusIntent,
  taskIntent,
  logIntent,
  listIntent,
  reportIntent,
  deadlinesIntent,
];

export const registry: Registry = { commands, conversations, intents };
