import type ExcelJS from 'exceljs';

// One worksheet = one table under a few title rows: bold frozen header, autoFilter over the data, optional note
// under it, printed landscape and one page wide. Rows are streamed and committed one by one so large sheets never
// sit in memory as cell objects.

export type TableCell = string | number | Date | null;

// exceljs treats width 9 as the default and drops the column definition, so avoid exactly 9.
export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const INTEGER_FORMAT = '#,##0';

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  rows: Iterable<TableCell[]>;
  /** Printed one blank row below the table, outside the filter range. */
  note?: string;
}

/** Lines above every table (network, period, an empty-period note); the header sits one blank row below. */
export interface SheetTitle {
  title: string;
  lines: string[];
}

/** Row of the table header under a title of `title.lines.length` lines. */
export const headerRowOf = (title: SheetTitle): number => title.lines.length + 3;

export function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: TableSpec, title: SheetTitle): void {
  const headerRow = headerRowOf(title);
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    // Wide tables otherwise print as a strip of columns per page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width, style: columnStyle(column) }));
  writeTitle(sheet, title);
  const header = sheet.getRow(headerRow);
  header.values = table.columns.map((column) => defuse(column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = HEADER_LINE_HEIGHT * Math.max(...table.columns.map(headerLines));
  header.commit();
  let last = headerRow;
  for (const values of table.rows) {
    sheet.getRow(last + 1).values = values.map(defuse);
    sheet.getRow(last + 1).commit();
    last += 1;
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: last, column: table.columns.length } };
  if (table.note) {
    const note = sheet.getRow(last + 2);
    note.getCell(1).value = defuse(table.note);
    note.font = { italic: true };
    note.commit();
  }
  sheet.commit();
}

function writeTitle(sheet: ExcelJS.Worksheet, title: SheetTitle): void {
  const first = sheet.getRow(1);
  first.getCell(1).value = defuse(title.title);
  first.font = { bold: true, size: 14 };
  first.commit();
  title.lines.forEach((text, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = defuse(text);
    row.font = { italic: true };
    row.commit();
  });
}

// A text that starts like a formula is run by a spreadsheet as soon as someone edits the cell or saves the sheet
// as CSV: an officer's "=HYPERLINK(...)" title must stay text. The leading apostrophe is the usual defusal.
const FORMULA_START = /^[=+\-@\t\r]/;

export function defuse(value: TableCell): TableCell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

// Spreadsheet apps do not grow a row for wrapped text on their own, so size the header for its longest title.
const HEADER_LINE_HEIGHT = 16;
const headerLines = (column: ColumnSpec): number => Math.ceil((column.header.length * 1.15) / column.width);

function columnStyle(column: ColumnSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (column.numFmt) style.numFmt = column.numFmt;
  if (column.wrap) style.alignment = { vertical: 'top', wrapText: true };
  return style;
}
