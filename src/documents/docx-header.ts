import type { Paragraph, Table } from 'docx';
import { documentMessages } from '../messages/documents.js';
import { formatDecreeDate } from './dates.js';
import { withFinalStop } from './docx-answers.js';
import { layoutTable, line, rule, TEXT_WIDTH } from './docx-kit.js';
import type { ExportData, ExportIssuer } from '../kernel/export-data.js';

const m = documentMessages.report;

// Nghị định 30/2020 header: issuing body on the left, national motto on the right, each over a rule;
// the number under the issuer and the place/date line under the motto.
const LEFT = 3850;
const RIGHT = TEXT_WIDTH - LEFT;
const ISSUER_RULE = 1300;
const MOTTO_RULE = 3700;
const SUBJECT_RULE = 2400;
// An issuer line longer than this many characters is split in two balanced halves.
const ISSUER_LINE_CHARS = 22;
// A break right after a comma reads better, so it may sit this many characters further from the middle.
const COMMA_BONUS = 6;

/** The header of any of our documents; `number` is its "Số: …" line (the report's by default). */
export function headerBlock(
  data: Pick<ExportData, 'network' | 'generatedAt'>,
  number: string = documentNumber(data),
): Table {
  const { issuer } = data.network;
  const issuerLines = [
    ...(issuer.parent ? [line(issuer.parent.toLocaleUpperCase('vi'), { size: 13 })] : []),
    ...splitIssuer(issuer).map((text) => line(text, { size: 13, bold: true })),
    rule(ISSUER_RULE, LEFT),
  ];
  const motto = [
    line(m.motto.country, { size: 13, bold: true }),
    line(m.motto.slogan, { size: 14, bold: true }),
    rule(MOTTO_RULE, RIGHT),
  ];
  const dateLine = m.dateLine(data.network.place, formatDecreeDate(data.generatedAt));
  return layoutTable(
    [LEFT, RIGHT],
    [
      [issuerLines, motto],
      [[line(number, { size: 13, before: 120 })], [line(dateLine, { italics: true, before: 120 })]],
    ],
  );
}

export function documentNumber(data: Pick<ExportData, 'network'>): string {
  return m.number(data.network.issuer.abbreviation);
}

export function titleBlock(data: ExportData): (Paragraph | Table)[] {
  const recipients = data.network.recipients ?? [];
  return [
    line(m.title, { bold: true, before: 360 }),
    line(m.subject(data.period.label), { bold: true }),
    rule(SUBJECT_RULE, TEXT_WIDTH),
    ...recipientLines(recipients),
    line('', { after: 120 }),
  ];
}

const TO_LABEL_WIDTH = 3000;

function recipientLines(recipients: string[]): (Paragraph | Table)[] {
  if (recipients.length === 0) return [];
  if (recipients.length === 1) return [line(`${m.to} ${withFinalStop(recipients[0]!)}`, { before: 240 })];
  const items = recipients.map((name, i) =>
    line(`- ${name}${i === recipients.length - 1 ? '.' : ';'}`, { align: 'left' }),
  );
  return [
    line('', { before: 120 }),
    layoutTable([TO_LABEL_WIDTH, TEXT_WIDTH - TO_LABEL_WIDTH], [[[line(m.to, { align: 'right' })], items]], 60),
  ];
}

/** Upper-case lines of the issuer: explicit "\n" breaks, long lines split at the space nearest the middle. */
export function splitIssuer(issuer: ExportIssuer): string[] {
  return issuer.name
    .toLocaleUpperCase('vi')
    .split('\n')
    .flatMap((text) => (text.length > ISSUER_LINE_CHARS ? balancedSplit(text.trim()) : [text.trim()]));
}

function balancedSplit(text: string): string[] {
  const middle = text.length / 2;
  const cost = (i: number) => Math.abs(i - middle) - (text[i - 1] === ',' ? COMMA_BONUS : 0);
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (best === -1 || cost(i) < cost(best)) best = i;
  }
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}
