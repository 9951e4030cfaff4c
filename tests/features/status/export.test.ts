import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import type { Env } from '../../../src/config.js';
import type { Reply } from '../../../src/kernel/message.js';
import { makeLeader, seedVinhPhuc, STATUS_NOW, VINH_PHUC_ACTIVE_AGENCIES } from '../../support/status-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { testDatabaseEnv } from '../../support/test-db.js';

/** Vietnam wall-clock time as a spreadsheet stores it (UTC fields = local time). */
const wallClock = (local: string): Date => new Date(`${local}Z`);

async function workbookOf(reply: Reply | undefined): Promise<ExcelJS.Workbook> {
  expect(reply?.file?.kind).toBe('document');
  expect(reply!.file!.fileName).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(reply!.file!.data as unknown as ArrayBuffer);
  return workbook;
}

/** Rows of a sheet as arrays of cell values, header first (the title rows above the frozen header left out). */
function rowsOf(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const header = (sheet!.views[0] as { ySplit: number }).ySplit;
  const rows: unknown[][] = [];
  sheet!.eachRow((row, n) => n >= header && rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function documentText(data: Buffer): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');
  return { text, xml };
}

describe('/xuat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: STATUS_NOW });
    await seedVinhPhuc(t, await makeLeader(t, 'lanhdao', 'vinh-phuc'));
    await t.registerOfficer('stp', 'vinh-phuc', 'so-tu-phap');
  });
  afterAll(() => t.close());

  it('sends a workbook with every agency, the answers, tasks, activities and counts as typed cells', async () => {
    const replies = await t.say('lanhdao', '/xuat excel');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.file!.fileName).toBe('tong-hop-vinh-phuc-2026.xlsx');
    const workbook = await workbookOf(replies[0]);

    const summary = rowsOf(workbook, 'Tổng hợp');
    expect(summary[0]).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Cán bộ đầu mối',
      'Tình trạng',
      'Thời điểm nộp',
      'Số báo cáo',
    ]);
    expect(summary).toHaveLength(VINH_PHUC_ACTIVE_AGENCIES + 1);
    const justice = summary.find((row) => row[1] === 'Sở Tư pháp')!;
    expect(justice[2]).toBe('stp');
    expect(justice[3]).toBe('Đúng hạn');
    expect(justice[4]).toEqual(wallClock('2026-11-18T10:15:00'));
    expect(summary.find((row) => row[1] === 'Sở Nội vụ')![3]).toBe('Nộp muộn');
    expect(summary.find((row) => row[1] === 'Sở Tài chính')![3]).toBe('Chưa nộp');
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Tỉnh Vĩnh Phúc');
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^Kỳ báo cáo: năm 2026 \(số liệu từ /);

    const answers = rowsOf(workbook, 'Báo cáo');
    const pressColumn = answers[0]!.indexOf('Số cuộc họp báo đã tổ chức');
    expect(pressColumn).toBeGreaterThan(0);
    expect(answers.find((row) => row[0] === 'Sở Tư pháp')![pressColumn]).toBe(2);
    expect(answers.find((row) => row[0] === 'Sở Nội vụ')![answers[0]!.indexOf('Lần nộp')]).toBe(2);

    expect(rowsOf(workbook, 'Nhiệm vụ')[1]).toEqual(expect.arrayContaining(['Sở Tư pháp', '1.a', 'Đã hoàn thành']));
    const activities = rowsOf(workbook, 'Hoạt động');
    expect(activities).toHaveLength(1 + 5);
    expect(activities[1]![1]).toEqual(wallClock('2026-11-20T00:00:00'));
    expect(rowsOf(workbook, 'Theo loại')).toContainEqual(['Họp báo', 2, 1, 1]);
    expect(rowsOf(workbook, 'Theo cơ quan')[1]).toEqual(expect.arrayContaining(['Sở Tư pháp', 3]));
  });

  it('sends a report draft in the Nghị định 30/2020 layout filled from the answers', async () => {
    const replies = await t.say('lanhdao', '/xuat word');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.file!.fileName).toBe('du-thao-bao-cao-vinh-phuc-2026.docx');
    const { text, xml } = await documentText(replies[0]!.file!.data);
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('Vĩnh Phúc, ngày 20 tháng 12 năm 2026');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kính gửi: Bộ Văn hóa, Thể thao và Du lịch.');
    expect(text).toContain(
      `Có 2/${VINH_PHUC_ACTIVE_AGENCIES} cơ quan, đơn vị đã nộp báo cáo (1 đúng hạn, 1 nộp muộn).`,
    );
    expect(text).toContain('Sở Tư pháp: Ban hành Kế hoạch số 15/KH-STP.');
    expect(text).toContain('- Thiếu kinh phí thuê chuyên gia (Sở Tư pháp).');
    expect(xml).toContain('Times New Roman');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('addresses the commune draft with "Kính gửi" although the commune has no parent network', async () => {
    const [draft] = await t.say('admin', '/xuat word cam-thanh');
    const { text } = await documentText(draft!.file!.data);
    expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh …');
    expect(text).not.toContain('Kính gửi: Ủy ban nhân dân tỉnh ….');
  });

  it('sends both files by default and takes a period key', async () => {
    const both = await t.say('lanhdao', '/xuat');
    expect(both.map((r) => r.file?.fileName)).toEqual([
      'tong-hop-vinh-phuc-2026.xlsx',
      'du-thao-bao-cao-vinh-phuc-2026.docx',
    ]);
    const earlier = await t.say('lanhdao', '/xuat excel 2023');
    expect(earlier[0]!.text).toBe(
      'Kỳ báo cáo năm 2023 chưa có số liệu: chưa cơ quan, đơn vị nào nộp báo cáo và chưa ghi nhận hoạt động nào. ' +
        'Tệp vẫn được tạo nhưng chỉ có khung trống, chưa có số liệu.',
    );
    const summary = rowsOf(await workbookOf(earlier[1]), 'Tổng hợp');
    expect(summary.slice(1).every((row) => row[3] === 'Chưa nộp')).toBe(true);
    expect(await t.sayText('lanhdao', '/xuat 2026-Q4')).toContain('Không có kỳ báo cáo "2026-Q4"');
  });

  it('is for leaders only, and only in a private chat', async () => {
    expect(await t.sayText('stp', '/xuat')).toContain('Chỉ lãnh đạo và quản trị viên');
    expect(await t.sayText('nguoila', '/xuat')).toContain('Chỉ lãnh đạo và quản trị viên');
    expect(await t.sayText('lanhdao', '/xuat', { group: { id: 'nhom' } })).toContain('tin nhắn riêng');
    expect(await t.sayText('admin', '/xuat khong co')).toContain('Không tìm thấy mạng lưới "khong co"');
    const [menu] = await t.say('admin', '/xuat word');
    expect(menu!.choices?.map((c) => c.id)).toContain('/xuat vinh-phuc docx');
  });
});

