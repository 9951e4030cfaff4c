import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, findAgencyBySlug, insertActiveMembership } from '../../../src/db/index.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';
import { at, jobContext } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');

async function zaloOfficer(app: TestApp, userId: string, agencySlug: string): Promise<void> {
  const actor = await ensureActor(app.app.db, { platform: 'zalo', userId, name: userId, privateChatId: userId }, []);
  const agency = (await findAgencyBySlug(app.app.db, 'cam-thanh', agencySlug))!;
  await insertActiveMembership(app.app.db, {
    personId: actor.personId,
    networkId: 'cam-thanh',
    agencyId: agency.id,
    decidedBy: null,
    at: app.clock.now,
  });
}

describe('deadline reminders to Zalo officers', () => {
  it('go privately on Zalo, and to Zalo for a linked officer who chose it', async () => {
    const zalo = await startFakeZalo({ longPollCapMs: 200 });
    fake = zalo;
    t = await createTestApp({
      now: at('2026-12-07T08:30:00+07:00'),
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot },
      appOptions: { pollTimeoutSec: 1 },
    });
    await t.app.start();
    await zaloOfficer(t, 'z-tuphap', 'cong-chuc-tu-phap');
    await t.registerOfficer('taichinh', 'cam-thanh', 'cong-chuc-tai-chinh');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(await t.sayText('taichinh', '/lienket'))![1]!;
    const [ask] = await t.say('z-taichinh', `/lienket ${code}`, { platform: 'zalo' });
    const confirm = ask!.choices![0]!.id;
    expect(await t.sayText('z-taichinh', '', { platform: 'zalo', choice: confirm })).toContain('Đã liên kết');
    expect(await t.sayText('z-taichinh', '/lienket nhan zalo', { platform: 'zalo' })).toContain('gửi qua Zalo');

    const queued = await runReminders(jobContext(t, t.clock.now));
    expect(
      queued
        .filter((r) => r.message.platform === 'zalo')
        .map((r) => r.message.chatId)
        .sort(),
    ).toEqual(['z-taichinh', 'z-tuphap']);
    expect(queued.some((r) => r.message.chatId === 'taichinh')).toBe(false);
    for (const sender of t.app.senders) sender.notify();
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'z-tuphap', 5000);
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'z-taichinh', 5000);
    expect(textOf(zalo.sentTo('z-tuphap')[0]!)).toContain('/baocao');
  });
});
