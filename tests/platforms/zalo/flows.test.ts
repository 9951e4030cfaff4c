import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, listActivities } from '../../../src/db/index.js';
import { startFakeZalo, type FakeZalo, type ZaloTestUpdate } from '../../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// The end-to-end flow that works on Telegram, in a Zalo private chat: onboarding, tasks, activity log.

const SECRET = 'zalo_flow_secret_1';
const USER = 'a1b2c3d4e5f6';
let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  fake?.assertNoUnknownMethods();
  await fake?.close();
  fake = undefined;
});

type Deliver = (update: ZaloTestUpdate) => Promise<void>;

async function startBot(mode: 'polling' | 'webhook'): Promise<{ zalo: FakeZalo; app: TestApp; deliver: Deliver }> {
  const zalo = await startFakeZalo({ longPollCapMs: 200 });
  fake = zalo;
  const webhook =
    mode === 'webhook' ? { ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/webhook', ZALO_WEBHOOK_SECRET: SECRET } : {};
  const app = await createTestApp({
    env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ...webhook },
    appOptions: { pollTimeoutSec: 1 },
  });
  t = app;
  await app.app.start();
  const url = `http://127.0.0.1:${app.app.port}/zalo/webhook`;
  const deliver: Deliver =
    mode === 'polling'
      ? async (update) => void zalo.pushUpdate(update)
      : async (update) => expect(await zalo.deliverWebhook(url, update, SECRET)).toBe(200);
  return { zalo, app, deliver };
}

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');

/** Sends one message and returns every text the bot sent back, once a reply contains `until`. */
async function ask(zalo: FakeZalo, deliver: Deliver, update: ZaloTestUpdate, until: string): Promise<string> {
  const mark = zalo.calls.length;
  await deliver(update);
  const mine = (c: { method: string; params: Record<string, unknown> }) =>
    zalo.calls.indexOf(c as never) >= mark && c.method === 'sendMessage' && c.params.chat_id === USER;
  await zalo.waitFor((c) => mine(c) && textOf(c).includes(until), 5000);
  const texts = zalo.calls.filter((c) => mine(c) && c.status === 200).map(textOf);
  for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
  return texts.join('\n');
}

async function onboardingTasksAndLog(mode: 'polling' | 'webhook'): Promise<void> {
  const { zalo, app, deliver } = await startBot(mode);
  const say = (text: string, until: string) =>
    ask(zalo, deliver, zalo.privateText(USER, text, 'Nguyễn Thị Lan'), until);
  const code = /: ([A-Z0-9]{8})\n/.exec(await app.sayText('admin', '/moi Sở Tư pháp Vĩnh Phúc'))![1]!;

  expect(await say(`/dangky ${code}`, 'Đăng ký thành công')).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
  const tasks = await say('nhiệm vụ của tôi', '/timkiem');
  expect([...tasks.matchAll(/^\d+\. Mục (\S+) /gm)].map((m) => m[1])).toEqual([
    '4.a',
    '4.b',
    '1.a',
    '1.b',
    '1.c',
    '1.d',
    '1.đ',
  ]);

  const echo = await say('/ghinhan họp báo hôm qua: Họp báo quý IV về học phí', 'Tôi hiểu như sau');
  expect(echo).toMatch(/\n1\. Lưu\n2\. /);
  expect(await say('1', 'Đã ghi nhận hoạt động #')).not.toContain('Tôi chưa hiểu');

  const photo = zalo.image(
    USER,
    'https://photo.zdn.vn/hop-bao.jpg',
    '/ghinhan tập huấn ngày 18/11/2026: Tập huấn phát ngôn',
  );
  expect(await ask(zalo, deliver, photo, 'Tôi hiểu như sau')).toContain('- Tệp đính kèm: 1 ảnh');
  await say('Lưu', 'Đã ghi nhận hoạt động #');
  expect(await say('/nhatky', 'Nhật ký hoạt động')).toContain('Tập huấn phát ngôn [1 tệp]');

  const officer = await ensureActor(app.app.db, { platform: 'zalo', userId: USER, name: 'Nguyễn Thị Lan' }, []);
  const saved = (await listActivities(app.app.db, { limit: 5, offset: 0 })).rows;
  expect(saved.map((a) => a.authorPersonId)).toEqual([officer.personId, officer.personId]);
  expect(saved.flatMap((a) => a.attachments)).toEqual([
    { kind: 'photo', fileId: 'https://photo.zdn.vn/hop-bao.jpg', platform: 'zalo' },
  ]);
}

describe('the Telegram flow in a Zalo private chat', () => {
  it('registers with an invite code, lists the tasks and logs activities by number and by label, over long polling', async () => {
    await onboardingTasksAndLog('polling');
  });

  it('does the same over the webhook', async () => {
    await onboardingTasksAndLog('webhook');
  });
});
