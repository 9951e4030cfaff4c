import { saveDraft, type DraftContent } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { findStep, firstOpenStep, type StepRef } from '../../kernel/report-steps.js';
import { reportText } from '../../messages/index.js';
import { periodName } from './format.js';
import { previewReply, stepReply } from './prompts.js';
import type { ReportSession } from './session.js';
import { reportKind, type ReportState } from './state.js';

// Moving through a report: every move saves the draft and the conversation position in one transaction.

export const holds = (ctx: Ctx, session: ReportSession): boolean =>
  session.draft?.holderPersonId === ctx.actor.personId;

/** The draft was submitted, discarded or handed to someone else meanwhile: stop without writing. */
export function dropLost(ctx: Ctx, session: ReportSession): void {
  ctx.conversation.end();
  ctx.reply(reportText.draftLost(periodName(session.period)));
}

/** Saves the draft (with new content, if given) and the next position; false when the draft is no longer ours. */
export async function persist(
  ctx: Ctx,
  session: ReportSession,
  next: ReportState | null,
  content?: DraftContent,
): Promise<boolean> {
  if (next) ctx.conversation.set(reportKind, next);
  else ctx.conversation.end();
  const draft = session.draft!;
  const data = content ?? { answers: draft.answers, attachments: draft.attachments };
  const saved = await saveDraft(
    ctx.services.db,
    {
      periodId: session.period.id,
      agencyId: session.agency.id,
      personId: ctx.actor.personId,
      ...data,
      at: ctx.now,
    },
    ctx.conversation.takeWrite(),
  );
  if (saved) session.draft = { ...draft, ...data, updatedAt: ctx.now };
  return saved;
}

/** Saves and shows the step or preview that `next` points to. */
export async function show(
  ctx: Ctx,
  session: ReportSession,
  next: ReportState,
  content?: DraftContent,
  lead?: string,
): Promise<void> {
  if (!(await persist(ctx, session, next, content))) {
    dropLost(ctx, session);
    return;
  }
  await replyAt(ctx, session, next, lead);
}

export async function replyAt(ctx: Ctx, session: ReportSession, state: ReportState, lead?: string): Promise<void> {
  ctx.reply(state.mode === 'preview' ? previewReply(session, lead) : await stepReply(ctx, session, state, lead));
}

const base = (s: ReportSession) => ({ periodId: s.period.id, agencyId: s.agency.id });
const at = (s: ReportSession, ref: StepRef, editing?: boolean): ReportState => ({
  ...base(s),
  mode: 'ask',
  q: ref.q,
  t: ref.t,
  ...(editing ? { editing } : {}),
});

export const previewState = (s: ReportSession): ReportState => ({ ...base(s), mode: 'preview' });

/** The first unanswered step, or the preview when everything is answered. */
export function resumeState(s: ReportSession): ReportState {
  const open = firstOpenStep(s.steps, s.draft?.answers ?? {});
  return open < 0 ? previewState(s) : at(s, s.steps[open]!);
}

/** After an answer: within an edited question its next task, else the first unanswered step, else the preview. */
export function nextState(s: ReportSession, state: ReportState): ReportState {
  if (!state.editing) return resumeState(s);
  const following = s.steps[findStep(s.steps, { q: state.q!, t: state.t }) + 1];
  return following && following.q === state.q ? at(s, following, true) : previewState(s);
}

/** One step back; undefined on the very first step. */
export function previousState(s: ReportSession, state: ReportState): ReportState | undefined {
  const index = findStep(s.steps, { q: state.q!, t: state.t });
  const previous = s.steps[index - 1];
  if (state.editing) return previous && previous.q === state.q ? at(s, previous, true) : previewState(s);
  return index > 0 && previous ? at(s, previous) : undefined;
}

/** Question `n` (1-based) to edit from the preview; undefined when it has no step (a tasks question without tasks). */
export function editState(s: ReportSession, n: number): ReportState | undefined {
  const question = s.template.questions[n - 1];
  const first = question ? s.steps.find((step) => step.q === question.id) : undefined;
  return first ? at(s, first, true) : undefined;
}
