// The registry: every feature of the bot, listed explicitly, in the order /trogiup shows their commands.
import type { Command, Feature, Registry } from '../bot/context.js';
import type { Job } from '../bot/job.js';
import { activities } from './activities/index.js';
import { createBasics } from './basics/index.js';
import { housekeeping } from './housekeeping/index.js';
import { network } from './network/index.js';
import { onboarding } from './onboarding/index.js';
import { plansFeature } from './plans/index.js';
import { reminders } from './reminders/index.js';
import { reportFeature } from './reports/index.js';
import { statusFeature } from './status/index.js';
import { webFeature } from './web/index.js';
import { taskFeature } from './tasks/index.js';

const commands: Command[] = [];

export const features: Feature[] = [
  createBasics(() => commands),
  onboarding,
  taskFeature,
  activities,
  reportFeature,
  reminders,
  statusFeature,
  webFeature,
  network,
  plansFeature,
  housekeeping,
];

commands.push(...features.flatMap((f) => f.commands));

// Free-text intents are tried in this order: status questions before task questions before logging.
const intentOrder = ['basics', 'status', 'tasks', 'reminders', 'activities', 'reports'];

export const registry: Registry = {
  commands,
  conversations: features.flatMap((f) => f.conversations ?? []),
  intents: intentOrder.flatMap((name) => features.find((f) => f.name === name)?.intents ?? []),
  membership: features.flatMap((f) => f.membership ?? []),
  groupWatchers: features.flatMap((f) => f.groupWatchers ?? []),
  fileIntents: features.flatMap((f) => f.fileIntents ?? []),
};

export const jobs: Job[] = features.flatMap((f) => f.jobs ?? []);
