import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindGroup,
  closeDatabase,
  enqueueOutgoing,
  ensureActor,
  findAgencyBySlug,
  importPlan,
  insertActiveMembership,
  markInboundHandled,
  recordInbound,
} from '../../src/db/index.js';
import { parsePlan } from '../../src/plans/parse.js';
import { killHard, startBotProcess, until } from '../support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { startFakeZalo } from '../support/fake-zalo.js';
import { CLOSING, OPENING, TASK_ANSWERS } from '../support/report-chat.js';
import { sqlGet } from '../support/sql.js';
import { createTestApp } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-db.js';
import type { Env } from '../../src/config.js';

let fake: FakeTelegram | undefined;
const children: ReturnType<typeof startBotProcess>[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await killHard(child);
  await fake?.close();
  fake = undefined;
});

function delivered(f: FakeTelegram): string[] {
  return f
    .callsOf('sendMessage')
    .filter((c) => c.status === 200)
    .map((c) => String(c.params.text));
}

describe('faults: the bot process killed with SIGKILL', () => {
  it('loses nothing and sends nothing twice when killed in the middle of a fan-out', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const { db, env: dbEnv } = await openTestDatabase(mkdtempSync(join(tmpdir(), 'daumoi-fault-')));
    const total = 120;
    await enqueueOutgoing(
      db,
      Array.from({ length: total }, (_, i) => ({
        platform: 'telegram',
        chatId: String(700_000 + i),
        isGroup: false,
        text: `Nhắc hạn báo cáo #${i}`,
        idemKey: `fanout:${i}`,
      })),
      new Date(),
    );
    await closeDatabase(db);
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...dbEnv };

    const first = startBotProcess(env);
    children.push(first);
    await until(() => delivered(fake!).length >= 40, 20_000, 'first 40 messages');
    // Telegram says "slow down": the sender pauses; kill it while it waits.
    fake.failRate({ p429: 1, p500: 0, retryAfter: 5 });
    await new Promise((r) => setTimeout(r, 300));
    await killHard(first);
    const beforeKill = delivered(fake).length;
    fake.failRate(null);

    children.push(startBotProcess(env));
    await until(() => delivered(fake!).length >= total, 30_000, 'every message');
    await new Promise((r) => setTimeout(r, 300));
    const texts = delivered(fake);
    expect(beforeKill).toBeLessThan(total);
    expect(new Set(texts).size).toBe(total);
    expect(texts).toHaveLength(total);
  });

  it('continues a conversation exactly where the user was after a SIGKILL', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const { db, env: dbEnv } = await openTestDatabase(mkdtempSync(join(tmpdir(), 'daumoi-fault-')));
    const parsed = parsePlan(readFileSync('plans/vinh-phuc.yaml', 'utf8'), 'vinh-phuc.yaml');
    if (!parsed.ok) throw new Error('shipped plan must parse');
    await importPlan(db, parsed.plan, null, new Date());
    const officer = await ensureActor(
      db,
      { platform: 'telegram', userId: '901', name: 'Cán bộ A', privateChatId: '901' },
      [],
    );
    const agency = await findAgencyBySlug(db, 'vinh-phuc', 'so-tu-phap');
    await insertActiveMembership(db, {
      personId: officer.personId,
      networkId: 'vinh-phuc',
      agencyId: agency!.id,
      decidedBy: null,
      at: new Date(),
    });
    await closeDatabase(db);
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...dbEnv };
    const repliesTo901 = () => fake!.sentTo(901).map((c) => String(c.params.text));

    const first = startBotProcess(env);
    children.push(first);
    fake.pushUpdate(fake.privateText(901, '/ghinhan'));
    await until(() => repliesTo901().some((t) => t.includes('loại hoạt động')), 20_000, 'the type question');
    await killHard(first);

    children.push(startBotProcess(env));
    fake.pushUpdate(fake.privateText(901, 'Họp báo'));
    await until(() => repliesTo901().some((t) => t.includes('ngày nào')), 20_000, 'the date question after restart');
    expect(repliesTo901().filter((t) => t.includes('loại hoạt động'))).toHaveLength(1);
  });

  it('keeps every answer of a report and submits it once when killed after saving an answer and after submitting', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-fault-'));
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...(await seedCamThanh(dir)) };
    const replies = () => fake!.sentTo(902).map((c) => String(c.params.text));
    /** Types a message and waits for the bot's next answer, which must contain `expected`. */
    const type = async (text: string, expected: string) => {
      const before = replies().length;
      fake!.pushUpdate(fake!.privateText(902, text));
      await until(() => replies().length > before, 20_000, `the answer to "${text}"`);
      expect(replies().slice(before).join('\n')).toContain(expected);
    };
    /** Types a message whose answer gets stuck on the way out, and kills the bot once its work is committed. */
    const typeAndKill = async (child: ReturnType<typeof startBotProcess>, text: string) => {
      fake!.failNext('sendMessage', { delayMs: 60_000 });
      const before = fake!.calls.length;
      const stuck = () => fake!.calls.slice(before).some((c) => c.method === 'sendMessage' && c.status === undefined);
      fake!.pushUpdate(fake!.privateText(902, text));
      await until(stuck, 20_000, `the stuck answer to "${text}"`);
      await killHard(child);
    };

    let child = startBotProcess(env);
    children.push(child);
    await type('/baocao', 'Câu 1/16');
    await type('có', 'Câu 2/16');
    await type(OPENING[1]!, 'nhiệm vụ 1/11');
    for (const [i, answer] of TASK_ANSWERS.slice(0, 3).entries()) await type(answer, `nhiệm vụ ${i + 2}/11`);
    await typeAndKill(child, TASK_ANSWERS[3]!);
    const saved = (await reportRows(dir)).draft!;
    expect(saved).toMatchObject({ 'ke-hoach-nam': true, 'chi-dao': OPENING[1] });
    expect(Object.keys(saved['ket-qua-nhiem-vu'] as object)).toHaveLength(4);

    child = startBotProcess(env);
    children.push(child);
    // The answer is not applied twice: the officer is asked the fifth task, and answers it.
    await until(() => replies().some((t) => t.includes('nhiệm vụ 5/11')), 20_000, 'the fifth task after the restart');
    await type(TASK_ANSWERS[4]!, 'nhiệm vụ 6/11');
    expect((await reportRows(dir)).draft!['ket-qua-nhiem-vu']).toMatchObject({
      'nv-ii-4': { status: 'not-started' },
      'nv-ii-5': { status: 'done' },
    });
    for (const answer of TASK_ANSWERS.slice(5)) await type(answer, '');
    for (const answer of CLOSING) await type(answer, '');
    // The preview comes in several messages after the last answer's first reply: the last one carries the buttons.
    await until(() => replies().some((t) => t.startsWith('XEM TRƯỚC BÁO CÁO')), 20_000, 'the preview');
    await until(
      () => JSON.stringify(fake!.sentTo(902).at(-1)?.params.reply_markup ?? '').includes('Nộp báo cáo'),
      20_000,
      'the preview buttons',
    );
    await typeAndKill(child, 'Nộp báo cáo');
    expect(await reportRows(dir)).toMatchObject({ submissions: 1, notices: 1 });

    children.push(startBotProcess(env));
    await until(() => replies().some((t) => t.includes('Số tiếp nhận')), 20_000, 'the receipt after the restart');
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
    expect(await reportRows(dir)).toMatchObject({ submissions: 1, notices: 1, draft: undefined });
    expect(replies().filter((t) => t.includes('Số tiếp nhận'))).toHaveLength(1);
    expect(replies().filter((t) => t.includes('nhiệm vụ 5/11'))).toHaveLength(1);
  }, 60_000);
});

