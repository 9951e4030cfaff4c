import type { Feature } from '../../bot/context.js';
import { retentionJob } from './job.js';

/** Jobs that keep the database small; no commands. */
export const housekeeping: Feature = { name: 'housekeeping', commands: [], jobs: [retentionJob] };
