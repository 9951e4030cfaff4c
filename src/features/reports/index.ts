import type { Feature } from '../../bot/context.js';
import { reportConversation } from './conversation.js';
import { deadlines, deadlinesIntent } from './deadlines.js';
import { report, reportIntent } from './report.js';

export const reportFeature: Feature = {
  name: 'reports',
  commands: [report, deadlines],
  conversations: [reportConversation],
  intents: [reportIntent, deadlinesIntent],
};
