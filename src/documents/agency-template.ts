import ExcelJS from 'exceljs';
import { agencyKindNames, importText as m } from '../messages/network.js';

// The agency list template (/moi mau, daumoi network template): one sheet, the header the importer reads, a
// note under each header cell that needs one, and a drop-down of the kinds. No example rows: a forgotten
// example would be imported as an agency.

const WIDTHS: Record<keyof typeof m.columns, number> = {
  name: 44,
  short: 18,
  aliases: 32,
  kind: 14,
  officer: 26,
  phone: 16,
  telegram: 18,
};
const DATA_ROWS = 500;

export async function renderAgencyTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(m.templateSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(m.columns) as (keyof typeof m.columns)[];
  sheet.columns = keys.map((key) => ({ header: m.columns[key], key, width: WIDTHS[key] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F2FD' } };
  keys.forEach((key, i) => {
    const note = (m.columnNotes as Partial<Record<string, string>>)[key];
    if (note) header.getCell(i + 1).note = note;
  });
  const kindColumn = keys.indexOf('kind') + 1;
  const kinds = `"${Object.values(agencyKindNames).join(',')}"`;
  for (let row = 2; row <= DATA_ROWS + 1; row++) {
    sheet.getCell(row, kindColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [kinds] };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
