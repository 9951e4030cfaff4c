import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, findAgencyBySlug, grantRole, insertActiveMembership } from '../../../src/db/index.js';
import { startFakeZalo, type FakeZalo, type ZaloTestUpdate } from '../../support/fake-zalo.js';
import { ALL_ANSWERS } from '../../support/report-chat.js';
import { sqlGet } from '../../support/sql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// The yearly report, the leaders' status with its chart and the exports, in Zalo private chats.

const SECRET = 'zalo_report_secret';
const OFFICER = 'zl-tuphap';
const LEADER = 'zl-chutich';
const PUBLIC_URL = 'https://daumoi.example.vn';
let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  fake?.assertNoUnknownMethods();
  await fake?.close();
  fake = undefined;
});

type Mode = 'polling' | 'webhook';

async function startBot(mode: Mode) {
  const zalo = await startFakeZalo({ longPollCapMs: 200 });
  fake = zalo;
  const webhook =
    mode === 'webhook' ? { ZALO_WEBHOOK_URL: `${PUBLIC_URL}/zalo/webhook`, ZALO_WEBHOOK_SECRET: SECRET } : {};
  const app = await createTestApp({
    now: new Date('2026-11-21T09:00:00+07:00'),
    env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, PUBLIC_URL, ...webhook },
    appOptions: { pollTimeoutSec: 1 },
  });
  t = app;
  const db = app.app.db;
  const officer = await ensureActor(
    db,
    { platform: 'zalo', userId: OFFICER, name: 'Lê Thị Tư Pháp', privateChatId: OFFICER },
    [],
  );
  const agency = (await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-tu-phap'))!;
  await insertActiveMembership(db, {
    personId: officer.personId,
    networkId: 'cam-thanh',
    agencyId: agency.id,
    decidedBy: null,
    at: app.clock.now,
  });
  const leader = await ensureActor(
    db,
    { platform: 'zalo', userId: LEADER, name: 'Chủ tịch xã', privateChatId: LEADER },
    [],
  );
  await grantRole(db, {
    personId: leader.personId,
    networkId: 'cam-thanh',
    role: 'leader',
    actorPersonId: leader.personId,
    at: app.clock.now,
  });
  await app.app.start();
  const url = `http://127.0.0.1:${app.app.port}/zalo/webhook`;
  const deliver =
    mode === 'polling'
      ? async (update: ZaloTestUpdate) => void zalo.pushUpdate(update)
      : async (update: ZaloTestUpdate) => expect(await zalo.deliverWebhook(url, update, SECRET)).toBe(200);
  const local = (link: string) => link.replace(PUBLIC_URL, `http://127.0.0.1:${app.app.port}`);
  return { zalo, app, deliver, local };
}

/** Sends a message and waits until the bot has finished with it (the inbound row is done); returns the texts sent. */
async function chat(
  zalo: FakeZalo,
  app: TestApp,
  deliver: (u: ZaloTestUpdate) => Promise<void>,
  userId: string,
  text: string,
): Promise<string> {
  app.clock.now = new Date(app.clock.now.getTime() + 20_000);
  const mark = zalo.calls.length;
  const update = zalo.privateText(userId, text);
  await deliver(update);
  const status = async () =>
    (
      await sqlGet<{ status: string }>(
        app.app.db,
        "SELECT status FROM inbound_updates WHERE platform = 'zalo' AND update_key = ?",
        update.message.message_id,
      )
    )?.status;
  for (let i = 0; i < 250 && (await status()) !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const texts = zalo.calls
    .slice(mark)
    .filter((c) => c.method === 'sendMessage' && c.params.chat_id === userId && c.status === 200)
    .map((c) => String(c.params.text));
  for (const sent of texts) expect(sent.length).toBeLessThanOrEqual(2000);
  return texts.join('\n');
}

async function reportAndStatus(mode: Mode): Promise<void> {
  const { zalo, app, deliver, local } = await startBot(mode);
  const officer = (text: string) => chat(zalo, app, deliver, OFFICER, text);
  const leader = (text: string) => chat(zalo, app, deliver, LEADER, text);

  const first = await officer('/baocao');
  expect(first).toContain('Câu 1/16');
  expect(first).toMatch(/\n1\. Có\n2\. Không/);
  let last = await officer('1');
  for (const answer of ALL_ANSWERS.slice(1)) last = await officer(answer);
  expect(last).toContain('XEM TRƯỚC BÁO CÁO');
  const submit = /^(\d+)\. Nộp báo cáo$/m.exec(last)![1]!;
  expect(await officer(submit)).toContain('Số tiếp nhận: BC-2026-0001');

  const status = await leader('ai chưa nộp báo cáo?');
  expect(status).toContain('Công chức Tư pháp');
  const chart = /(https:\/\/daumoi\.example\.vn\/files\/\S+)/.exec(status)![1]!;
  const png = await fetch(local(chart));
  expect(png.headers.get('content-type')).toBe('image/png');
  expect(
    Buffer.from(await png.arrayBuffer())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  const exported = await leader('/xuat');
  const links = [...exported.matchAll(/https:\/\/daumoi\.example\.vn\/files\/\S+/g)].map((m) => m[0]);
  expect(links).toHaveLength(2);
  const types = await Promise.all(links.map(async (link) => (await fetch(local(link))).headers.get('content-type')));
  expect(types.sort()).toEqual([
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]);
}

describe('reports, status and exports on Zalo', () => {
  it('an officer submits the yearly report by numbers and text, and a leader gets the status chart and exports as links, over long polling', async () => {
    await reportAndStatus('polling');
  });

  it('does the same over the webhook', async () => {
    await reportAndStatus('webhook');
  });
});
