import {
  ensurePeriod,
  findCurrentSubmission,
  findDraft,
  findPeriodWithDuty,
  listReopenedReports,
  type DraftRow,
  type DutyRow,
  type PeriodRow,
  type SubmissionRow,
} from '../../db/index.js';
import type { Command, Ctx, Intent } from '../../bot/context.js';
import type { HolidayCalendar } from '../../kernel/calendar/holidays.js';
import { dayOfWeek, diffDays, toVnDate, type VnDate } from '../../kernel/calendar/vn-time.js';
import { openPeriods, upcomingPeriod } from './open-periods.js';
import { reportText } from '../../messages/index.js';
import { atText, dateText, isOnce } from './format.js';
import { requireOfficer } from '../shared/officer.js';
import { reportingDuties } from './target.js';

// /hanbaocao: per reporting duty of the officer's agency, the open periods (deadline, weekday, day off,
// days left, submitted or not) and the next one.

const m = reportText;

export const deadlines: Command = {
  name: 'hanbaocao',
  aliases: ['deadlines'],
  description: m.commands.deadlines,
  async run(ctx) {
    const officer = requireOfficer(ctx.actor);
    const duties = await reportingDuties(ctx.services.db, officer);
    if (duties.length === 0) return ctx.reply(m.noDuty(officer.agencyName));
    const { calendar } = ctx.services;
    const sections = [];
    for (const duty of duties) sections.push(...(await dutyLines(ctx, duty, officer.agencyId, calendar)));
    ctx.reply([m.deadlinesTitle(officer.agencyName), ...sections].join('\n'));
  },
};

async function dutyLines(ctx: Ctx, duty: DutyRow, agencyId: number, calendar: HolidayCalendar): Promise<string[]> {
  const today = toVnDate(ctx.now);
  const lines = [m.deadlineDuty(duty.spec.title)];
  const rows = [];
  for (const period of openPeriods(duty.spec, today)) rows.push(await ensurePeriod(ctx.services.db, duty.id, period));
  // A report an admin reopened stays listed after its period closed: the officer must find it here.
  for (const reopened of await listReopenedReports(ctx.services.db, agencyId)) {
    const found = await findPeriodWithDuty(ctx.services.db, reopened.periodId);
    if (found?.duty.id === duty.id && !rows.some((r) => r.id === found.period.id)) rows.unshift(found.period);
  }
  for (const row of rows) {
    const key = { periodId: row.id, agencyId };
    const current = await findCurrentSubmission(ctx.services.db, key);
    const draft = await findDraft(ctx.services.db, key);
    const days = diffDays(row.deadline, today);
    lines.push(
      isOnce(row)
        ? m.deadlineOnce
        : m.deadlinePeriod({ period: row.label, from: dateText(row.start), to: dateText(row.end) }),
      deadlineLine(row.deadline, calendar),
    );
    // The data window may close after the deadline (annual 15/12-14/12, due 13/12): say how it is counted.
    if (diffDays(row.deadline, row.end) < 0 && days >= 0) lines.push(m.windowAfterDeadline(dateText(row.end)));
    // "Đã quá hạn" is about an unfiled report, never one filed on time.
    if (!current || current.reopened || days >= 0) lines.push(m.daysLeft(days));
    lines.push(statusLine(row, current, draft));
  }
  const next = upcomingPeriod(duty.spec, today);
  if (next) {
    const row = await ensurePeriod(ctx.services.db, duty.id, next);
    lines.push(m.upcoming({ period: row.label, from: dateText(row.start), deadline: dateText(row.deadline) }));
  }
  return lines;
}

function deadlineLine(deadline: VnDate, calendar: HolidayCalendar): string {
  const dayOff = calendar.isDayOff(deadline) ? (calendar.holidayName(deadline) ?? m.dayOffWeekend) : undefined;
  return m.deadlineLine({ weekday: m.weekday(dayOfWeek(deadline)), date: dateText(deadline), dayOff });
}

function statusLine(period: PeriodRow, current: SubmissionRow | undefined, draft: DraftRow | undefined): string {
  const command = `/baocao ${period.key}`;
  if (draft) return m.statusDraft(draft.holderName, command);
  if (current?.reopened) return m.statusReopened({ number: current.number, command });
  if (current)
    return m.statusSubmitted({ number: current.number, at: atText(current.submittedAt), late: current.late });
  return m.statusMissing(command);
}

export const deadlinesIntent: Intent = {
  command: 'hanbaocao',
  patterns: [/\bhan (nop )?bao cao\b/, /^(khi nao|bao gio|han) (phai |thi )?nop bao cao\b/],
};
