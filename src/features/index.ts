// Every command, conversation and free-text intent of the bot, listed explicitly.
import type { Command, ConversationDef, Intent, Registry } from '../bot/context.js';
import { deleteActivity, deleteConfirmation } from './activities/delete.js';
import { editActivity } from './activities/edit.js';
import { listActivitiesCommand, listIntent } from './activities/list.js';
import { cancel } from './basics/cancel.js';
import { createHelp } from './basics/help.js';
import { link } from './onboarding/link.js';
import { log, logIntent } from './activities/log.js';
import { activityDraft } from './activities/conversation.js';
import { mute } from './reminders/mute.js';
import { start } from './onboarding/start.js';
import { status } from './status/status.js';
import { exportCommand } from './status/export.js';
import { statusIntent } from './status/intent.js';
import { unmute } from './reminders/unmute.js';
import { approve } from './onboarding/approve.js';
import { grant } from './onboarding/grant.js';
import { invite } from './onboarding/invite.js';
import { register } from './onboarding/register.js';
import { registerFlow } from './onboarding/conversation.js';
import { search } from './tasks/search.js';
import { setup } from './onboarding/setup.js';
import { tasks } from './tasks/tasks.js';
import { taskIntent } from './tasks/intent.js';
import { deadlines, deadlinesIntent } from './reports/deadlines.js';
import { report, reportIntent } from './reports/report.js';
import { reportConversation } from './reports/conversation.js';

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
