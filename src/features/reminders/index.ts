import type { Feature } from '../../bot/context.js';
import { muteIntent, unmuteIntent } from './intent.js';
import { remindersJob } from './job.js';
import { mute } from './mute.js';
import { unmute } from './unmute.js';

export const reminders: Feature = {
  name: 'reminders',
  commands: [mute, unmute],
  intents: [muteIntent, unmuteIntent],
  jobs: [remindersJob],
};
