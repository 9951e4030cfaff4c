import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { invitationText } from '../messages/network.js';
import { formatVnDate } from './dates.js';
import type { ExportNetwork } from '../kernel/export-data.js';

// Invitations for a whole network: the data both files are drawn from, the QR codes, and the workbook (one row
// per agency, its QR code in the row). The letters are in invitation-letters.ts.

export interface Invitation {
  agencyName: string;
  code: string;
  /** Deep link that opens the bot with the code (none when the bot is not on Telegram). */
  link?: string;
  officer?: { name?: string; phone?: string; telegram?: string };
  /** Hints (last two characters) of the open codes this one replaced. */
  replaced: string[];
}

export interface InvitationData {
  network: ExportNetwork;
  /** The issuing body as it reads inside a sentence ("Ủy ban nhân dân tỉnh Vĩnh Phúc"). */
  sender: string;
  generatedAt: Date;
  expiresAt: Date;
  invitations: Invitation[];
}

const m = invitationText.sheet;
const QR_PX = 96;
const ROW_PT = 78;

/** PNG of the QR code of a link, for the workbook and the letters. */
export function qrPng(link: string, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(link, { width, margin: 1, errorCorrectionLevel: 'M' });
}

export async function renderInvitationWorkbook(data: InvitationData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(m.name, { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.getCell('A1').value = m.title(data.network.name);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = m.line(formatVnDate(data.expiresAt));
  const widths = [6, 40, 14, 46, 15, 24, 16, 18, 16];
  sheet.columns = widths.map((width) => ({ width }));
  const header = sheet.getRow(4);
  header.values = [...m.columns];
  header.font = { bold: true };
  for (const [i, inv] of data.invitations.entries()) {
    const row = sheet.getRow(5 + i);
    const o = inv.officer ?? {};
    row.values = [
      i + 1,
      inv.agencyName,
      inv.code,
      inv.link ?? '',
      '',
      o.name ?? '',
      o.phone ?? '',
      o.telegram ? `@${o.telegram}` : '',
      inv.replaced.map((h) => `…${h}`).join(', '),
    ];
    row.alignment = { vertical: 'middle', wrapText: true };
    if (!inv.link) continue;
    row.height = ROW_PT;
    const image = workbook.addImage({ buffer: (await qrPng(inv.link, QR_PX * 2)) as never, extension: 'png' });
    sheet.addImage(image, { tl: { col: 4.1, row: 4 + i + 0.05 }, ext: { width: QR_PX, height: QR_PX } });
  }
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + data.invitations.length, column: widths.length } };
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
