// Shared set-up for the reminder tests: a job context on a test app and submitted reports.
import { and, eq } from 'drizzle-orm';
import { grantRole, bindGroup, findAgencyBySlug, ensureActor } from '../../db/index.js';
import { duties, periods, submissions } from '../../db/schema.js';
import type { JobContext, JobSettings } from '../../jobs/types.js';
import { loadHolidayCalendar } from '../../src/core/calendar/holidays.js';
import { periodsBetween } from '../../src/core/calendar/periods.js';
import { addDays, toVnDate, vnDateKey } from '../../src/core/calendar/vn-time.js';
import { defaultQuietHours } from '../../src/core/calendar/working-time.js';
import type { PlanDuty } from '../../src/plans/schema.js';
import type { TestApp } from './test-app.js';

const calendar = loadHolidayCalendar();

export const at = (iso: string): Date => new Date(iso);

export function jobContext(t: TestApp, now: Date, settings: Partial<JobSettings> = {}): JobContext & { notified: () => number } {
  let notified = 0;
  return {
    db: t.app.db,
    log: t.app.services.log,
    now,
    settings: { calendar, quietHours: defaultQuietHours, catchUpHours: 24, ...settings },
    outbox: { notify: () => void notified++ },
    notified: () => notified,
  };
}

/**
 * Records a current submission of the agency for the duty's period due next after `when`.
 * Stands in for the /baocao flow (issue 5): same tables, same `current` and `late` flags.
 */
export async function submitReport(t: TestApp, o: { network: string; duty: string; agency: string; personId: number; when: Date; late?: boolean }): Promise<void> {
  const db = t.app.db;
  const duty = db.orm.select().from(duties).where(and(eq(duties.networkId, o.network), eq(duties.slug, o.duty))).get();
  const agency = await findAgencyBySlug(db, o.network, o.agency);
  if (!duty || !agency) throw new Error(`No duty ${o.duty} or agency ${o.agency} in ${o.network}`);
  const today = toVnDate(o.when);
  const period = periodsBetween(duty.spec as unknown as PlanDuty, addDays(today, -30), addDays(today, 400))[0]!;
  const values = { dutyId: duty.id, key: period.key, label: period.label, start: vnDateKey(period.start), end: vnDateKey(period.end), deadline: vnDateKey(period.deadline) };
  db.orm.insert(periods).values(values).onConflictDoNothing().run();
  const row = db.orm.select({ id: periods.id }).from(periods).where(and(eq(periods.dutyId, duty.id), eq(periods.key, period.key))).get()!;
  db.orm.insert(submissions).values({
    periodId: row.id, agencyId: agency.id, version: 1, current: true, number: `BC-TEST-${agency.id}`, personId: o.personId,
    answers: {}, attachments: [], submittedAt: o.when, late: o.late ?? false,
  }).run();
}

export async function bindTestGroup(t: TestApp, network: string, chatId: string, title: string): Promise<void> {
  const admin = await ensureActor(t.app.db, { platform: 'console', userId: 'admin', name: 'admin' }, ['console:admin']);
  await bindGroup(t.app.db, { platform: 'console', chatId, networkId: network, title }, admin.personId, t.clock.now);
}

export async function makeLeader(t: TestApp, userId: string, network: string): Promise<number> {
  const actor = await ensureActor(t.app.db, { platform: 'console', userId, name: userId, privateChatId: userId }, []);
  await grantRole(t.app.db, { personId: actor.personId, networkId: network, role: 'leader', actorPersonId: actor.personId, at: t.clock.now });
  return actor.personId;
}