describe('faults: a message handled just before a crash', () => {
  it('on Zalo, sends the kept replies after the restart instead of handling the message again', async () => {
    const zalo = await startFakeZalo({ longPollCapMs: 200 });
    const t = await createTestApp({
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot },
      appOptions: { pollTimeoutSec: 1 },
    });
    try {
      const update = zalo.privateText('u9', 'Chưa thực hiện');
      await recordInbound(t.app.db, 'zalo', update.message.message_id, update, t.clock.now);
      const replies = [{ text: 'Câu 3/16 · nhiệm vụ 5/11', choices: [{ id: 'st:done', label: 'Đã hoàn thành' }] }];
      await markInboundHandled(t.app.db, 'zalo', update.message.message_id, { chatId: 'u9', replies });
      await t.app.start();
      await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'u9', 5000);
      await new Promise((r) => setTimeout(r, 200));
      expect(zalo.sentTo('u9').map((c) => String(c.params.text))).toEqual([expect.stringContaining('nhiệm vụ 5/11')]);
      const row = await sqlGet<{ status: string }>(
        t.app.db,
        "SELECT status FROM inbound_updates WHERE platform = 'zalo'",
      );
      expect(row!.status).toBe('done');
    } finally {
      await t.close();
      await zalo.close();
    }
  });
});

/** Cẩm Thành's justice official (Telegram user 902) with the shipped plan, and one group of the network. */
async function seedCamThanh(dir: string): Promise<Env> {
  const { db, env } = await openTestDatabase(dir);
  const parsed = parsePlan(readFileSync('plans/cam-thanh.yaml', 'utf8'), 'cam-thanh.yaml');
  if (!parsed.ok) throw new Error('shipped plan must parse');
  await importPlan(db, parsed.plan, null, new Date());
  const officer = await ensureActor(
    db,
    { platform: 'telegram', userId: '902', name: 'Lê Thị Tư Pháp', privateChatId: '902' },
    [],
  );
  const agency = await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-tu-phap');
  await insertActiveMembership(db, {
    personId: officer.personId,
    networkId: 'cam-thanh',
    agencyId: agency!.id,
    decidedBy: null,
    at: new Date(),
  });
  await bindGroup(
    db,
    { platform: 'telegram', chatId: '-100902', networkId: 'cam-thanh', title: 'Mạng lưới Cẩm Thành' },
    officer.personId,
    new Date(),
  );
  await closeDatabase(db);
  return env;
}

/** Reads the report's rows from the database while no bot runs. */
async function reportRows(dir: string) {
  const { db } = await openTestDatabase(dir);
  try {
    const draft = await sqlGet<{ answers: string }>(db, 'SELECT answers FROM report_drafts');
    const count = async (sql: string) => (await sqlGet<{ n: number }>(db, sql))!.n;
    return {
      draft: draft ? (JSON.parse(draft.answers) as Record<string, unknown>) : undefined,
      submissions: await count('SELECT count(*) AS n FROM submissions'),
      notices: await count("SELECT count(*) AS n FROM outbox WHERE idem_key LIKE 'report-submitted:%'"),
    };
  } finally {
    await closeDatabase(db);
  }
}
