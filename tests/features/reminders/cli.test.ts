import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutgoing } from '../../../src/db/index.js';
import { runCli } from '../../../src/cli.js';
import { at, bindTestGroup } from '../../support/reminders.js';
import { ALL_ANSWERS, chatAs, sendAll, textOf } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { testDatabaseEnv } from '../../support/test-db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-remind-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Cẩm Thành: the justice official submits the yearly report through /baocao; the finance official has not.
 * (The culture-society official receives the reports, so is not asked for one.)
 */
async function seedCamThanh(): Promise<void> {
  const t = await createTestApp({ dir, now: at('2026-12-04T09:00:00+07:00') });
  await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Nguyễn Văn Pháp');
  await t.registerOfficer('taichinh', 'cam-thanh', 'cong-chuc-tai-chinh', 'Lê Văn Tài');
  await bindTestGroup(t, 'cam-thanh', 'g-camthanh', 'Mạng lưới TTCS xã Cẩm Thành');
  const send = chatAs(t, 'tuphap');
  await sendAll(send, ['/baocao', ...ALL_ANSWERS]);
  expect(textOf(await send('Nộp báo cáo'))).toContain('Đã nộp báo cáo năm 2026 của Công chức Tư pháp.');
  await t.close();
}

const reminderRows = async (t: TestApp) =>
  (await listOutgoing(t.app.db, 'console')).filter((r) => r.idemKey.startsWith('reminder:'));

async function remind(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // The app's own database: its SQLite file, or its PostgreSQL database under `npm run test:pg`.
  const env = { DATABASE_PATH: join(dir, 'test.db'), ...(await testDatabaseEnv(dir)) };
  const code = await runCli(['remind', ...args], { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('daumoi remind', () => {
  it('--dry-run lists the 7-day reminder moved from Sunday 6/12 to Monday morning, flags the Sunday deadline, writes nothing', async () => {
    await seedCamThanh();
    const { code, out } = await remind('--now', '2026-12-07T08:30:00+07:00', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('Nhắc hạn tính tại Thứ Hai, 07/12/2026 08:30 (chạy thử, không gửi, không ghi)');
    expect(out).toContain('[cán bộ] Công chức Tài chính - Kế toán · Lê Văn Tài · console:taichinh · d-7');
    expect(out).toContain('[nhóm] Mạng lưới TTCS xã Cẩm Thành · console:g-camthanh · d-7');
    expect(out).toContain('Hạn nộp: Chủ nhật, 13/12/2026 - còn 6 ngày.');
    expect(out).toContain('13/12/2026 là Chủ nhật');
    expect(out).toContain('Gõ /baocao');
    expect(out).toContain('Còn 4/5 đơn vị chưa nộp:');
    expect(out).toContain('- Công chức Tài chính - Kế toán');
    expect(out).not.toContain('- Công chức Văn hóa - xã hội');
    expect(out).not.toContain('Nguyễn Văn Pháp');
    expect(out).not.toContain('- Công chức Tư pháp');
    expect(out).toContain('Tổng cộng 2 tin sẽ được gửi.');

    const t = await createTestApp({ dir });
    expect(await reminderRows(t)).toEqual([]);
    await t.close();
  });

  it('run for real twice queues each reminder once, to the missing agency and the group only', async () => {
    await seedCamThanh();
    const first = await remind('--now', '2026-12-07T08:30:00+07:00');
    expect(first.out).toContain('Đã xếp 2 tin vào hàng đợi gửi.');
    const second = await remind('--now', '2026-12-07T08:30:00+07:00');
    expect(second.out).toContain('Không có nhắc hạn nào đến lượt gửi.');

    // The running bot's sender delivers what the CLI queued.
    const t = await createTestApp({ dir, now: at('2026-12-07T08:31:00+07:00') });
    const sender = t.app.senders.find(() => true)!;
    // The group also has the justice official's submission notice queued: one message per second per chat.
    for (const second of [0, 2]) {
      t.clock.now = new Date(at('2026-12-07T08:31:00+07:00').getTime() + second * 1000);
      await sender.drainOnce();
      await sender.settle();
    }
    const rows = await reminderRows(t);
    expect(rows.map((r) => [r.chatId, r.status])).toEqual([
      ['taichinh', 'sent'],
      ['g-camthanh', 'sent'],
    ]);
    await t.close();
  });

  it('rejects a time it cannot read', async () => {
    const { code, err } = await remind('--now', 'hôm qua');
    expect(code).toBe(2);
    expect(err).toContain('Thời điểm không hợp lệ');
  });
});
