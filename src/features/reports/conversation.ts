import { discardDraft, findMenu } from '../../db/index.js';
import type { ConversationDef, Ctx } from '../../bot/context.js';
import type { PlanQuestion } from '../../kernel/plan.js';
import type { ReportAttachment, TaskAnswer, TaskAnswers } from '../../kernel/report.js';
import { isTaskAnswers } from '../../kernel/report.js';
import { answerWord, backButton, isBack, parseEditRequest } from '../shared/answers.js';
import { discardButton, keepButton, previewButton } from './choices.js';
import { findStep } from '../../kernel/report-steps.js';
import { reportText } from '../../messages/index.js';
import { interpret } from './answer.js';
import { hasClassifiedMarking } from '../shared/classified.js';
import {
  dropLost,
  editState,
  holds,
  nextState,
  persist,
  previewState,
  previousState,
  replyAt,
  resumeState,
  show,
} from './flow.js';
import { previewReply, stepReply } from './prompts.js';
import { loadSession, questionOf, type ReportSession } from './session.js';
import { reportKind, type ReportState } from './state.js';
import { submitReport } from './submit.js';

// The report conversation: one question per message, then the preview and submission.

const m = reportText;

export const reportConversation: ConversationDef<ReportState> = {
  ...reportKind,
  async step(ctx, state) {
    const session = await loadSession(ctx.services, state.periodId, state.agencyId);
    if (!holds(ctx, session)) return dropLost(ctx, session);
    if (ctx.msg.attachments.length > 0) return attach(ctx, session, state);
    if (state.mode === 'preview') return onPreview(ctx, session);
    if (state.mode === 'pick') return onPick(ctx, session);
    if (state.mode === 'discard') return onDiscard(ctx, session);
    return onAnswer(ctx, session, state);
  },
};

async function onAnswer(ctx: Ctx, session: ReportSession, state: ReportState): Promise<void> {
  const index = findStep(session.steps, { q: state.q ?? '', t: state.t });
  // The plan changed under a saved position: carry on from the first unanswered step.
  if (index < 0) return show(ctx, session, resumeState(session));
  const ref = session.steps[index]!;
  const question = questionOf(session, ref);
  const offered = await offeredFigure(ctx, question, state);
  const result = interpret(question, ref.t !== undefined, ctx.msg, state.mode, offered);
  const answers = { ...session.draft!.answers };
  switch (result.kind) {
    case 'error':
      return ctx.reply(await stepReply(ctx, session, state, result.reason));
    case 'typing':
      return show(ctx, session, { ...state, mode: 'typing' });
    case 'back': {
      const previous = previousState(session, state);
      return previous ? show(ctx, session, previous) : ctx.reply(await stepReply(ctx, session, state, m.firstStep));
    }
    case 'skip':
      answers[question.id] = null;
      break;
    case 'value':
      answers[question.id] = result.value;
      break;
    case 'task': {
      const existing = answers[question.id];
      const tasks: TaskAnswers = isTaskAnswers(existing) ? { ...existing } : {};
      answers[question.id] = { ...tasks, [ref.t!]: result.value };
      break;
    }
    case 'all-tasks': {
      const { tasks, count } = answerRemainingTasks(session, question.id, ref.t!, result.value);
      answers[question.id] = tasks;
      session.draft = { ...session.draft!, answers };
      // Edited from the preview: every task of the question is answered now, so back to the preview.
      const next = state.editing ? previewState(session) : resumeState(session);
      const lead = m.allTasksAnswered(m.taskStatus[result.value.status], count);
      return show(ctx, session, next, { answers, attachments: session.draft.attachments }, lead);
    }
  }
  session.draft = { ...session.draft!, answers };
  return show(ctx, session, nextState(session, state), { answers, attachments: session.draft.attachments });
}

/** The figure the "Giữ số này?" button shown with this step offers, read only when a typed word may answer it. */
async function offeredFigure(ctx: Ctx, question: PlanQuestion, state: ReportState): Promise<number | undefined> {
  if (question.type !== 'number' || !question.prefill?.length || state.mode !== 'ask' || ctx.msg.choice)
    return undefined;
  const word = answerWord(ctx.msg.text);
  if (word !== 'keep' && word !== 'yes' && word !== 'no') return undefined;
  const { platform, chat, sender } = ctx.msg;
  const menu = await findMenu(ctx.services.db, { platform, chatId: chat.id, userId: sender.id });
  return menu?.map((c) => keepButton.parse(c.id)?.[0]).find((n) => n !== undefined);
}

