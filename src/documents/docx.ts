import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { bodySections } from './docx-body.js';
import { annex, closingBlock } from './docx-closing.js';
import { headerBlock, titleBlock } from './docx-header.js';
import { FONT, PAGE, mmToTwip } from './docx-kit.js';
import type { ExportData } from '../kernel/export-data.js';

/**
 * Consolidated report draft in the Nghị định 30/2020 layout: A4, margins 20/20/30/15 mm, Times New Roman,
 * page number centred at the top from page 2 on. Sections without data carry "(chưa có số liệu)".
 */
export async function renderReportDraft(data: ExportData): Promise<Buffer> {
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: mmToTwip(10) } },
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
        children: [headerBlock(data), ...titleBlock(data), ...bodySections(data), closingBlock(data), ...annex(data)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function pageNumberHeader(): Header {
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 });
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [number] })] });
}
