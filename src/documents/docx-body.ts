import type { Paragraph } from 'docx';
import { documentMessages } from '../messages/documents.js';
import { formatVnDate } from './dates.js';
import {
  answerText,
  bodyQuestions,
  consolidate,
  hasAnswer,
  labelOf,
  latestSubmissions,
  withFinalStop,
  withoutFinalStop,
} from './docx-answers.js';
import { body, run } from './docx-kit.js';
import type { ExportData, ExportQuestion, ExportSubmission, IssueKind } from '../kernel/export-data.js';

const m = documentMessages.report;

/** Opening, sections I-V and the closing sentence of the report draft. */
export function bodySections(data: ExportData): Paragraph[] {
  const submissions = latestSubmissions(data);
  return [
    body(m.opening(data.period.label)),
    heading(m.sections.I),
    ...answeredQuestions(bodyQuestions(data, 'I'), submissions),
    heading(m.sections.II),
    ...results(data, submissions),
    heading(m.sections.III),
    ...assessment(bodyQuestions(data, 'III'), submissions),
    heading(m.sections.IV),
    ...answeredQuestions(bodyQuestions(data, 'IV'), submissions),
    heading(m.sections.V),
    ...proposals(data, submissions),
    body(m.closing(data.period.label)),
  ];
}

const heading = (text: string): Paragraph => body(text, { bold: true });
const placeholder = (): Paragraph => body(m.noData, { italics: true });

function answeredQuestions(questions: ExportQuestion[], submissions: ExportSubmission[], firstNumber = 1): Paragraph[] {
  if (questions.length === 0) return [placeholder()];
  return questions.flatMap((question, i) => {
    const title = `${firstNumber + i}. ${labelOf(question.prompt)}`;
    const lines = consolidate(question, submissions);
    if (lines.length === 0) return [body([run(`${title}: `, { bold: true }), run(m.noData, { italics: true })])];
    return [body(title, { bold: true }), ...lines.map((text) => body(text))];
  });
}

function assessment(questions: ExportQuestion[], submissions: ExportSubmission[]): Paragraph[] {
  if (questions.length > 0) return answeredQuestions(questions, submissions);
  return m.assessmentPlaceholders.map((title) =>
    body([run(`${title}: `, { bold: true }), run(m.noData, { italics: true })]),
  );
}

function results(data: ExportData, submissions: ExportSubmission[]): Paragraph[] {
  const agencies = agencyEntries(data, submissions);
  if (agencies.length === 0 && data.countsByType.length === 0) return [placeholder()];
  // An agency with neither a report nor an activity has nothing to say: one line for all of them, not a page.
  const idle = agencies.filter((entry) => !entry.submission && activityCount(data, entry.name) === 0);
  const active = agencies.filter((entry) => !idle.includes(entry));
  return [
    ...overview(data, submissions),
    ...childNetworks(data),
    ...active.flatMap((entry, i) => agencyResult(data, entry, i + 1)),
    ...(idle.length > 0 ? [body(m.idleAgencies(idle.length, idle.map((entry) => entry.name).join(', ')))] : []),
  ];
}

const activityCount = (data: ExportData, agencyName: string): number =>
  data.countsByAgency.find((candidate) => candidate.agencyName === agencyName)?.total ?? 0;

function overview(data: ExportData, submissions: ExportSubmission[]): Paragraph[] {
  const total = Math.max(data.agencies.length, submissions.length);
  const late = submissions.filter((submission) => submission.late).length;
  const missing = data.agencies.filter((agency) => agency.status === 'missing');
  const breakdown = data.countsByType
    .filter((entry) => entry.current > 0)
    .map((entry) => m.typeCount(entry.typeName, entry.current))
    .join('; ');
  const activities = data.countsByType.reduce((sum, entry) => sum + entry.current, 0);
  return [
    body(m.submissionSummary(submissions.length, total, submissions.length - late, late)),
    ...(missing.length > 0
      ? [body(m.missingAgencies(missing.length, missing.map((agency) => agency.name).join(', ')))]
      : []),
    body(m.activityTotal(activities, breakdown)),
  ];
}

function childNetworks(data: ExportData): Paragraph[] {
  const children = data.children ?? [];
  if (children.length === 0) return [];
  return [
    body(m.childrenHeading),
    ...children.map((child) => body(m.child(child.name, child.submitted, child.expected, child.activities))),
  ];
}

interface AgencyEntry {
  name: string;
  submission?: ExportSubmission;
}

/** Every listed agency, then any agency that submitted without being listed. */
function agencyEntries(data: ExportData, submissions: ExportSubmission[]): AgencyEntry[] {
  const byAgency = new Map(submissions.map((submission) => [submission.agencyId, submission]));
  const listed = new Set(data.agencies.map((agency) => agency.id));
  return [
    ...data.agencies.map((agency) => ({ name: agency.name, submission: byAgency.get(agency.id) })),
    ...submissions
      .filter((submission) => !listed.has(submission.agencyId))
      .map((submission) => ({ name: submission.agencyName, submission })),
  ];
}

function agencyResult(data: ExportData, entry: AgencyEntry, number: number): Paragraph[] {
  const counts = data.countsByAgency.find((candidate) => candidate.agencyName === entry.name);
  const breakdown = Object.entries(counts?.byType ?? {})
    .filter(([, count]) => count > 0)
    .map(([type, count]) => m.typeCount(type, count))
    .join('; ');
  const paragraphs = [
    body(`${number}. ${entry.name}`, { bold: true }),
    body(m.agencyActivities(counts?.total ?? 0, breakdown)),
  ];
  const { submission } = entry;
  if (!submission) return [...paragraphs, body(m.notSubmitted, { italics: true })];
  const late = submission.late ? [body(m.lateNote(formatVnDate(submission.submittedAt)), { italics: true })] : [];
  const tasks = submission.taskStatuses.map((task) =>
    body(
      m.task(
        task.section,
        withoutFinalStop(task.text),
        documentMessages.taskStatus[task.status],
        task.note && withoutFinalStop(task.note),
      ),
    ),
  );
  const answers = bodyQuestions(data, 'II').flatMap((question) => {
    const value = submission.answers[question.id];
    return hasAnswer(value) ? [body(m.answer(labelOf(question.prompt), withFinalStop(answerText(value))))] : [];
  });
  return [...paragraphs, ...late, ...tasks, ...answers];
}

const ISSUE_KINDS: IssueKind[] = ['difficulty', 'proposal'];

function proposals(data: ExportData, submissions: ExportSubmission[]): Paragraph[] {
  const groups = ISSUE_KINDS.map((kind) => ({
    kind,
    issues: data.issues.filter((issue) => issue.kind === kind),
  })).filter((group) => group.issues.length > 0);
  const issueParagraphs = groups.flatMap(({ kind, issues }, i) => [
    body(`${i + 1}. ${m.issueHeadings[kind]}`, { bold: true }),
    ...issues.map((issue) => body(m.issue(issue.text.trim().replace(/[.;]$/, ''), issue.agencyName))),
  ]);
  const questions = bodyQuestions(data, 'V');
  const answers = questions.length > 0 ? answeredQuestions(questions, submissions, groups.length + 1) : [];
  const all = [...issueParagraphs, ...answers];
  return all.length > 0 ? all : [placeholder()];
}
