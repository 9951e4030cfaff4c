// The seed documents (tests/fixtures/seeds, copies of ../shared/seeds) as the files officials send: a Word file
// (typed numbers, or numbers made by Word's own lists) and a printed PDF with a text layer.

import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Plan } from '../../src/kernel/plan.js';
import { normalize } from '../../src/kernel/text.js';
import { readMarker } from '../../src/plans/draft/paragraphs.js';
import { parsePlan } from '../../src/plans/parse.js';

const seedDir = new URL('../fixtures/seeds/', import.meta.url);
export const font = new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url).pathname;

export const seeds = [
  { file: '000_2cce809bc1cc8a00.txt', plan: 'tay-son' },
  { file: '001_5f963caa6a9440f2.txt', plan: 'vinh-phuc' },
  { file: '002_2dfd6693a5da7e38.txt', plan: 'cam-thanh' },
  { file: '003_261529337038d1ce.txt', plan: 'binh-dinh' },
  { file: '004_db5e27a4264003ed.txt', plan: 'hoa-binh' },
] as const;

export function seedText(file: string): string {
  return readFileSync(new URL(file, seedDir), 'utf8');
}

export function seedOf(plan: (typeof seeds)[number]['plan']): string {
  return seedText(seeds.find((s) => s.plan === plan)!.file);
}

export function shipped(id: string): Plan {
  const file = new URL(`../../plans/${id}.yaml`, import.meta.url).pathname;
  const parsed = parsePlan(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.plan;
}

/** A plan as comparable facts: agency names, and each task as section, owners by name, role. */
export function facts(plan: Plan) {
  const names = new Map(plan.agencies.map((a) => [a.id, normalize(a.name)]));
  return {
    agencies: [...names.values()].sort(),
    inactive: plan.agencies.filter((a) => !a.active).map((a) => normalize(a.name)),
    tasks: plan.tasks
      .map(
        (t) =>
          `${t.section} ${t.agencies === 'all' ? 'all' : t.agencies.map((id) => names.get(id)).join('+')} ${t.role}`,
      )
      .sort(),
    receivers: plan.duties.map((d) => (d.receiverAgency ? names.get(d.receiverAgency) : undefined)),
  };
}

/** One Word paragraph per block of the text, with line breaks inside, as an officer's file has. */
export function docxOf(text: string): Promise<Buffer> {
  const children = text.split(/\n\s*\n/).map(
    (block) =>
      new Paragraph({
        children: block.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
      }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const LEVELS = { roman: 0, arabic: 1, letter: 2, bullet: 3 } as const;

/**
 * The same text, but the numbers of the body (from the first roman or arabic item to "Nơi nhận") made by one
 * Word list (I. / 1. / a) / -), as a document typed with Word's automatic numbering is: no number is text.
 */
export function numberedDocxOf(text: string): Promise<Buffer> {
  let inBody = false;
  // Each list item is a paragraph of its own in Word, even where the text has no blank line between items.
  const blocks = text
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=\s*(?:[-–—•+]\s|[a-zđ]\)\s|\d{1,2}\.\s))/u));
  const children = blocks.map((block) => {
    const para = readMarker(block.trim().replace(/\s*\n\s*/g, ' '));
    if (/^Nơi nhận/u.test(block.trim())) inBody = false;
    else if (para.marker === 'roman' || para.marker === 'arabic') inBody = true;
    const level = inBody && para.marker in LEVELS ? LEVELS[para.marker as keyof typeof LEVELS] : undefined;
    if (level === undefined) return new Paragraph({ children: [new TextRun(block.trim())] });
    return new Paragraph({ numbering: { reference: 'plan', level }, children: [new TextRun(para.text)] });
  });
  const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], textOf: string) => ({
    level: n,
    format,
    text: textOf,
    alignment: AlignmentType.LEFT,
  });
  const numbering = {
    config: [
      {
        reference: 'plan',
        levels: [
          level(0, LevelFormat.UPPER_ROMAN, '%1.'),
          level(1, LevelFormat.DECIMAL, '%2.'),
          level(2, LevelFormat.LOWER_LETTER, '%3)'),
          level(3, LevelFormat.BULLET, '-'),
        ],
      },
    ],
  };
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

export function pdfOf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** The text laid out as a printed page: blocks separated by a gap, long lines wrapped by the PDF writer. */
export function textPdf(text: string): Promise<Buffer> {
  return pdfOf((doc) => {
    doc.font(font).fontSize(11);
    for (const block of text.split(/\n\s*\n/)) doc.text(block.trim()).moveDown(1);
  });
}

/** A scan: a page with a picture and no text layer. */
export const scannedPdf = (): Promise<Buffer> => pdfOf((doc) => doc.rect(50, 50, 400, 600).fill('#888'));
