import type { Feature } from '../../bot/context.js';
import { exportCommand } from './export.js';
import { exportIntent, statusIntent } from './intent.js';
import { status } from './status.js';

export const statusFeature: Feature = {
  name: 'status',
  commands: [status, exportCommand],
  intents: [statusIntent, exportIntent],
};
