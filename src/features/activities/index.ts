import type { Feature } from '../../bot/context.js';
import { activityDraft } from './conversation.js';
import { deleteActivity, deleteConfirmation } from './delete.js';
import { editActivity } from './edit.js';
import { listActivitiesCommand, listIntent } from './list.js';
import { log, logIntent } from './log.js';

export const activities: Feature = {
  name: 'activities',
  commands: [log, listActivitiesCommand, editActivity, deleteActivity],
  conversations: [activityDraft, deleteConfirmation],
  intents: [logIntent, listIntent],
};
