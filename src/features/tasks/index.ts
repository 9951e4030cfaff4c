import type { Feature } from '../../bot/context.js';
import { taskIntent } from './intent.js';
import { search } from './search.js';
import { tasks } from './tasks.js';

export const taskFeature: Feature = { name: 'tasks', commands: [tasks, search], intents: [taskIntent] };
