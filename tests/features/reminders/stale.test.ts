import { afterEach, describe, expect, it } from 'vitest';
import { listOutgoing } from '../../../src/db/index.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { at, bindTestGroup, jobContext, submitReport } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const duty = { network: 'cam-thanh', duty: 'bao-cao-hang-nam' };
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Cẩm Thành's justice and finance officers (neither has submitted) and the network's group. */
async function camThanh() {
  t = await createTestApp({ now: at('2026-12-01T09:00:00+07:00') });
  const ids = {
    justice: await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Nguyễn Văn Pháp'),
    finance: await t.registerOfficer('taichinh', 'cam-thanh', 'cong-chuc-tai-chinh', 'Lê Văn Tài'),
  };
  await bindTestGroup(t, 'cam-thanh', 'g-camthanh', 'Nhóm Cẩm Thành');
  return ids;
}

/** The outbox sender's pass at `now`, as after a start-up. */
async function sendAt(app: TestApp, now: string): Promise<void> {
  app.clock.now = at(now);
  const sender = app.app.senders[0]!;
  await sender.drainOnce();
  await sender.settle();
}

const rowsOf = async (app: TestApp, chat: string) =>
  (await listOutgoing(app.app.db, 'console')).filter((r) => r.chatId === chat);

describe('reminders queued before a downtime', () => {
  it('drops the 7-day reminder still queued after the deadline: officer and group get only the overdue one', async () => {
    await camThanh();
    // Queued at the 7-day step, then the bot is down (nothing sent) until the morning after the deadline.
    expect(await runReminders(jobContext(t!, at('2026-12-07T08:00:00+07:00')))).toHaveLength(3);
    t!.clock.now = at('2026-12-14T08:00:00+07:00');
    await runReminders(jobContext(t!, t!.clock.now));
    await sendAt(t!, '2026-12-14T08:00:00+07:00');

    for (const chat of ['tuphap', 'g-camthanh']) {
      const rows = await rowsOf(t!, chat);
      const sent = rows.filter((r) => r.status === 'sent').map((r) => r.text);
      expect(sent).toEqual([expect.stringContaining('đã quá hạn 1 ngày')]);
      expect(sent.join()).not.toContain('còn 7 ngày');
      // Kept for the record, marked, never sent.
      expect(rows.find((r) => r.idemKey.endsWith(':d-7'))!.status).toBe('dropped');
    }
    expect(t!.logs.some((l) => l.msg === 'outgoing message dropped' && l.reason === 'overtaken')).toBe(true);
  });

  it('does not send a queued reminder to an agency that submitted meanwhile, though no job ran since', async () => {
    const ids = await camThanh();
    // Queued in quiet hours for the next morning.
    await runReminders(jobContext(t!, at('2026-12-07T22:00:00+07:00')));
    await submitReport(t!, {
      ...duty,
      agency: 'cong-chuc-tu-phap',
      personId: ids.justice,
      when: at('2026-12-07T23:00:00+07:00'),
    });
    await sendAt(t!, '2026-12-08T08:00:00+07:00');
    expect((await rowsOf(t!, 'tuphap')).map((r) => r.status)).toEqual(['dropped']);
    expect((await rowsOf(t!, 'taichinh')).map((r) => r.status)).toEqual(['sent']);
    expect((await rowsOf(t!, 'g-camthanh')).map((r) => r.status)).toEqual(['sent']);
    expect(t!.logs.some((l) => l.msg === 'outgoing message dropped' && l.reason === 'submitted')).toBe(true);
  });

  it('drops a group reminder once every agency it lists as missing has submitted', async () => {
    const ids = await camThanh();
    const queued = await runReminders(jobContext(t!, at('2026-12-07T22:00:00+07:00')));
    const group = queued.find((r) => r.kind === 'group')!;
    expect(group.message.text).toContain('chưa nộp');
    // Every agency the group message names submits before the morning.
    const missing = [
      'ban-tuyen-giao',
      'cong-chuc-van-phong',
      'cong-chuc-tu-phap',
      'cong-chuc-tai-chinh',
      'ban-nganh-xa',
    ];
    for (const agency of missing)
      await submitReport(t!, { ...duty, agency, personId: ids.justice, when: at('2026-12-07T23:00:00+07:00') });
    await sendAt(t!, '2026-12-08T08:00:00+07:00');
    expect((await rowsOf(t!, 'g-camthanh')).map((r) => r.status)).toEqual(['dropped']);
  });
});
