import { AlignmentType, Document, ImageRun, Packer, Paragraph } from 'docx';
import { invitationText } from '../messages/network.js';
import { closingBlock } from './docx-closing.js';
import { headerBlock } from './docx-header.js';
import { body, FONT, line, mmToTwip, PAGE, rule, TEXT_WIDTH } from './docx-kit.js';
import { formatVnDate } from './dates.js';
import { qrPng, type Invitation, type InvitationData } from './invitations.js';

// The invitation letters: one page per agency in the Nghị định 30/2020 layout of the report draft (the same
// header and signature blocks), with the agency's code, link and QR code. A draft to check, sign and send.

const m = invitationText.letter;
const SUBJECT_RULE = 2400;
const QR_SIZE = 120;

export async function renderInvitationLetters(data: InvitationData): Promise<Buffer> {
  const sections = [];
  for (const invitation of data.invitations) {
    sections.push({
      properties: {
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: mmToTwip(10) } },
      },
      children: await letter(data, invitation),
    });
  }
  const document = new Document({ styles: { default: { document: { run: { font: FONT, size: 28 } } } }, sections });
  return Packer.toBuffer(document);
}

async function letter(data: InvitationData, inv: Invitation) {
  const expires = formatVnDate(data.expiresAt);
  const context = { network: { ...data.network, recipients: [inv.agencyName] }, generatedAt: data.generatedAt };
  const ways = [
    ...(inv.link ? [body(m.scan), qrParagraph(await qrPng(inv.link)), body(m.open(inv.link))] : []),
    body(m.type(inv.code)),
  ];
  return [
    headerBlock(context, m.number(data.network.issuer.abbreviation)),
    line(m.title, { bold: true, before: 360 }),
    line(m.subject, { bold: true }),
    rule(SUBJECT_RULE, TEXT_WIDTH),
    line(m.to(inv.agencyName), { before: 120, after: 120 }),
    body(m.intro(data.sender)),
    body(m.ask(inv.agencyName, expires, inv.officer?.name)),
    ...ways,
    body(m.code(inv.code, expires)),
    body(m.thanks),
    closingBlock(context),
  ];
}

function qrParagraph(png: Buffer): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 60 },
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: QR_SIZE, height: QR_SIZE } })],
  });
}
