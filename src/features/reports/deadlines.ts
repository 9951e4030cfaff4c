import {
  ensurePeriod,
  findCurrentSubmission,
  findDraft,
  type Db,
  type DutyRow,
  type PeriodRow,
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
  for (const period of openPeriods(duty.spec, today)) {
    const row = await ensurePeriod(ctx.services.db, duty.id, period);
    lines.push(
      isOnce(row)
        ? m.deadlineOnce
        : m.deadlinePeriod({ period: row.label, from: dateText(row.start), to: dateText(row.end) }),
      deadlineLine(row.deadline, calendar),
      m.daysLeft(diffDays(row.deadline, today)),
      await statusLine(ctx.services.db, row, agencyId),
    );
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

async function statusLine(db: Db, period: PeriodRow, agencyId: number): Promise<string> {
  const key = { periodId: period.id, agencyId };
  const current = await findCurrentSubmission(db, key);
  if (current)
    return m.statusSubmitted({ number: current.number, at: atText(current.submittedAt), late: current.late });
  const draft = await findDraft(db, key);
  return draft ? m.statusDraft(draft.holderName) : m.statusMissing;
}

export const deadlinesIntent: Intent = {
  command: 'hanbaocao',
  patterns: [/\bhan (nop )?bao cao\b/, /^(khi nao|bao gio|han) (phai |thi )?nop bao cao\b/],
};
