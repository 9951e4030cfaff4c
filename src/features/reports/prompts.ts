import { findNetworkActivityTypes, sumAgencyActivityFigures } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { Choice, Reply } from '../../kernel/message.js';
import { isTaskAnswers, taskStatuses } from '../../kernel/report.js';
import type { StepRef } from '../../kernel/report-steps.js';
import { reportText, successionText } from '../../messages/index.js';
import { mergeActivityTypes } from '../../plans/activity-types.js';
import type { ActivityType, PlanQuestion } from '../../kernel/plan.js';
import { answerLines, attachmentsLine, dateText, formatAnswers, periodName } from './format.js';
import { questionNumber, questionOf, type ReportSession } from './session.js';
import type { ReportState } from './state.js';
import { backButton, skipButton } from '../shared/answers.js';
import {
  keepButton,
  optionButton,
  otherNumberButton,
  previewButton,
  taskStatusButton,
  yesNoButton,
} from './choices.js';

// What the officer sees at each step. On Zalo and the console choices are a numbered list where a typed
// number picks an option, so a step that wants a free number never shows choices.

const m = reportText;
const back: Choice = backButton.choice(m.backChoice);
const skip: Choice = skipButton.choice(m.skipChoice);

/** The question (or task) at `ref`, with `lead` (a reason or an introduction) above it. */
export async function stepReply(ctx: Ctx, session: ReportSession, state: ReportState, lead?: string): Promise<Reply> {
  const ref: StepRef = { q: state.q!, t: state.t };
  const question = questionOf(session, ref);
  const canGoBack = state.editing === true || session.steps.findIndex((s) => s.q === ref.q && s.t === ref.t) > 0;
  const body = await bodyFor(ctx, session, question, ref, state.mode, canGoBack);
  const text = [lead, header(session, question, ref), ...body.lines].filter(Boolean).join('\n');
  return body.choices.length > 0 ? { text, choices: body.choices } : { text };
}

function header(session: ReportSession, question: PlanQuestion, ref: StepRef): string {
  const taskIndex = ref.t ? session.tasks.findIndex((t) => t.slug === ref.t) : -1;
  const task = taskIndex >= 0 ? { index: taskIndex + 1, count: session.tasks.length } : undefined;
  const title = m.stepHeader({
    number: questionNumber(session, ref),
    total: session.template.questions.length,
    section: question.section,
    task,
  });
  return `${title}\n${question.prompt}`;
}

interface Body {
  lines: string[];
  choices: Choice[];
}

async function bodyFor(
  ctx: Ctx,
  session: ReportSession,
  q: PlanQuestion,
  ref: StepRef,
  mode: ReportState['mode'],
  canGoBack: boolean,
): Promise<Body> {
  const value = session.draft?.answers[q.id];
  const hint = q.hint ? [m.hint(q.hint)] : [];
  const nav = [...(q.optional ? [skip] : []), ...(canGoBack ? [back] : [])];
  if (q.type === 'tasks') return taskBody(session, ref, canGoBack);
  const current =
    value === undefined ? [] : [m.currentAnswer(answerLines(q, value, session.tasks)[0]!.replace(/^\s*→ /, ''))];
  if (q.type === 'choice') {
    const options = (q.options ?? []).map((label, i) => optionButton.choice(label, i));
    return { lines: [...hint, ...current, m.howChoice], choices: [...options, ...nav] };
  }
  if (q.type === 'yesno') {
    return {
      lines: [...hint, ...current, m.howChoice],
      choices: [yesNoButton.choice(m.yes, 'y'), yesNoButton.choice(m.no, 'n'), ...nav],
    };
  }
  if (q.type === 'number') return numberBody(ctx, session, q, mode, [...hint, ...current], canGoBack);
  // No buttons on free text either: a typed "1" would pick the first one on numbered-list platforms.
  return { lines: [...hint, ...current, m.howText(q.optional, canGoBack)], choices: [] };
}

function taskBody(session: ReportSession, ref: StepRef, canGoBack: boolean): Body {
  const task = session.tasks.find((t) => t.slug === ref.t)!;
  const value = session.draft?.answers[ref.q];
  const answer = isTaskAnswers(value) ? value[task.slug] : undefined;
  const current = answer
    ? [m.currentAnswer(`${m.taskStatus[answer.status]}${answer.note ? ` (${answer.note})` : ''}`)]
    : [];
  const choices = taskStatuses.map((s) => taskStatusButton.choice(m.taskStatus[s], s));
  return {
    lines: [
      m.taskLine(task.section, task.text),
      ...(task.inheritedFrom ? [successionText.inheritedFrom(task.inheritedFrom)] : []),
      ...current,
      m.howTask,
    ],
    choices: [...choices, ...(canGoBack ? [back] : [])],
  };
}

