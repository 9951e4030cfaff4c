import type { Paragraph, Table } from 'docx';
import { documentMessages } from '../messages/documents.js';
import { bodyQuestions, consolidate, labelOf, latestSubmissions } from './docx-answers.js';
import { documentNumber } from './docx-header.js';
import { gridTable, layoutTable, line, TEXT_WIDTH, type GridCell, type GridColumn } from './docx-kit.js';
import type { AgencyStatus, ExportData, ExportSigner } from '../kernel/export-data.js';

const m = documentMessages.report;
const a = m.annex;
const RECIPIENTS_WIDTH = 4400;

/** "Nơi nhận" on the left, the signature block on the right. */
export function closingBlock(data: Pick<ExportData, 'network'>): Table {
  return layoutTable([RECIPIENTS_WIDTH, TEXT_WIDTH - RECIPIENTS_WIDTH], [[recipientList(data), signature(data)]]);
}

function recipientList(data: Pick<ExportData, 'network'>): Paragraph[] {
  const items: string[] = data.network.recipients?.length
    ? [m.recipientsAsAbove, ...m.recipientsDefault]
    : [...m.recipientsDefault];
  return [
    line(m.recipientsHeading, { size: 12, bold: true, italics: true, align: 'left', before: 240 }),
    ...items.map((text) => line(text, { size: 11, align: 'left' })),
  ];
}

function signature(data: Pick<ExportData, 'network'>): Paragraph[] {
  const signer: ExportSigner = data.network.signer ?? m.signer;
  const titles = [signer.authority, signer.title].filter((text) => text.length > 0);
  return [
    ...titles.map((text, i) => line(text, { bold: true, before: i === 0 ? 240 : 0 })),
    line(m.signHint, { italics: true }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => line('')),
    line(signer.name ?? m.signerName, { bold: true }),
  ];
}

/** "Phụ lục I" on a new page: activity counts by type, submission status, other figures. */
export function annex(data: ExportData): (Paragraph | Table)[] {
  return [
    line(a.title, { bold: true, pageBreakBefore: true }),
    line(a.subtitle, { bold: true }),
    line(a.attached(documentNumber(data)), { italics: true, after: 240 }),
    line(a.byType, { bold: true, align: 'left', after: 120 }),
    byTypeTable(data),
    line(a.submissions, { bold: true, align: 'left', before: 240, after: 120 }),
    submissionsTable(data),
    ...otherFigures(data),
  ];
}

const signed = (n: number): string => (n > 0 ? `+${n.toLocaleString('vi-VN')}` : n.toLocaleString('vi-VN'));

function byTypeTable(data: ExportData): Table {
  const h = a.byTypeHeader;
  const columns: GridColumn[] = [
    { header: h.no, width: 800 },
    { header: h.type, width: 4155 },
    { header: h.current, width: 1300 },
    { header: h.previous, width: 1500 },
    { header: h.change, width: 1600, center: true },
  ];
  if (data.countsByType.length === 0) return gridTable(columns, [['', m.noData, '', '', '']]);
  const rows: GridCell[][] = data.countsByType.map((entry, i) => [
    i + 1,
    entry.typeName,
    entry.current,
    entry.previous,
    signed(entry.current - entry.previous),
  ]);
  const current = data.countsByType.reduce((sum, entry) => sum + entry.current, 0);
  const previous = data.countsByType.reduce((sum, entry) => sum + entry.previous, 0);
  rows.push(['', a.total, current, previous, signed(current - previous)]);
  return gridTable(columns, rows, { totalRow: true });
}

const STATUSES: AgencyStatus[] = ['on-time', 'late', 'missing'];

function submissionsTable(data: ExportData): Table {
  const h = a.submissionsHeader;
  const columns: GridColumn[] = [
    { header: h.status, width: 4355 },
    { header: h.count, width: 2500 },
    { header: h.share, width: 2500, center: true },
  ];
  const total = data.agencies.length;
  if (total === 0) return gridTable(columns, [[m.noData, '', '']]);
  const share = (count: number) => `${Math.round((count / total) * 100)}%`;
  const rows: GridCell[][] = STATUSES.map((status) => {
    const count = data.agencies.filter((agency) => agency.status === status).length;
    return [documentMessages.agencyStatus[status], count, share(count)];
  });
  rows.push([a.total, total, share(total)]);
  return gridTable(columns, rows, { totalRow: true });
}

/** Answers to annex (PL) questions, consolidated as in the body. */
function otherFigures(data: ExportData): (Paragraph | Table)[] {
  const questions = bodyQuestions(data, 'PL');
  if (questions.length === 0) return [];
  const submissions = latestSubmissions(data);
  const rows = questions.map((question): GridCell[] => {
    const lines = consolidate(question, submissions);
    return [labelOf(question.prompt), lines.length > 0 ? lines : m.noData];
  });
  const columns = [
    { header: a.otherHeader.item, width: 4355 },
    { header: a.otherHeader.value, width: 5000 },
  ];
  return [line(a.other, { bold: true, align: 'left', before: 240, after: 120 }), gridTable(columns, rows)];
}
