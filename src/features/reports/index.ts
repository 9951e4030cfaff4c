import type { Feature } from '../../bot/context.js';
import { reportConversation } from './conversation.js';
import { deadlines, deadlinesIntent } from './deadlines.js';
import { report, reportIntent } from './report.js';

/** For /huy, which says that a stopped report keeps its draft. */
export { reportKind } from './state.js';

export const reportFeature: Feature = {
  name: 'reports',
  commands: [report, deadlines],
  conversations: [reportConversation],
  intents: [reportIntent, deadlinesIntent],
};
