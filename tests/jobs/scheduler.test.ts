import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutgoing } from '../../src/db/index.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { at, bindTestGroup, jobContext } from '../support/reminders.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let dir: string;
let t: TestApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-scheduler-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real app with its scheduler at `now` (start-up catch-up included). */
async function boot(now: string): Promise<TestApp> {
  await t?.close();
  t = await createTestApp({ dir, now: at(now), appOptions: { scheduler: true } });
  await t.app.start();
  return t;
}

async function seed(): Promise<void> {
  t = await createTestApp({ dir, now: at('2026-12-01T09:00:00+07:00') });
  await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap');
  await bindTestGroup(t, 'cam-thanh', 'g-camthanh', 'Nhóm Cẩm Thành');
}

const runs = (app: TestApp) => app.logs.filter((l) => l.msg === 'reminders run').length;
const cronTask = () => [...cron.getTasks().values()].find((task) => task.name === 'reminders');

describe('scheduler', () => {
  it('schedules the reminder job every half hour in Vietnam time and removes it on stop', async () => {
    await seed();
    const app = await boot('2026-12-01T10:05:00+07:00');
    expect(cronTask()?.getPattern()).toBe('*/30 7-20 * * *');
    await app.close();
    t = undefined;
    expect(cronTask()).toBeUndefined();
  });

  it('at start-up runs the latest slot missed while down once, and never a slot that already ran', async () => {
    await seed();
    let app = await boot('2026-12-07T07:30:20+07:00');
    expect(runs(app)).toBe(1); // catch-up of the 07:30 slot: nothing due yet (the step is at 08:00)
    expect(await app.app.scheduler!.tick('reminders')).toBe('skipped');
    expect(await listOutgoing(app.app.db, 'console')).toEqual([]);

    // Down from 07:45 to 14:10: the 08:00 ... 14:00 slots were missed; the 14:00 one runs once at start-up.
    app = await boot('2026-12-07T14:10:00+07:00');
    expect(runs(app)).toBe(1);
    expect((await listOutgoing(app.app.db, 'console')).map((r) => r.chatId)).toEqual(['tuphap', 'g-camthanh']);

    app = await boot('2026-12-07T14:20:00+07:00');
    expect(runs(app)).toBe(0);
    expect(await listOutgoing(app.app.db, 'console')).toHaveLength(2);
  });

  it('does not send reminders older than the catch-up window after a long downtime', async () => {
    await seed();
    const app = await boot('2026-12-08T09:00:00+07:00'); // the 7-day step was 25 hours ago
    expect(runs(app)).toBe(1);
    expect(await listOutgoing(app.app.db, 'console')).toEqual([]);
  });

  it('gives a failed slot back so it runs again, and logs why', async () => {
    await seed();
    const ctx = jobContext(t!, at('2026-12-07T08:00:00+07:00'));
    let fail = true;
    const job = {
      name: 'flaky',
      cron: '*/30 7-20 * * *',
      run: async () => {
        if (fail) throw new Error('database busy');
      },
    };
    const scheduler = createScheduler({ ...ctx, clock: () => ctx.now, jobs: [job] });
    expect(await scheduler.tick('flaky')).toBe('failed');
    expect(t!.logs.some((l) => l.msg === 'job failed' && l.job === 'flaky')).toBe(true);
    fail = false;
    expect(await scheduler.tick('flaky')).toBe('ran');
    expect(await scheduler.tick('flaky')).toBe('skipped');
  });
});
