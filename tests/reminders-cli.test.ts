import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOutgoing, listOutgoing } from '../db/index.js';
import { runCli } from '../src/cli.js';
import { at, bindTestGroup, submitReport } from './helpers/reminders.js';
import { createTestApp } from './helpers/test-app.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-remind-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Cẩm Thành with its justice official (not submitted) and its culture official (submitted), and a bound group. */
async function seedCamThanh(): Promise<void> {
  const t = await createTestApp({ dir, now: at('2026-12-01T09:00:00+07:00') });
  await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Nguyễn Văn Pháp');
  const culture = await t.registerOfficer('vhxh', 'cam-thanh', 'cong-chuc-vhxh', 'Trần Thị Hóa');
  await bindTestGroup(t, 'cam-thanh', 'g-camthanh', 'Mạng lưới TTCS xã Cẩm Thành');
  await submitReport(t, { network: 'cam-thanh', duty: 'bao-cao-hang-nam', agency: 'cong-chuc-vhxh', personId: culture, when: at('2026-12-05T10:00:00+07:00') });
  await t.close();
}

async function remind(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_PATH: join(dir, 'test.db') };
  const code = await runCli(['remind', ...args], { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('daumoi remind', () => {
  it('--dry-run lists the 7-day reminder moved from Sunday 6/12 to Monday morning, flags the Sunday deadline, writes nothing', async () => {
    await seedCamThanh();
    const { code, out } = await remind('--now', '2026-12-07T08:30:00+07:00', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('Nhắc hạn tính tại Thứ Hai, 07/12/2026 08:30 (chạy thử, không gửi, không ghi)');
    expect(out).toContain('[cán bộ] Công chức Tư pháp · Nguyễn Văn Pháp · console:tuphap · d-7');
    expect(out).toContain('[nhóm] Mạng lưới TTCS xã Cẩm Thành · console:g-camthanh · d-7');
    expect(out).toContain('Hạn nộp: Chủ nhật, 13/12/2026 - còn 6 ngày.');
    expect(out).toContain('13/12/2026 là Chủ nhật');
    expect(out).toContain('Gõ /baocao');
    expect(out).toContain('Còn 5/6 đơn vị chưa nộp:');
    expect(out).not.toContain('Trần Thị Hóa');
    expect(out).not.toMatch(/- Công chức Văn hóa - xã hội/);
    expect(out).toContain('Tổng cộng 2 tin sẽ được gửi.');

    const t = await createTestApp({ dir });
    expect(await countOutgoing(t.app.db)).toEqual({});
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
    await sender.drainOnce();
    await sender.settle();
    const rows = await listOutgoing(t.app.db, 'console');
    expect(rows.map((r) => [r.chatId, r.status])).toEqual([['tuphap', 'sent'], ['g-camthanh', 'sent']]);
    expect(rows.some((r) => r.chatId === 'vhxh')).toBe(false);
    await t.close();
  });

  it('rejects a time it cannot read', async () => {
    const { code, err } = await remind('--now', 'hôm qua');
    expect(code).toBe(2);
    expect(err).toContain('Thời điểm không hợp lệ');
  });
});
