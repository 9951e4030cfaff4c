import ExcelJS from 'exceljs';

// Agency lists as an admin would save them from Excel, built with the same library the bot reads them with.

export const HEADER = ['Tên cơ quan', 'Tên viết tắt', 'Tên khác', 'Loại', 'Cán bộ đầu mối', 'Điện thoại', 'Telegram'];

export async function xlsx(
  rows: unknown[][],
  options: { header?: string[]; more?: (wb: ExcelJS.Workbook) => void } = {},
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cơ quan');
  sheet.addRow(options.header ?? HEADER);
  for (const row of rows) sheet.addRow(row);
  options.more?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `count` communes and wards, as a merged province lists them. */
export function communes(count: number, from = 1): string[][] {
  return Array.from({ length: count }, (_, i) => [`UBND xã Số ${from + i}`, '', '', 'UBND', '', '', '']);
}
