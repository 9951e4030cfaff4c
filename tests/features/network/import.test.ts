import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, listAgencies, listAudit } from '../../../src/db/index.js';
import { importText } from '../../../src/messages/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { communes, xlsx } from './sheets.js';
import { sqlGet } from '../../support/sql.js';

// An admin sends an agency list to the bot in a private chat (the real telegraf against the fake Bot API): the
// changes are shown first with Nhập / Hủy, bad rows are named by row number and nothing is written.

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
  dir = mkdtempSync(join(tmpdir(), 'daumoi-import-'));
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

let files = 0;
async function send(update: ReturnType<FakeTelegram['privateText']>, user = ADMIN): Promise<RecordedCall> {
  const before = fake.sentTo(user).length;
  fake.pushUpdate(update);
  await fake.waitFor(() => fake.sentTo(user).length > before, 10_000);
  return fake.sentTo(user)[before]!;
}
const sendFile = (data: Buffer, name: string, caption?: string, user = ADMIN) =>
  send(fake.document(user, `F${++files}`, name, { data, ...(caption ? { caption } : {}) }), user);
const textOf = (call: RecordedCall) => String(call.params.text ?? call.params.caption ?? '');
function buttons(call: RecordedCall): { text: string; callback_data: string }[] {
  const markup = call.params.reply_markup;
  return ((typeof markup === 'string' ? JSON.parse(markup) : markup)?.inline_keyboard ?? []).flat();
}
const press = (call: RecordedCall, label: string) =>
  send(fake.callback(ADMIN, ADMIN, buttons(call).find((b) => b.text === label)!.callback_data));
const count = async () => await sqlGet(t.app.db, "SELECT count(*) AS n FROM agencies WHERE network_id = 'vinh-phuc'");

