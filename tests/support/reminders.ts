// Shared set-up for the reminder tests: a job context on a test app and submitted reports.
import {
  bindGroup,
  createDraft,
  ensureActor,
  ensurePeriod,
  findAgencyBySlug,
  grantRole,
  listAgencyDuties,
  submitDraft,
} from '../../src/db/index.js';
import type { JobContext, JobSettings } from '../../src/bot/job.js';
import { loadHolidayCalendar } from '../../src/kernel/calendar/holidays.js';
import { periodsBetween } from '../../src/kernel/calendar/periods.js';
import { addDays, toVnDate } from '../../src/kernel/calendar/vn-time.js';
import { defaultQuietHours } from '../../src/kernel/calendar/working-time.js';
import type { TestApp } from './test-app.js';

const calendar = loadHolidayCalendar();

export const at = (iso: string): Date => new Date(iso);

export function jobContext(
  t: TestApp,
  now: Date,
  settings: Partial<JobSettings> = {},
): JobContext & { notified: () => number } {
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

/** Submits the agency's report for the duty's period due next after `when`, through the reports' db functions. */
export async function submitReport(
  t: TestApp,
  o: { network: string; duty: string; agency: string; personId: number; when: Date; late?: boolean },
): Promise<void> {
  const db = t.app.db;
  const duty = (await listAgencyDuties(db, o.network, o.agency)).find((d) => d.slug === o.duty);
  const agency = await findAgencyBySlug(db, o.network, o.agency);
  if (!duty || !agency) throw new Error(`No duty ${o.duty} or agency ${o.agency} in ${o.network}`);
  const today = toVnDate(o.when);
  const period = await ensurePeriod(
    db,
    duty.id,
    periodsBetween(duty.spec, addDays(today, -30), addDays(today, 400))[0]!,
  );
  const key = { periodId: period.id, agencyId: agency.id };
  await createDraft(
    db,
    { ...key, personId: o.personId, answers: {}, attachments: [], baseVersion: 0, at: o.when },
    undefined,
  );
  const result = await submitDraft(
    db,
    { ...key, personId: o.personId, at: o.when, late: o.late ?? false, issues: [], notices: [] },
    undefined,
  );
  if (!result.ok) throw new Error(`Could not submit for ${o.agency}`);
}

export async function bindTestGroup(t: TestApp, network: string, chatId: string, title: string): Promise<void> {
  const admin = await ensureActor(t.app.db, { platform: 'console', userId: 'admin', name: 'admin' }, ['console:admin']);
  await bindGroup(t.app.db, { platform: 'console', chatId, networkId: network, title }, admin.personId, t.clock.now);
}

export async function makeLeader(t: TestApp, userId: string, network: string): Promise<number> {
  const actor = await ensureActor(t.app.db, { platform: 'console', userId, name: userId, privateChatId: userId }, []);
  await grantRole(t.app.db, {
    personId: actor.personId,
    networkId: network,
    role: 'leader',
    actorPersonId: actor.personId,
    at: t.clock.now,
  });
  return actor.personId;
}
