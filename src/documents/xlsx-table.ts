import type ExcelJS from 'exceljs';

// One worksheet = one table: bold frozen header, autoFilter over the data, optional note under it.
// Rows are streamed and committed one by one so large sheets never sit in memory as cell objects.

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

export function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: TableSpec): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: columnStyle(column),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = HEADER_LINE_HEIGHT * Math.max(...table.columns.map(headerLines));
  header.commit();
  let last = 1;
  for (const values of table.rows) {
    sheet.addRow(values).commit();
    last += 1;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: table.columns.length } };
  if (table.note) {
    const note = sheet.getRow(last + 2);
    note.getCell(1).value = table.note;
    note.font = { italic: true };
    note.commit();
  }
  sheet.commit();
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
