import { documentMessages } from '../messages/documents.js';
import type {
  AnswerValue,
  ExportData,
  ExportQuestion,
  ExportSubmission,
  ReportSection,
} from '../kernel/export-data.js';

// Turns submissions into what the report body says: the latest version per agency, answers grouped by
// the outline section of their question, consolidated per question across agencies.

const m = documentMessages.report;

/** The latest version of each agency's submission, in the order agencies are listed. */
export function latestSubmissions(data: ExportData): ExportSubmission[] {
  const latest = new Map<string, ExportSubmission>();
  for (const submission of data.submissions) {
    const known = latest.get(submission.agencyId);
    if (!known || submission.version > known.version) latest.set(submission.agencyId, submission);
  }
  const order = new Map(data.agencies.map((agency, i) => [agency.id, i]));
  const rank = (submission: ExportSubmission) => order.get(submission.agencyId) ?? order.size;
  return [...latest.values()].sort((a, b) => rank(a) - rank(b));
}

/** Questions whose answers belong in the body of `section`; unsectioned ones report results (II). */
export function bodyQuestions(data: ExportData, section: ReportSection): ExportQuestion[] {
  return data.questions.filter(
    (question) => (question.section ?? 'II') === section && question.type !== 'tasks' && question.marks === undefined,
  );
}

export function hasAnswer(value: AnswerValue | undefined): value is string | number | boolean {
  return value !== undefined && value !== null && value !== '';
}

export function answerText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? documentMessages.yes : documentMessages.no;
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  return value.trim();
}

/** Lines that consolidate one question across agencies; empty when nobody answered. */
export function consolidate(question: ExportQuestion, submissions: ExportSubmission[]): string[] {
  const answered = submissions.flatMap((submission) => {
    const value = submission.answers[question.id];
    return hasAnswer(value) ? [{ agency: submission.agencyName, value }] : [];
  });
  if (answered.length === 0) return [];
  if (question.type === 'number') {
    const total = answered.reduce((sum, entry) => sum + Number(entry.value), 0);
    const parts = answered.map((entry) => `${entry.agency}: ${answerText(entry.value)}`).join('; ');
    return [m.numberTotal(total.toLocaleString('vi-VN'), parts)];
  }
  if (question.type === 'yesno') {
    return [true, false].flatMap((flag) => {
      const names = answered.filter((entry) => entry.value === flag).map((entry) => entry.agency);
      return names.length === 0 ? [] : [m.yesNoCount(answerText(flag), names.length, names.join(', '))];
    });
  }
  return answered.map((entry) => m.agencyAnswer(entry.agency, withFinalStop(answerText(entry.value))));
}

export function withFinalStop(text: string): string {
  return /[.!?…:;]$/.test(text) ? text : `${text}.`;
}

/** A text quoted before a colon or inside a sentence: its own final stop would double the punctuation. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[\s.;:,]+$/u, '');
}

/**
 * A question prompt as a report heading or label: "Đơn vị đã ban hành kế hoạch truyền thông năm chưa?" becomes
 * "Ban hành kế hoạch truyền thông năm". A report states results; it does not ask the reader.
 */
export function labelOf(prompt: string): string {
  const text = withoutFinalStop(prompt);
  if (!text.endsWith('?')) return text;
  const statement = text
    .replace(/\s*\?$/u, '')
    .replace(/\s+(hay chưa|hay không|hoặc chưa|chưa|không|có không)$/iu, '')
    .replace(/^(cơ quan, đơn vị|cơ quan|đơn vị)\s+/iu, '')
    .replace(/^(đã|có)\s+(?!bao nhiêu)/iu, '')
    .replace(/^(có\s+)?bao nhiêu\s+/iu, 'Số ');
  return statement.charAt(0).toLocaleUpperCase('vi') + statement.slice(1);
}
