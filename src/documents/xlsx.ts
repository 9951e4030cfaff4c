import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { documentMessages } from '../messages/documents.js';
import { formatVnDate, toVnWallClock, vnParts } from './dates.js';
import { isEmptyPeriod } from './empty.js';
import type { AnswerValue, ExportActivity, ExportData } from '../kernel/export-data.js';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  INTEGER_FORMAT,
  writeTable,
  type SheetTitle,
  type TableCell,
  type TableSpec,
} from './xlsx-table.js';

const m = documentMessages.workbook;

/** Enough for any real period; beyond it the sheet would be too slow to open on an office PC. */
export const MAX_ACTIVITY_ROWS = 100_000;

export interface WorkbookOptions {
  maxActivityRows?: number;
}

export async function renderWorkbook(data: ExportData, opts: WorkbookOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const title = sheetTitle(data);
  for (const table of tables(data, opts.maxActivityRows ?? MAX_ACTIVITY_ROWS)) writeTable(workbook, table, title);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Network and period above every table, so a printed or forwarded sheet still says what it covers. */
function sheetTitle(data: ExportData): SheetTitle {
  const { period } = data;
  const { hour, minute } = vnParts(data.generatedAt);
  const at = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${formatVnDate(data.generatedAt)}`;
  return {
    title: m.title(data.network.name),
    lines: [
      m.periodLine(period.label, formatVnDate(period.start), formatVnDate(period.end)),
      m.generatedLine(at),
      ...(isEmptyPeriod(data) ? [documentMessages.emptyPeriod(period.label)] : []),
    ],
  };
}

function tables(data: ExportData, maxActivityRows: number): TableSpec[] {
  const list = [
    summaryTable(data),
    submissionsTable(data),
    tasksTable(data),
    activitiesTable(data.activities, maxActivityRows),
    byTypeTable(data),
    byAgencyTable(data),
  ];
  return data.children && data.children.length > 0 ? [...list, childrenTable(data)] : list;
}

const wallClock = (date: Date | undefined): Date | null => (date ? toVnWallClock(date) : null);

function summaryTable(data: ExportData): TableSpec {
  const [no, name, officers, status, submittedAt, number] = m.summary;
  return {
    name: m.sheets.summary,
    columns: [
      { header: no, width: 6 },
      { header: name, width: 45 },
      { header: officers, width: 30, wrap: true },
      { header: status, width: 14 },
      { header: submittedAt, width: 18, numFmt: DATE_TIME_FORMAT },
      { header: number, width: 18 },
    ],
    rows: data.agencies.map((agency, i) => [
      i + 1,
      agency.name,
      agency.officers?.length ? agency.officers.join(', ') : m.noOfficer,
      documentMessages.agencyStatus[agency.status],
      wallClock(agency.submittedAt),
      agency.submissionNo ?? null,
    ]),
  };
}

function submissionsTable(data: ExportData): TableSpec {
  const questions = data.questions.filter((question) => question.type !== 'tasks');
  const [agency, submittedAt, late, version] = m.submissions;
  return {
    name: m.sheets.submissions,
    columns: [
      { header: agency, width: 40 },
      { header: submittedAt, width: 18, numFmt: DATE_TIME_FORMAT },
      { header: late, width: 10 },
      { header: version, width: 10 },
      ...questions.map((question) =>
        question.type === 'number'
          ? { header: question.prompt, width: 18, numFmt: INTEGER_FORMAT }
          : { header: question.prompt, width: 40, wrap: true },
      ),
    ],
    rows: data.submissions.map((submission) => [
      submission.agencyName,
      toVnWallClock(submission.submittedAt),
      submission.late ? documentMessages.yes : documentMessages.no,
      submission.version,
      ...questions.map((question) => answerCell(submission.answers[question.id])),
    ]),
  };
}

function answerCell(value: AnswerValue | undefined): TableCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? documentMessages.yes : documentMessages.no;
  return value;
}

function tasksTable(data: ExportData): TableSpec {
  const [agency, section, task, status, note] = m.tasks;
  return {
    name: m.sheets.tasks,
    columns: [
      { header: agency, width: 36 },
      { header: section, width: 24, wrap: true },
      { header: task, width: 60, wrap: true },
      { header: status, width: 16 },
      { header: note, width: 30, wrap: true },
    ],
    rows: data.submissions.flatMap((submission) =>
      submission.taskStatuses.map((entry) => [
        submission.agencyName,
        entry.section,
        entry.text,
        documentMessages.taskStatus[entry.status],
        entry.note ?? null,
      ]),
    ),
  };
}

function activitiesTable(activities: ExportActivity[], maxRows: number): TableSpec {
  const newestFirst = [...activities].sort((a, b) => b.date.getTime() - a.date.getTime());
  const shown = newestFirst.slice(0, maxRows);
  const omitted = activities.length - shown.length;
  const [no, date, agency, type, title, quantity, participants, link] = m.activities;
  return {
    name: m.sheets.activities,
    columns: [
      { header: no, width: 8 },
      { header: date, width: 12, numFmt: DATE_FORMAT },
      { header: agency, width: 32 },
      { header: type, width: 30 },
      { header: title, width: 50 },
      { header: quantity, width: 10, numFmt: INTEGER_FORMAT },
      { header: participants, width: 12, numFmt: INTEGER_FORMAT },
      { header: link, width: 40 },
    ],
    rows: activityRows(shown),
    ...(omitted > 0 ? { note: m.omitted(shown.length, omitted) } : {}),
  };
}

function* activityRows(activities: ExportActivity[]): Generator<TableCell[]> {
  let no = 0;
  for (const activity of activities) {
    no += 1;
    yield [
      no,
      toVnWallClock(activity.date),
      activity.agencyName,
      activity.typeName,
      activity.title,
      activity.quantity ?? null,
      activity.participants ?? null,
      activity.link ?? null,
    ];
  }
}

function byTypeTable(data: ExportData): TableSpec {
  const [type, current, previous, change] = m.byType;
  return {
    name: m.sheets.byType,
    columns: [
      { header: type, width: 40 },
      { header: current, width: 12, numFmt: INTEGER_FORMAT },
      { header: previous, width: 12, numFmt: INTEGER_FORMAT },
      { header: change, width: 12, numFmt: '+#,##0;-#,##0;0' },
    ],
    rows: data.countsByType.map((entry) => [
      entry.typeName,
      entry.current,
      entry.previous,
      entry.current - entry.previous,
    ]),
  };
}

function byAgencyTable(data: ExportData): TableSpec {
  const types = activityTypeNames(data);
  return {
    name: m.sheets.byAgency,
    columns: [
      { header: m.byAgencyName, width: 40 },
      ...types.map((type) => ({ header: type, width: 16, numFmt: INTEGER_FORMAT })),
      { header: m.total, width: 10, numFmt: INTEGER_FORMAT },
    ],
    rows: data.countsByAgency.map((entry) => [
      entry.agencyName,
      ...types.map((type) => entry.byType[type] ?? 0),
      entry.total,
    ]),
  };
}

/** Types in the order of countsByType, then any type only some agency has. */
function activityTypeNames(data: ExportData): string[] {
  const names = new Set(data.countsByType.map((entry) => entry.typeName));
  const extra = data.countsByAgency.flatMap((entry) => Object.keys(entry.byType)).filter((name) => !names.has(name));
  return [...names, ...new Set(extra.sort((a, b) => a.localeCompare(b, 'vi')))];
}

function childrenTable(data: ExportData): TableSpec {
  const [name, submitted, expected, activities] = m.children;
  return {
    name: m.sheets.children,
    columns: [
      { header: name, width: 40 },
      { header: submitted, width: 10, numFmt: INTEGER_FORMAT },
      { header: expected, width: 10, numFmt: INTEGER_FORMAT },
      { header: activities, width: 14, numFmt: INTEGER_FORMAT },
    ],
    rows: (data.children ?? []).map((child) => [child.name, child.submitted, child.expected, child.activities]),
  };
}