async function numberBody(
  ctx: Ctx,
  session: ReportSession,
  q: PlanQuestion,
  mode: ReportState['mode'],
  lines: string[],
  canGoBack: boolean,
): Promise<Body> {
  const free = { lines: [...lines, m.howNumber(q.optional, canGoBack)], choices: [] };
  if (!q.prefill || q.prefill.length === 0 || mode === 'typing') return free;
  const figures = await prefillFigures(ctx, session, q);
  const window = {
    types: await typeNames(ctx, session, q.prefill),
    from: dateText(session.period.start),
    to: dateText(session.period.end),
  };
  const count = figures.figure;
  if (count === 0) {
    const none = q.prefillOf === 'participants' ? m.prefillNoParticipants(window) : m.prefillNone(window);
    return { lines: [none, ...free.lines], choices: [] };
  }
  const choices = [keepButton.choice(m.keepChoice(count), count), otherNumberButton.choice(m.otherNumberChoice)];
  // "Quay lại"/"Bỏ qua" stay typed words here: as a third option, typing the figure "3" would pick them.
  const nav = [q.optional ? '“bỏ qua”' : '', canGoBack ? '“quay lại”' : ''].filter(Boolean);
  const typed = nav.length > 0 ? [m.typedNavigation(nav.join(', '))] : [];
  const offer =
    q.prefillOf === 'participants'
      ? m.prefillParticipantsOffer({ count, entries: figures.entries, missing: figures.missing, ...window })
      : m.prefillOffer({ count, entries: figures.entries, ...window });
  return { lines: [...lines, offer, ...typed], choices };
}

export interface PrefillFigures {
  /** The figure offered: the sum of logged quantities (an activity without one counts 1), or of attendees. */
  figure: number;
  /** Activities it comes from (for attendees: those that state them). */
  entries: number;
  /** Activities of the types that state no attendees (attendee questions only). */
  missing: number;
}

/** What the agency's activity log holds for the question's activity types in the period window. */
export async function prefillFigures(ctx: Ctx, session: ReportSession, q: PlanQuestion): Promise<PrefillFigures> {
  const f = await sumAgencyActivityFigures(
    ctx.services.db,
    session.agency.id,
    { from: vnDateKey(session.period.start), to: vnDateKey(session.period.end) },
    q.prefill ?? [],
  );
  if (q.prefillOf === 'participants')
    return { figure: f.participants, entries: f.withParticipants, missing: f.entries - f.withParticipants };
  return { figure: f.units, entries: f.entries, missing: 0 };
}

/**
 * The figure offered for a question; given its type list (`question.prefill`), the question holding that
 * very list is looked up so an attendee question still sums attendees.
 */
export async function prefillCount(
  ctx: Ctx,
  session: ReportSession,
  question: PlanQuestion | string[],
): Promise<number> {
  const q = Array.isArray(question)
    ? (session.template.questions.find((x) => x.prefill === question) ?? { ...numberQuestion, prefill: question })
    : question;
  return (await prefillFigures(ctx, session, q)).figure;
}

const numberQuestion: PlanQuestion = { id: 'prefill', type: 'number', prompt: '', optional: false };

async function typeNames(ctx: Ctx, session: ReportSession, typeIds: string[]): Promise<string> {
  const overrides = ((await findNetworkActivityTypes(ctx.services.db, session.agency.networkId)) ??
    []) as ActivityType[];
  const types = mergeActivityTypes(ctx.services.activityTypes, overrides);
  return typeIds.map((id) => types.find((t) => t.id === id)?.name ?? id).join('”, “');
}

export function previewReply(session: ReportSession, lead?: string): Reply {
  const draft = session.draft!;
  const text = [
    lead,
    m.previewTitle(session.template.title),
    m.previewMeta({
      agency: session.agency.name,
      period: periodName(session.period),
      deadline: dateText(session.period.deadline),
    }),
    draft.baseVersion > 0 ? m.editing(draft.baseVersion) : '',
    '',
    ...formatAnswers(session.template, draft.answers, session.tasks),
    ...attachmentsLine(draft.attachments),
    '',
    m.previewFooter,
  ]
    .filter((line) => line !== undefined && line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const choices = [
    previewButton.choice(m.submitChoice, 'submit'),
    previewButton.choice(m.editOneChoice, 'edit'),
    previewButton.choice(m.laterChoice, 'later'),
    previewButton.choice(m.discardChoice, 'discard'),
  ];
  return { text: text.trim(), choices };
}
