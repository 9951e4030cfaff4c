import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/bot/job.js';
import { closeDatabase, openCoordination, openDatabase, type Db } from '../../src/db/index.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { loadHolidayCalendar } from '../../src/kernel/calendar/holidays.js';
import type { Coordination } from '../../src/kernel/instances.js';
import { dropTestDirDatabase, onPostgres, testDatabaseEnv } from '../support/test-db.js';

// Two instances' schedulers on one PostgreSQL database (npm run test:pg): a slot runs once, and the slot whose
// instance died mid-run is run again by the other.

let dir: string | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
  if (dir) await dropTestDirDatabase(dir);
  dir = undefined;
});

const log = pino({ level: 'silent' });
const settings = { calendar: loadHolidayCalendar(), quietHours: { start: 21, end: 7 }, catchUpHours: 0 };
const clock = () => new Date('2026-12-07T08:30:10+07:00');

async function instance(
  url: string,
  job: Job,
): Promise<{ db: Db; coordination: Coordination; scheduler: ReturnType<typeof createScheduler> }> {
  const db = openDatabase(url);
  const coordination = (await openCoordination(db, () => undefined))!;
  cleanups.push(() => closeDatabase(db));
  const scheduler = createScheduler({ db, log, clock, jobs: [job], coordination, settings, outbox: { notify() {} } });
  return { db, coordination, scheduler };
}

describe.skipIf(!onPostgres)('scheduled jobs with several instances', () => {
  it('runs a slot once, and reruns it elsewhere when its instance died in the middle', async () => {
    dir = mkdtempSync(join(tmpdir(), 'daumoi-leases-'));
    const url = (await testDatabaseEnv(dir)).DATABASE_URL!;
    const runs: string[] = [];
    let hang!: () => void;
    const job = (name: string): Job => ({
      name: 'probe',
      cron: '0 0 1 1 *',
      run: () => {
        runs.push(name);
        return name === 'a' ? new Promise<void>((r) => (hang = r)) : Promise.resolve();
      },
    });
    const a = await instance(url, job('a'));
    const b = await instance(url, job('b'));
    const first = a.scheduler.tick('probe');
    await new Promise((r) => setTimeout(r, 100));
    expect(await b.scheduler.tick('probe')).toBe('skipped');

    // Instance a dies: PostgreSQL ends its session, and with it the lock that said its run was alive.
    await a.coordination.close();
    await b.scheduler.start();
    cleanups.push(() => b.scheduler.stop());
    cleanups.push(() => b.coordination.close());
    expect(runs).toEqual(['a', 'b']);
    expect(await b.scheduler.tick('probe')).toBe('skipped');
    hang();
    await first.catch(() => undefined);
  });
});
