import { formatVnDate, type VnDate } from '../../kernel/calendar/vn-time.js';
import { isTaskAnswers, type ReportAnswers, type ReportAttachment, type StoredAnswer } from '../../kernel/report.js';
import type { ReportTask } from '../../kernel/report-steps.js';
import { reportText } from '../../messages/index.js';
import type { PlanQuestion, PlanTemplate } from '../../kernel/plan.js';
import { vnParts } from '../../documents/dates.js';

// Shows stored answers as chat text: the preview before submitting and a submitted report in full.

const m = reportText;
const pad = (n: number) => String(n).padStart(2, '0');

export const dateText = (d: VnDate): string => formatVnDate(d);

/** A one-off duty's period has no calendar name: it is named by its title. */
export const isOnce = (period: { key: string }): boolean => period.key === 'once';

/** The period inside a sentence: "năm 2026", or the quoted title of a one-off report. */
export const periodName = (period: { key: string; label: string }): string =>
  isOnce(period) ? `“${period.label}”` : period.label;

/** "09:05 21/11/2026", Vietnam time. */
export function atText(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** One scalar answer as text; tasks answers are listed line by line by `answerLines`. */
export function scalarText(value: StoredAnswer | undefined): string {
  if (value === undefined) return m.unanswered;
  if (value === null) return m.skipped;
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') return value;
  return '';
}

// Task texts are long plan paragraphs: the preview shows their start, enough to recognise them.
const TASK_TEXT_CHARS = 90;
const shorten = (text: string) =>
  text.length > TASK_TEXT_CHARS ? `${text.slice(0, TASK_TEXT_CHARS - 1).trimEnd()}…` : text;

export function answerLines(
  question: PlanQuestion,
  value: StoredAnswer | undefined,
  tasks: readonly ReportTask[],
): string[] {
  if (question.type !== 'tasks') return [m.previewAnswer(scalarText(value))];
  if (!isTaskAnswers(value)) return [m.previewAnswer(m.unanswered)];
  const known = new Map(tasks.map((t) => [t.slug, t]));
  // Plan order, then tasks the plan no longer has (kept in old submissions).
  const slugs = [
    ...tasks.map((t) => t.slug).filter((slug) => slug in value),
    ...Object.keys(value).filter((slug) => !known.has(slug)),
  ];
  return slugs.map((slug) => {
    const task = known.get(slug);
    const answer = value[slug]!;
    return m.previewTask(task?.section ?? slug, shorten(task?.text ?? ''), m.taskStatus[answer.status], answer.note);
  });
}

export function formatAnswers(template: PlanTemplate, answers: ReportAnswers, tasks: readonly ReportTask[]): string[] {
  return template.questions.flatMap((q, i) => [
    m.previewQuestion(i + 1, q.section, q.prompt),
    ...answerLines(q, answers[q.id], tasks),
  ]);
}

export function attachmentsLine(files: readonly ReportAttachment[]): string[] {
  if (files.length === 0) return [];
  const photos = files.filter((f) => f.kind === 'photo').length;
  return [m.attachments(photos, files.length - photos)];
}
