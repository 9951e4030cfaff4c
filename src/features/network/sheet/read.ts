import ExcelJS from 'exceljs';
import { importText as m } from '../../../messages/network.js';
import { parseCsv } from './csv.js';

// A spreadsheet as rows of text: the first sheet of an .xlsx (formulas by their saved result, merged cells by
// the merged value, dates as dd/mm/yyyy), or a .csv. Refusals carry the reason in Vietnamese.

export interface SheetRow {
  /** As numbered in Excel (1 = the header). */
  row: number;
  cells: string[];
  /** Columns (0-based) holding a formula without a saved result. */
  formulas: number[];
}

export interface SheetTable {
  sheetName: string;
  /** Other sheets that hold data, which are not read. */
  otherSheets: string[];
  header: string[];
  rows: SheetRow[];
}

export type SheetResult = { ok: true; table: SheetTable } | { ok: false; error: string };

export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5000;

export async function readSheet(data: Buffer, fileName: string): Promise<SheetResult> {
  if (data.length > MAX_SHEET_BYTES) return { ok: false, error: m.tooBig(MAX_SHEET_BYTES / 1024 / 1024) };
  const csv = /\.csv$/i.test(fileName);
  const grid = csv ? csvGrid(data) : await xlsxGrid(data);
  if ('error' in grid) return { ok: false, error: grid.error };
  const [header, ...rest] = grid.rows;
  const rows = rest.filter((r) => r.formulas.length > 0 || r.cells.some((c) => c.trim() !== ''));
  if (!header || rows.length === 0) return { ok: false, error: m.empty };
  if (rows.length > MAX_SHEET_ROWS) return { ok: false, error: m.tooManyRows(MAX_SHEET_ROWS) };
  return { ok: true, table: { sheetName: grid.sheetName, otherSheets: grid.otherSheets, header: header.cells, rows } };
}

interface Grid {
  sheetName: string;
  otherSheets: string[];
  rows: SheetRow[];
}

function csvGrid(data: Buffer): Grid | { error: string } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (text.includes('\u0000')) return { error: m.unreadable('không phải văn bản CSV') };
  const rows = parseCsv(text).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()), formulas: [] }));
  return { sheetName: 'CSV', otherSheets: [], rows };
}

// An .xls or a password-protected .xlsx is an OLE compound file, not a zip.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function xlsxGrid(data: Buffer): Promise<Grid | { error: string }> {
  if (data.subarray(0, 4).equals(OLE)) return { error: m.encrypted };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { error: m.unreadable('không phải tệp Excel .xlsx') };
  }
  const [first, ...others] = workbook.worksheets;
  if (!first) return { error: m.empty };
  const rows: SheetRow[] = [];
  first.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const formulas: number[] = [];
    for (let col = 1; col <= row.cellCount; col++) {
      const value = cellText(row.getCell(col).value);
      if (value === undefined) formulas.push(col - 1);
      cells.push(value ?? '');
    }
    rows.push({ row: rowNumber, cells, formulas });
  });
  const otherSheets = others.filter((s) => s.actualRowCount > 0).map((s) => s.name);
  return { sheetName: first.name, otherSheets, rows };
}

/** The cell as text; undefined for a formula whose result was never saved (written by a program, not Excel). */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10).split('-').reverse().join('/');
  if (typeof value !== 'object') return String(value).trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || result === null ? undefined : cellText(result);
  }
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}
