import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutgoing } from '../../../src/db/index.js';
import type { PlannedReminder } from '../../../src/features/reminders/messages.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { at, bindTestGroup, jobContext, makeLeader, submitReport } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const duty = { network: 'cam-thanh', duty: 'bao-cao-hang-nam' };
const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-reminders-'));
});
afterEach(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Cẩm Thành's officers, a leader and a bound group; the culture official (VHXH) has submitted, justice and finance have not. */
async function camThanh(now = at('2026-12-01T09:00:00+07:00')) {
  t = await createTestApp({ dir, now });
  const ids = {
    justice: await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Nguyễn Văn Pháp'),
    culture: await t.registerOfficer('vhxh', 'cam-thanh', 'cong-chuc-vhxh', 'Trần Thị Hóa'),
    finance: await t.registerOfficer('taichinh', 'cam-thanh', 'cong-chuc-tai-chinh', 'Lê Văn Tài'),
    leader: await makeLeader(t, 'chutich', 'cam-thanh'),
  };
  await bindTestGroup(t, 'cam-thanh', 'g-camthanh', 'Nhóm Cẩm Thành');
  await submitReport(t, {
    ...duty,
    agency: 'cong-chuc-vhxh',
    personId: ids.culture,
    when: at('2026-12-05T10:00:00+07:00'),
  });
  return ids;
}

async function restart(): Promise<void> {
  await t.close();
  t = await createTestApp({ dir, now: t.clock.now });
}

/** Every half-hour tick from 07:00 to 20:30 of each day, as the scheduler runs them. */
function* ticks(from: string, days: number): Generator<Date> {
  const start = at(`${from}T07:00:00+07:00`).getTime();
  for (let day = 0; day < days; day++) {
    for (let slot = 0; slot < 28; slot++) yield new Date(start + day * 86_400_000 + slot * 1_800_000);
  }
}

const sentTo = (log: { at: Date; r: PlannedReminder }[], chat: string) =>
  log.filter((e) => e.r.message.chatId === chat).map((e) => `${e.r.key.step} ${vn(e.at)}`);

describe('deadline reminders over a reporting cycle', () => {
  it('reminds only agencies that have not submitted, once per step, across a restart, and the leaders the morning after', async () => {
    const ids = await camThanh();
    const financeSubmits = at('2026-12-14T07:10:00+07:00');
    const log: { at: Date; r: PlannedReminder }[] = [];
    for (const now of ticks('2026-12-01', 22)) {
      if (now.getTime() === at('2026-12-10T21:00:00+07:00').getTime() - 1_800_000) await restart();
      if (now >= financeSubmits && !log.some((e) => e.r.key.step === 'late-submitted')) {
        await submitReport(t, {
          ...duty,
          agency: 'cong-chuc-tai-chinh',
          personId: ids.finance,
          when: financeSubmits,
          late: true,
        });
        log.push({ at: now, r: { key: { step: 'late-submitted' }, message: { chatId: '' } } as PlannedReminder });
      }
      t.clock.now = now;
      for (const r of await runReminders(jobContext(t, now))) log.push({ at: now, r });
    }

    expect(sentTo(log, 'tuphap')).toEqual([
      'd-7 2026-12-07 08:00',
      'd-3 2026-12-10 08:00',
      'd0 2026-12-11 08:00',
      'd+1 2026-12-14 08:00',
      'd+3 2026-12-16 08:00',
      'd+7 2026-12-21 08:00',
    ]);
    expect(sentTo(log, 'taichinh')).toEqual(['d-7 2026-12-07 08:00', 'd-3 2026-12-10 08:00', 'd0 2026-12-11 08:00']);
    expect(sentTo(log, 'vhxh')).toEqual([]);
    expect(sentTo(log, 'g-camthanh')).toHaveLength(6);
    expect(sentTo(log, 'chutich')).toEqual(['digest 2026-12-14 08:00']);

    const texts = await listOutgoing(t.app.db, 'console');
    const byStep = (chat: string, step: string) =>
      texts.find((m) => m.chatId === chat && m.idemKey.endsWith(`:${step}`))!.text;
    expect(byStep('tuphap', 'd0')).toContain('Hạn nộp: Chủ nhật, 13/12/2026 - còn 2 ngày.');
    expect(byStep('tuphap', 'd+1')).toContain('đã quá hạn 1 ngày');
    expect(byStep('tuphap', 'd+1')).not.toContain('là Chủ nhật');
    expect(byStep('g-camthanh', 'd0')).toContain('Còn 5/5 đơn vị chưa nộp:');
    expect(byStep('g-camthanh', 'd+1')).toContain('Còn 4/5 đơn vị chưa nộp:');
    // The culture-society official receives the reports: never listed as missing, never reminded.
    expect(byStep('g-camthanh', 'd0')).not.toContain('Văn hóa - xã hội');
    expect(byStep('g-camthanh', 'd+1')).not.toContain('- Công chức Tài chính - Kế toán');
    expect(byStep('chutich', 'digest')).toContain('Đã nộp: 1/5 đơn vị (đúng hạn: 0, nộp muộn: 1).');
    expect(byStep('chutich', 'digest')).toContain('Chưa nộp (4):');
    expect(new Set(texts.map((m) => m.idemKey)).size).toBe(texts.length);
    expect(texts).toHaveLength(6 + 3 + 6 + 1);
  });

  it('sends nothing on a second run at the same time, before or after a restart', async () => {
    await camThanh();
    const now = at('2026-12-07T08:30:00+07:00');
    expect(await runReminders(jobContext(t, now))).toHaveLength(3);
    expect(await runReminders(jobContext(t, now))).toEqual([]);
    await restart();
    const ctx = jobContext(t, now);
    expect(await runReminders(ctx)).toEqual([]);
    expect(ctx.notified()).toBe(0);
    expect(await listOutgoing(t.app.db, 'console')).toHaveLength(3);
  });

  it('holds a reminder due in quiet hours until the next working morning and counts days from then', async () => {
    await camThanh();
    const late = await runReminders(jobContext(t, at('2026-12-07T22:00:00+07:00')));
    expect(late.map((r) => [r.message.chatId, vn(r.message.notBefore!)])).toEqual([
      ['tuphap', '2026-12-08 08:00'],
      ['taichinh', '2026-12-08 08:00'],
      ['g-camthanh', '2026-12-08 08:00'],
    ]);
    expect(late[0]!.message.text).toContain('còn 5 ngày');
    const sender = t.app.senders[0]!;
    t.clock.now = at('2026-12-07T23:30:00+07:00');
    expect(await sender.drainOnce()).toBe(0);
    t.clock.now = at('2026-12-08T08:00:00+07:00');
    expect(await sender.drainOnce()).toBe(3);
  });

  it('does not send a step held over a weekend past the next step: the next step goes instead', async () => {
    await camThanh();
    // Saturday 07:30: d0 (Friday 08:00) is within the window, but could only go out Monday 08:00, when d+1 is due.
    expect(await runReminders(jobContext(t, at('2026-12-12T07:30:00+07:00')))).toEqual([]);
    const monday = await runReminders(jobContext(t, at('2026-12-14T08:00:00+07:00')));
    expect(new Set(monday.map((r) => r.key.step))).toEqual(new Set(['d+1', 'digest']));
  });

  it('skips officers on leave but still lists their agency in the group', async () => {
    await camThanh();
    const second = await t.registerOfficer('tuphap2', 'cam-thanh', 'cong-chuc-tu-phap', 'Phạm Thị Tư');
    expect(second).toBeGreaterThan(0);
    t.clock.now = at('2026-12-05T10:00:00+07:00');
    expect(await t.sayText('tuphap', '/tatnhac 10/12')).toContain('đến hết ngày Thứ Năm, 10/12/2026');
    expect(await t.sayText('taichinh', '/mute 20/12')).toContain('20/12/2026');

    const monday = await runReminders(jobContext(t, at('2026-12-07T08:30:00+07:00')));
    expect(monday.map((r) => r.message.chatId)).toEqual(['tuphap2', 'g-camthanh']);
    const group = monday.find((r) => r.kind === 'group')!.message.text;
    expect(group).toContain('- Công chức Tư pháp');
    expect(group).toContain('- Công chức Tài chính - Kế toán');

    const friday = await runReminders(jobContext(t, at('2026-12-11T08:30:00+07:00')));
    expect(friday.map((r) => r.message.chatId)).toEqual(['tuphap', 'tuphap2', 'g-camthanh']);

    t.clock.now = at('2026-12-12T10:00:00+07:00');
    expect(await t.sayText('taichinh', '/batnhac')).toBe('Đã bật lại nhắc hạn báo cáo.');
    const after = await runReminders(jobContext(t, at('2026-12-14T08:30:00+07:00')));
    expect(after.filter((r) => r.kind === 'officer').map((r) => r.message.chatId)).toContain('taichinh');
  });

  it('cancels a queued reminder that became moot when the agency submitted before it went out', async () => {
    const ids = await camThanh();
    await runReminders(jobContext(t, at('2026-12-07T22:00:00+07:00')));
    await submitReport(t, {
      ...duty,
      agency: 'cong-chuc-tu-phap',
      personId: ids.justice,
      when: at('2026-12-07T23:00:00+07:00'),
    });
    expect(await runReminders(jobContext(t, at('2026-12-08T07:00:00+07:00')))).toEqual([]);

    t.clock.now = at('2026-12-08T08:00:00+07:00');
    const sender = t.app.senders[0]!;
    await sender.drainOnce();
    await sender.settle();
    const rows = await listOutgoing(t.app.db, 'console');
    expect(rows.map((r) => [r.chatId, r.status])).toEqual([
      ['tuphap', 'cancelled'],
      ['taichinh', 'sent'],
      ['g-camthanh', 'sent'],
    ]);
  });
});
