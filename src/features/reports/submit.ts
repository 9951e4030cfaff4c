import {
  cancelMootReminders,
  listNetworkGroups,
  submitDraft,
  type IssueInput,
  type OutgoingMessage,
} from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { nextSendableInstant } from '../../kernel/calendar/working-time.js';
import { isLate } from './open-periods.js';
import { reportText } from '../../messages/index.js';
import { dropLost } from './flow.js';
import { atText, dateText, periodName } from './format.js';
import type { ReportSession } from './session.js';

// Submitting: the draft becomes the next version, marked difficulties and proposals become report issues,
// the network's groups get one line (out of quiet hours), and the officer gets a receipt.

export async function submitReport(ctx: Ctx, session: ReportSession): Promise<void> {
  const late = isLate(session.period, ctx.now);
  const notices = await groupNotices(ctx, session, late);
  ctx.conversation.end();
  const result = await submitDraft(
    ctx.services.db,
    {
      periodId: session.period.id,
      agencyId: session.agency.id,
      personId: ctx.actor.personId,
      at: ctx.now,
      late,
      issues: markedIssues(session),
      notices,
    },
    ctx.conversation.takeWrite(),
  );
  if (!result.ok) {
    dropLost(ctx, session);
    return;
  }
  // Reminders already queued for this agency are moot now: drop them before the sender picks them up.
  await cancelMootReminders(ctx.services.db);
  const s = result.submission;
  ctx.reply(
    reportText.receipt({
      agency: session.agency.name,
      period: periodName(session.period),
      number: s.number,
      version: s.version,
      at: atText(s.submittedAt),
      late: s.late,
      deadline: dateText(session.period.deadline),
    }),
  );
}

function markedIssues(session: ReportSession): IssueInput[] {
  const answers = session.draft!.answers;
  return session.template.questions.flatMap((q) => {
    const value = answers[q.id];
    return q.marks && typeof value === 'string' && value.trim() ? [{ kind: q.marks, text: value.trim() }] : [];
  });
}

/** One line per bound group; the key makes a later version of the same report announce nothing. */
async function groupNotices(ctx: Ctx, session: ReportSession, late: boolean): Promise<OutgoingMessage[]> {
  const groups = await listNetworkGroups(ctx.services.db, session.agency.networkId);
  if (groups.length === 0) return [];
  const notBefore = nextSendableInstant(ctx.now, ctx.services.calendar, ctx.services.config.quietHours);
  const text = reportText.groupNotice(session.agency.name, periodName(session.period), late);
  return groups.map((g) => ({
    platform: g.platform,
    chatId: g.chatId,
    isGroup: true,
    text,
    notBefore,
    idemKey: `report-submitted:${session.period.id}:${session.agency.id}:${g.platform}:${g.chatId}`,
  }));
}
