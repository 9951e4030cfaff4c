import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { importText, invitationText } from '../../../src/messages/index.js';
import { communes, xlsx } from './sheets.js';

// daumoi network agencies NETWORK FILE [--dry-run] and daumoi network template, on a real database file.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-network-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    env: { DATABASE_PATH: join(dir, 'cli.db') },
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const agencies = async () => {
  const listed = await cli(['plan', 'list']);
  return Number(/Tỉnh Vĩnh Phúc.*?(\d+) cơ quan/.exec(listed.out)?.[1] ?? NaN);
};

describe('daumoi network', () => {
  it('shows the changes with --dry-run and writes nothing, then writes them', async () => {
    expect((await cli(['plan', 'import', 'plans/vinh-phuc.yaml'])).code).toBe(0);
    const before = await agencies();
    const file = join(dir, 'co-quan.xlsx');
    writeFileSync(file, await xlsx([['Sở Tư pháp', 'STP', '', 'Sở', 'Nguyễn Văn Luật', '', ''], ...communes(150)]));
    const dry = await cli(['network', 'agencies', 'vinh-phuc', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('- Thêm mới: 150 cơ quan');
    expect(dry.out).toContain('- Cập nhật: 1 cơ quan đã có');
    expect(dry.out).toContain(importText.cli.dryRun);
    expect(await agencies()).toBe(before);
    const real = await cli(['network', 'agencies', 'vinh-phuc', file]);
    expect(real.code).toBe(0);
    expect(real.out).toContain(importText.done('Tỉnh Vĩnh Phúc', 150, 1));
    expect(await agencies()).toBe(before + 150);
  });

  it('refuses a bad file with its rows, an unknown network and a missing file, exit 1, and bad usage, exit 2', async () => {
    await cli(['plan', 'import', 'plans/vinh-phuc.yaml']);
    const file = join(dir, 'sai.csv');
    writeFileSync(file, 'Tên cơ quan,Loại\nSở A,Sở\n,Sở\nSở A,\n');
    const bad = await cli(['network', 'agencies', 'vinh-phuc', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      [importText.badRowsTitle(2), '- Dòng 3: thiếu tên cơ quan', '- Dòng 4: "Sở A" trùng với dòng 2'].join('\n'),
    );
    expect((await cli(['network', 'agencies', 'khong-co', file])).err).toBe(importText.cli.unknownNetwork('khong-co'));
    expect((await cli(['network', 'agencies', 'vinh-phuc', join(dir, 'khong.xlsx')])).code).toBe(1);
    const usage = await cli(['network', 'agencies', 'vinh-phuc']);
    expect(usage.code).toBe(2);
    expect(usage.err).toBe(importText.cli.usage);
  });

  it('writes the template, which reads back once filled in', async () => {
    await cli(['plan', 'import', 'plans/vinh-phuc.yaml']);
    const out = join(dir, 'mau.xlsx');
    expect((await cli(['network', 'template', '--out', out])).out).toBe(importText.cli.written(out));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...Object.values(importText.columns)]);
    sheet.addRow(['Sở Khoa học và Công nghệ', '', '', 'Sở', '', '', '@khoahoc_vp']);
    writeFileSync(out, Buffer.from(await workbook.xlsx.writeBuffer()));
    const imported = await cli(['network', 'agencies', 'vinh-phuc', out]);
    expect(imported.out).toContain(importText.done('Tỉnh Vĩnh Phúc', 1, 0));
  });
});

describe('daumoi invite', () => {
  it('writes the workbook and the letters for the agencies without an officer, and a second run says what it replaced', async () => {
    await cli(['plan', 'import', 'plans/vinh-phuc.yaml']);
    const out = join(dir, 'moi.xlsx');
    const first = await cli(['invite', '--network', 'vinh-phuc', '--out', out, '--days', '45', '--bot', '@daumoi_bot']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(invitationText.cli.written(out, join(dir, 'moi.docx')));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getRows(5, 100)!.filter((r) => r.getCell(2).value);
    expect(rows.length).toBeGreaterThan(10);
    const link = String(rows[0]!.getCell(4).value);
    expect(link).toBe(`https://t.me/daumoi_bot?start=${String(rows[0]!.getCell(3).value)}`);
    expect(readFileSync(join(dir, 'moi.docx')).subarray(0, 2).toString()).toBe('PK');
    const second = await cli(['invite', '--network', 'vinh-phuc', '--out', out]);
    expect(second.out).toContain(invitationText.noLink);
    expect(second.out).toContain(
      `- ${String(rows[0]!.getCell(2).value)}: mã …${String(rows[0]!.getCell(3).value).slice(-2)}`,
    );
  });

  it('refuses bad usage (exit 2) and an unknown network (exit 1)', async () => {
    expect((await cli(['invite', '--network', 'vinh-phuc'])).code).toBe(2);
    expect((await cli(['invite', '--network', 'vinh-phuc', '--out', 'x.xlsx', '--days', '0'])).err).toBe(
      invitationText.badDays(180),
    );
    const unknown = await cli(['invite', '--network', 'khong-co', '--out', join(dir, 'x.xlsx')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe(importText.cli.unknownNetwork('khong-co'));
  });
});