describe('daumoi export', () => {
  let t: TestApp;
  let out: string;
  let database: Env;
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    const env = { DATABASE_PATH: join(t.dir, 'test.db'), ...database, PORT: '0', ADMINS: 'console:admin' };
    return { lines, io: { env, out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
  };
  beforeAll(async () => {
    t = await createTestApp({ now: STATUS_NOW });
    await seedVinhPhuc(t, await makeLeader(t, 'lanhdao', 'vinh-phuc'));
    database = await testDatabaseEnv(t.dir); // the app's own database, on either dialect
    out = mkdtempSync(join(tmpdir(), 'daumoi-export-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the report draft of a named period as a .docx', async () => {
    const { lines, io: cliIo } = io();
    const file = join(out, 'bao-cao.docx');
    expect(
      await runCli(['export', '--network', 'vinh-phuc', '--period', '2026', '--format', 'docx', '--out', file], cliIo),
    ).toBe(0);
    expect(lines.out.join('\n')).toContain(`Đã xuất ${file} (Tỉnh Vĩnh Phúc, năm 2026)`);
    const { text } = await documentText(readFileSync(file));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện Chỉ thị số 07/CT-TTg');
    expect(text).toContain('năm 2026');
    expect(text).toContain('Sở Tư pháp: Ban hành Kế hoạch số 15/KH-STP.');
    expect(text).toContain('Phụ lục I');
  });

  it('writes the workbook, taking the format from the file name', async () => {
    const { io: cliIo } = io();
    const file = join(out, 'tong-hop.xlsx');
    expect(await runCli(['export', '--network', 'vinh-phuc', '--period', '2026', '--out', file], cliIo)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(rowsOf(workbook, 'Tổng hợp')).toHaveLength(VINH_PHUC_ACTIVE_AGENCIES + 1);
  });

  it('says when the period has no data yet, and still writes the file', async () => {
    const { lines, io: cliIo } = io();
    const file = join(out, 'trong.xlsx');
    expect(await runCli(['export', '--network', 'vinh-phuc', '--period', '2023', '--out', file], cliIo)).toBe(0);
    expect(lines.err.join('\n')).toContain('Kỳ báo cáo năm 2023 chưa có số liệu');
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it('explains missing or wrong options', async () => {
    const cases: [string[], number, string][] = [
      [['export', '--out', 'x.xlsx'], 2, 'Thiếu mạng lưới'],
      [['export', '--network', 'vinh-phuc'], 2, 'Thiếu tệp đích'],
      [['export', '--network', 'vinh-phuc', '--out', 'x.pdf'], 2, 'Định dạng "pdf" không hỗ trợ'],
      [['export', '--network', 'vinh-phuc', '--bogus', '--out', 'x.xlsx'], 2, 'Tùy chọn không hợp lệ'],
      [['export', '--network', 'khong-co', '--out', join(out, 'x.xlsx')], 1, 'Không có mạng lưới "khong-co"'],
      [
        ['export', '--network', 'vinh-phuc', '--period', '2026-13', '--out', join(out, 'x.xlsx')],
        1,
        'Không có kỳ báo cáo "2026-13"',
      ],
      // A wrong output folder used to crash with Node's stack trace.
      [
        ['export', '--network', 'vinh-phuc', '--out', join(out, 'khong-co', 'x.xlsx')],
        1,
        'thư mục chứa tệp không tồn tại',
      ],
      [['export', '--network', 'vinh-phuc', '--format', 'xlsx', '--out', out], 1, 'đây là một thư mục'],
    ];
    for (const [argv, code, message] of cases) {
      const { lines, io: cliIo } = io();
      expect(await runCli(argv, cliIo), argv.join(' ')).toBe(code);
      expect(lines.err.join('\n')).toContain(message);
    }
  });
});
