import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, listOutgoing } from '../../../src/db/index.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { at, jobContext, makeLeader } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// The leaders' digest (the morning after the deadline, 14/12/2026 for Cẩm Thành) names the agencies invited a
// week or more before and still without an officer.

let t: TestApp;
afterEach(async () => t?.close());

async function invite(slug: string, when: string): Promise<void> {
  t.clock.now = at(when);
  const agency = (await findAgencyBySlug(t.app.db, 'cam-thanh', slug))!;
  expect(await t.sayText('admin', `/moi #${agency.id}`)).toContain(agency.name);
}

describe('the digest and the invitations', () => {
  it('names the agencies invited a week before that have not joined, not the newly invited nor the joined', async () => {
    t = await createTestApp({ now: at('2026-12-01T09:00:00+07:00') });
    await makeLeader(t, 'chutich', 'cam-thanh');
    await invite('cong-chuc-tu-phap', '2026-12-02T09:00:00+07:00');
    await invite('cong-chuc-van-phong', '2026-12-03T09:00:00+07:00');
    await t.registerOfficer('vanphong', 'cam-thanh', 'cong-chuc-van-phong');
    await invite('cong-chuc-tai-chinh', '2026-12-12T09:00:00+07:00');
    const digestAt = at('2026-12-14T08:00:00+07:00');
    t.clock.now = digestAt;
    await runReminders(jobContext(t, digestAt));
    const digest = (await listOutgoing(t.app.db, 'console')).find((m) => m.chatId === 'chutich')!.text;
    expect(digest).toContain(
      'Đã mời quá 7 ngày mà chưa tham gia (1):\n- Công chức Tư pháp\nGửi lại mã mời: /moi tatca.',
    );
  });

  it('says nothing about invitations when every invited agency joined', async () => {
    t = await createTestApp({ now: at('2026-12-01T09:00:00+07:00') });
    await makeLeader(t, 'chutich', 'cam-thanh');
    await invite('cong-chuc-tu-phap', '2026-12-02T09:00:00+07:00');
    await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap');
    const digestAt = at('2026-12-14T08:00:00+07:00');
    t.clock.now = digestAt;
    await runReminders(jobContext(t, digestAt));
    const digest = (await listOutgoing(t.app.db, 'console')).find((m) => m.chatId === 'chutich')!.text;
    expect(digest).toContain('Tổng hợp sau hạn');
    expect(digest).not.toContain('Đã mời');
  });
});