describe('an agency list sent in chat', () => {
  it('shows the changes first, writes them on Nhập: existing agencies matched by name or alias without diacritics', async () => {
    const before = await count();
    const file = await xlsx([
      ['So Tu phap', '', 'Sở Tư pháp tỉnh Vĩnh Phúc', 'Sở', 'Nguyễn Văn Luật', '0912 345 678', '@nguyenvanluat'],
      ['Sở NV', '', '', '', '', '', ''],
      ['Sở Khoa học và Công nghệ', 'Sở KH&CN', 'SKHCN', 'Sở', 'Trần Thị Khoa', '', ''],
      ...communes(3),
    ]);
    const summary = await sendFile(file, 'danh-sach-co-quan.xlsx', 'vinh-phuc');
    expect(textOf(summary)).toContain('Nhập danh sách cơ quan vào Tỉnh Vĩnh Phúc từ tệp danh-sach-co-quan.xlsx:');
    expect(textOf(summary)).toContain('- Thêm mới: 4 cơ quan');
    expect(textOf(summary)).toContain('- Cập nhật: 1 cơ quan đã có');
    expect(textOf(summary)).toContain('- Không đổi: 1 cơ quan');
    expect(textOf(summary)).toContain('Không cơ quan nào bị xóa.');
    expect(buttons(summary).map((b) => b.text)).toEqual([importText.confirm, importText.cancel]);
    expect(await count()).toEqual(before); // a dry run until confirmed

    const done = await press(summary, importText.confirm);
    expect(textOf(done)).toBe(importText.done('Tỉnh Vĩnh Phúc', 4, 1));
    const justice = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
    expect(justice.name).toBe('Sở Tư pháp'); // names are kept, what the row adds becomes aliases
    expect(justice.aliases).toEqual(['STP', 'Sở TP', 'Sở Tư pháp tỉnh Vĩnh Phúc']);
    const contact = (await sqlGet(t.app.db, 'SELECT contact FROM agencies WHERE id = ?', justice.id)) as {
      contact: string;
    };
    expect(JSON.parse(contact.contact)).toEqual({
      name: 'Nguyễn Văn Luật',
      phone: '0912 345 678',
      telegram: 'nguyenvanluat',
    });
    const science = (await listAgencies(t.app.db, 'vinh-phuc')).find((a) => a.name === 'Sở Khoa học và Công nghệ')!;
    expect(science).toMatchObject({
      slug: 'so-khoa-hoc-va-cong-nghe',
      shortName: 'Sở KH&CN',
      kind: 'so',
      aliases: ['SKHCN'],
    });
    const audit = (await listAudit(t.app.db)).find((a) => a.action === 'network.agencies-import')!;
    expect(audit.detail).toMatchObject({
      networkId: 'vinh-phuc',
      file: 'danh-sach-co-quan.xlsx',
      updated: [justice.id],
    });
    expect((audit.detail.added as string[]).length).toBe(4);

    // The same file again: nothing left to change, no buttons.
    const again = await sendFile(file, 'danh-sach-co-quan.xlsx', 'vinh-phuc');
    expect(textOf(again)).toBe(importText.nothingToDo('Tỉnh Vĩnh Phúc'));
    expect(buttons(again)).toEqual([]);
  });

  it('lists bad rows by row number in Vietnamese and writes nothing until the file is clean', async () => {
    const before = await count();
    const file = await xlsx([
      ['Sở Xây dựng', '', '', 'Sở', '', '', ''],
      ['', 'thiếu tên', '', '', '', '', ''],
      ['So Xay dung', '', '', '', '', '', ''],
      ['Sở Công Thương', '', '', 'Bộ', '', '', ''],
      ['Sở Y tế', '', '', '', 'Lê Y', '', 'không hợp lệ!'],
    ]);
    const answer = textOf(await sendFile(file, 'co-quan.xlsx', 'vinh-phuc'));
    expect(answer).toBe(
      [
        importText.badRowsTitle(4),
        '- Dòng 3: thiếu tên cơ quan',
        '- Dòng 4: "So Xay dung" trùng với dòng 2',
        `- Dòng 5: ${importText.problems.unknownKind('Bộ')}`,
        '- Dòng 6: tên Telegram "không hợp lệ!" không hợp lệ (ví dụ: @nguyenvana)',
      ].join('\n'),
    );
    expect(await count()).toEqual(before);
    expect(await sqlGet(t.app.db, 'SELECT count(*) AS n FROM conversations')).toEqual({ n: 0 });
  });

  it('reads formulas by their saved value and merged cells by their value, names the sheets it skips, refuses the rest with the reason', async () => {
    const file = await xlsx(
      [
        [{ formula: '"Sở "&"Giáo dục"', result: 'Sở Giáo dục và Đào tạo' }, '', '', 'Sở'],
        ['Sở Y tế', '', '', ''],
        ['Sở Công Thương', '', '', ''],
      ],
      {
        more: (wb) => {
          const sheet = wb.getWorksheet('Cơ quan')!;
          sheet.mergeCells('D3:D4'); // "Loại" written once for two rows
          sheet.getCell('D3').value = 'Sở';
          wb.addWorksheet('Ghi chú').addRow(['bảng phụ']);
        },
      },
    );
    const summary = await sendFile(file, 'co-quan.xlsx', 'vinh-phuc');
    expect(textOf(summary)).toContain('- Thêm mới: 3 cơ quan');
    expect(textOf(summary)).toContain(importText.otherSheets('Cơ quan', ['Ghi chú']));
    await press(summary, importText.confirm);
    const added = (await listAgencies(t.app.db, 'vinh-phuc')).filter((a) => /Giáo dục|Y tế|Công Thương/.test(a.name));
    expect(added.map((a) => [a.name, a.kind])).toEqual([
      ['Sở Giáo dục và Đào tạo', 'so'],
      ['Sở Y tế', 'so'],
      ['Sở Công Thương', 'so'],
    ]);

    const unsaved = await xlsx([[{ formula: 'A1&"x"' }, '', '', '']]);
    expect(textOf(await sendFile(unsaved, 'a.xlsx', 'vinh-phuc'))).toContain(
      `- Dòng 2: ${importText.problems.formula('Tên cơ quan')}`,
    );
    const noHeader = await xlsx([['Sở A']], { header: ['STT', 'Họ tên'] });
    expect(textOf(await sendFile(noHeader, 'b.xlsx', 'vinh-phuc'))).toBe(importText.noNameColumn('STT, Họ tên'));
    expect(textOf(await sendFile(Buffer.from('PK\u0003\u0004 hỏng'), 'c.xlsx', 'vinh-phuc'))).toBe(
      importText.unreadable('không phải tệp Excel .xlsx'),
    );
    expect(textOf(await sendFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'd.xlsx', 'vinh-phuc'))).toBe(
      importText.encrypted,
    );
  });

  it('reads a CSV saved by Excel (semicolons, quotes, BOM), asks which network, and Hủy writes nothing', async () => {
    const csv = '\uFEFFTên cơ quan;Loại;Tên khác\n"Ban Dân tộc; tôn giáo";Ban;"BDT"\nSở Du lịch;;\n';
    const ask = await sendFile(Buffer.from(csv, 'utf8'), 'co-quan.csv');
    expect(textOf(ask)).toBe(importText.pickNetwork);
    const summary = await press(ask, 'Tỉnh Vĩnh Phúc');
    expect(textOf(summary)).toContain('Ví dụ thêm mới: Ban Dân tộc; tôn giáo; Sở Du lịch');
    const before = await count();
    expect(textOf(await press(summary, importText.cancel))).toBe(importText.cancelled);
    expect(await count()).toEqual(before);
  });

  it('imports 2,000 rows in one go', async () => {
    const file = await xlsx(communes(2000));
    const summary = await sendFile(file, 'xa-phuong.xlsx', 'vinh-phuc');
    expect(textOf(summary)).toContain('- Thêm mới: 2000 cơ quan');
    await press(summary, importText.confirm);
    expect(((await count()) as { n: number }).n).toBeGreaterThanOrEqual(2000);
  });

  it('tells a non-admin that only admins import, and gives admins the template', async () => {
    expect(textOf(await sendFile(await xlsx(communes(1)), 'x.xlsx', undefined, 801))).toBe(importText.notAdmin);
    const template = await send(fake.privateText(ADMIN, '/moi mau'));
    expect(template.method).toBe('sendDocument');
    expect(textOf(template)).toBe(importText.templateCaption);
  });
});
