import { deleteIdleConversations, pruneExpiredFileLinks, pruneFinishedOutbox, pruneInbound } from '../../db/index.js';
import type { Job, RetentionDays } from '../../bot/job.js';

const DAY_MS = 86_400_000;

export const defaultRetention: RetentionDays = { inboundDays: 30, outboxDays: 90, conversationDays: 30 };

/**
 * Daily, at night: removes finished incoming updates, finished outgoing messages, abandoned conversations and
 * expired file links past their retention. Reports, activities and the audit log are never removed.
 */
export const retentionJob: Job = {
  name: 'retention',
  cron: '15 3 * * *',
  async run({ db, log, now, settings }) {
    const keep = settings.retention ?? defaultRetention;
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const removed = {
      inbound: await pruneInbound(db, ago(keep.inboundDays)),
      outbox: await pruneFinishedOutbox(db, ago(keep.outboxDays)),
      conversations: await deleteIdleConversations(db, ago(keep.conversationDays)),
      fileLinks: await pruneExpiredFileLinks(db, now),
    };
    log.info({ removed }, 'retention: old rows removed');
  },
};
