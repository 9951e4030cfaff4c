import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importText, invitationText } from '../../../src/messages/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlRun } from '../../support/sql.js';
import { communes, xlsx } from './sheets.js';

// The "done when" on the Telegram fake: an admin imports a 150-agency spreadsheet, runs /moi tatca, gets
// the workbook and the letters, three officers join with their codes, /tinhhinh thamgia shows 3/150, a second
// /moi tatca re-issues the other 147 and names the codes it replaced.

const ADMIN = 700;
const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

let fake: FakeTelegram;
let t: TestApp;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-invitations-'));
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    dir,
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: `telegram:${ADMIN}` },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
});

afterEach(async () => {
  await t.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pushes an update and waits for `count` messages from the bot in the chat. */
async function send(update: ReturnType<FakeTelegram['privateText']>, user = ADMIN, count = 1): Promise<RecordedCall[]> {
  const before = fake.sentTo(user).length;
  fake.pushUpdate(update);
  await fake.waitFor(() => fake.sentTo(user).length >= before + count, 20_000);
  return fake.sentTo(user).slice(before);
}
const textOf = (call: RecordedCall) => String(call.params.text ?? call.params.caption ?? '');
const fileOf = (call: RecordedCall) => call.files[0]!;

interface Row {
  agency: string;
  code: string;
  link: string;
  replaced: string;
}

async function workbookRows(data: Buffer): Promise<{ rows: Row[]; images: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n < 5) return;
    rows.push({
      agency: String(row.getCell(2).value),
      code: String(row.getCell(3).value),
      link: String(row.getCell(4).value),
      replaced: String(row.getCell(9).value ?? ''),
    });
  });
  return { rows, images: sheet.getImages().length };
}

async function letters(data: Buffer): Promise<{ text: string; pages: number; images: number }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  return {
    text,
    pages: (xml.match(/<w:sectPr/g) ?? []).length,
    images: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).length,
  };
}

async function inviteAll(): Promise<{
  summary: string;
  rows: Row[];
  images: number;
  letters: Awaited<ReturnType<typeof letters>>;
}> {
  const [summary, workbook, draft] = await send(fake.privateText(ADMIN, '/moi tatca tinh-moi'), ADMIN, 3);
  expect(workbook!.method).toBe('sendDocument');
  expect(fileOf(workbook!).fileName).toBe('moi-tinh-moi.xlsx');
  expect(fileOf(draft!).fileName).toBe('moi-tinh-moi.docx');
  const book = await workbookRows(fileOf(workbook!).data);
  return { summary: textOf(summary!), ...book, letters: await letters(fileOf(draft!).data) };
}

describe('/moi tatca', () => {
  it('invites a 150-agency network, three join, 3/150, a second run re-issues 147 and names what it replaced', async () => {
    await sqlRun(
      t.app.db,
      "INSERT INTO networks (id, name, level, active, updated_at) VALUES ('tinh-moi', 'Tỉnh Mới', 'province', TRUE, ?)",
      new Date(0),
    );
    const file = await xlsx([
      ['Sở Tư pháp', 'STP', '', 'Sở', 'Nguyễn Văn Luật', '0912345678', '@vanluat'],
      ...communes(149),
    ]);
    const [summary] = await send(fake.document(ADMIN, 'F1', 'tinh-moi.xlsx', { data: file, caption: 'tinh-moi' }));
    const markup = summary!.params.reply_markup;
    const keyboard = (typeof markup === 'string' ? JSON.parse(markup) : markup) as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const confirm = keyboard.inline_keyboard.flat()[0]!;
    expect(confirm.text).toBe(importText.confirm);
    await send(fake.callback(ADMIN, ADMIN, confirm.callback_data));

    const first = await inviteAll();
    expect(first.summary).toContain(invitationText.created(150, 'Tỉnh Mới', '21/12/2026'));
    expect(first.summary).not.toContain('Thay');
    expect(first.rows).toHaveLength(150);
    expect(first.images).toBe(150);
    expect(first.rows[0]).toMatchObject({
      agency: 'Sở Tư pháp',
      link: `https://t.me/daumoi_test_bot?start=${first.rows[0]!.code}`,
    });
    expect(new Set(first.rows.map((r) => r.code)).size).toBe(150);
    expect(first.letters.pages).toBe(150);
    expect(first.letters.images).toBe(150);
    expect(first.letters.text).toContain('GIẤY MỜI');
    expect(first.letters.text).toContain('Kính gửi: Sở Tư pháp.');
    expect(first.letters.text).toContain('(dự kiến: Nguyễn Văn Luật)');
    expect(first.letters.text).toContain(`/dangky ${first.rows[149]!.code}`);
    expect(first.letters.text).toContain('Số: …/GM-UBND');

    for (const [i, row] of first.rows.slice(0, 3).entries()) {
      const [joined] = await send(fake.privateText(801 + i, `/start ${row.code}`), 801 + i);
      expect(textOf(joined!)).toContain(row.agency);
    }
    const [status] = await send(fake.privateText(ADMIN, '/tinhhinh thamgia tinh-moi'), ADMIN, 2);
    expect(textOf(status!)).toContain('Đã tham gia: 3/150 cơ quan');

    const second = await inviteAll();
    expect(second.rows).toHaveLength(147);
    expect(second.rows.map((r) => r.agency)).toEqual(first.rows.slice(3).map((r) => r.agency));
    expect(second.summary).toContain(invitationText.replacedHead(147));
    const old = first.rows[3]!;
    expect(second.summary).toContain(invitationText.replacedLine(old.agency, [old.code.slice(-2)]));
    expect(second.rows[0]!.replaced).toBe(`…${old.code.slice(-2)}`);
    // The replaced code no longer works; the new one does.
    const [refused] = await send(fake.privateText(901, `/start ${old.code}`), 901);
    expect(textOf(refused!)).not.toContain(old.agency);
    const [joined] = await send(fake.privateText(902, `/start ${second.rows[0]!.code}`), 902);
    expect(textOf(joined!)).toContain(old.agency);
  });

  it('says so when no agency is left to invite, and refuses a bad number of days', async () => {
    await sqlRun(
      t.app.db,
      "INSERT INTO networks (id, name, level, active, updated_at) VALUES ('tinh-moi', 'Tỉnh Mới', 'province', TRUE, ?)",
      new Date(0),
    );
    const [none] = await send(fake.privateText(ADMIN, '/moi tatca tinh-moi'));
    expect(textOf(none!)).toBe(invitationText.noneToInvite('Tỉnh Mới'));
    const [days] = await send(fake.privateText(ADMIN, '/moi tatca tinh-moi 0'));
    expect(textOf(days!)).toBe(invitationText.badDays(180));
  });
});