/** "tất cả đều …": the current task and every task not answered yet; tasks answered before keep their answer. */
function answerRemainingTasks(
  session: ReportSession,
  questionId: string,
  current: string,
  value: TaskAnswer,
): { tasks: TaskAnswers; count: number } {
  const existing = session.draft!.answers[questionId];
  const tasks: TaskAnswers = isTaskAnswers(existing) ? { ...existing } : {};
  let count = 0;
  for (const step of session.steps) {
    if (step.q !== questionId || !step.t || (step.t !== current && tasks[step.t])) continue;
    tasks[step.t] = value;
    count++;
  }
  return { tasks, count };
}

async function onPreview(ctx: Ctx, session: ReportSession): Promise<void> {
  const { choice, text } = ctx.msg;
  const word = choice ? undefined : answerWord(text);
  const typed = word === 'submit' ? 'submit' : word === 'delete' ? 'discard' : undefined;
  const action = previewButton.parse(choice)?.[0] ?? typed;
  if (action === 'submit') return submitReport(ctx, session);
  if (action === 'edit') return pickQuestion(ctx, session);
  if (action === 'later') return saveForLater(ctx, session);
  if (action === 'discard') return confirmDiscard(ctx, session);
  const n = choice ? undefined : parseEditRequest(text);
  if (n !== undefined) return editQuestion(ctx, session, n);
  ctx.reply(previewReply(session, m.previewPick));
}

async function pickQuestion(ctx: Ctx, session: ReportSession): Promise<void> {
  if (!(await persist(ctx, session, { ...previewState(session), mode: 'pick' }))) return dropLost(ctx, session);
  ctx.reply(m.pickQuestion(session.template.questions.length));
}

async function onPick(ctx: Ctx, session: ReportSession): Promise<void> {
  const { choice, text } = ctx.msg;
  if (backButton.is(choice) || (!choice && isBack(text))) return show(ctx, session, previewState(session));
  const typed = /^\s*(\d{1,3})\s*$/.exec(text)?.[1];
  const n = choice ? undefined : typed ? Number(typed) : parseEditRequest(text);
  if (n === undefined) return ctx.reply(m.pickQuestion(session.template.questions.length));
  return editQuestion(ctx, session, n);
}

async function editQuestion(ctx: Ctx, session: ReportSession, n: number): Promise<void> {
  const total = session.template.questions.length;
  if (n < 1 || n > total) return ctx.reply(`${m.badQuestionNumber(total)} ${m.pickQuestion(total)}`);
  const next = editState(session, n);
  if (!next) return ctx.reply(previewReply(session, m.noTasksToEdit));
  return show(ctx, session, next);
}

async function saveForLater(ctx: Ctx, session: ReportSession): Promise<void> {
  if (!(await persist(ctx, session, null))) return dropLost(ctx, session);
  ctx.reply(m.savedForLater);
}

async function confirmDiscard(ctx: Ctx, session: ReportSession): Promise<void> {
  if (!(await persist(ctx, session, { ...previewState(session), mode: 'discard' }))) return dropLost(ctx, session);
  ctx.reply(m.discardConfirm, [discardButton.choice(m.discardYes, 'yes'), discardButton.choice(m.discardNo, 'no')]);
}

async function onDiscard(ctx: Ctx, session: ReportSession): Promise<void> {
  const word = ctx.msg.choice ? undefined : answerWord(ctx.msg.text);
  const confirmed = discardButton.parse(ctx.msg.choice)?.[0] === 'yes' || word === 'delete' || word === 'yes';
  if (!confirmed) return show(ctx, session, previewState(session));
  ctx.conversation.end();
  const key = { periodId: session.period.id, agencyId: session.agency.id, personId: ctx.actor.personId, at: ctx.now };
  if (!(await discardDraft(ctx.services.db, key, ctx.conversation.takeWrite()))) return dropLost(ctx, session);
  ctx.reply(m.discarded);
}

/** Files sent during the conversation join the draft as platform references; the step stays where it was. */
async function attach(ctx: Ctx, session: ReportSession, state: ReportState): Promise<void> {
  if (ctx.msg.attachments.some((a) => a.name && hasClassifiedMarking(a.name))) {
    return replyAt(
      ctx,
      session,
      state.mode === 'ask' || state.mode === 'typing' ? state : previewState(session),
      m.classifiedFile,
    );
  }
  const added: ReportAttachment[] = ctx.msg.attachments.map((a) => ({
    platform: ctx.msg.platform,
    kind: a.kind,
    fileId: a.fileId,
    ...(a.name ? { name: a.name } : {}),
    ...(state.q ? { questionId: state.q } : {}),
  }));
  const draft = session.draft!;
  const attachments = [...draft.attachments, ...added];
  const lead = m.attached(added.length, attachments.length);
  const next = state.mode === 'ask' || state.mode === 'typing' ? state : previewState(session);
  return show(ctx, session, next, { answers: draft.answers, attachments }, lead);
}
