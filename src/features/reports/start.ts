import { createDraft, takeOverDraft } from '../../db/index.js';
import type { Membership } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { isAnswered } from '../../kernel/report-steps.js';
import { reportText } from '../../messages/index.js';
import { replyAt, resumeState, show } from './flow.js';
import { atText, dateText, isOnce, periodName } from './format.js';
import { loadSession, type ReportSession } from './session.js';
import {
  DRAFT_HOLD_HOURS,
  isDraftIdle,
  isEditable,
  isOverdue,
  isReleased,
  isReopened,
  isUrgent,
  listCandidates,
  needsWork,
  reportingDuties,
  urgentFirst,
  type ReportCandidate,
} from './target.js';
import { isLate } from './open-periods.js';
import { normalize } from '../../kernel/text.js';
import { diffDays } from '../../kernel/calendar/vn-time.js';
import { reportKind } from './state.js';
import { requireOfficer } from '../shared/officer.js';

// /baocao without arguments: find the report the officer's agency should work on and start, resume,
// offer to edit, or say who holds it.

const m = reportText;

export async function startReport(ctx: Ctx, periodId?: number): Promise<void> {
  const officer = requireOfficer(ctx.actor);
  const candidates = await listCandidates(ctx.services.db, officer, ctx.now);
  if (periodId !== undefined) return handle(ctx, officer, findCandidate(candidates, periodId));
  if (candidates.length === 0) return replyNothingOpen(ctx, officer);
  const pending = candidates.filter(needsWork);
  const urgent = pending.filter((c) => isUrgent(c, ctx.now));
  const mine = candidates.find((c) => c.draft?.holderPersonId === ctx.actor.personId);
  // The officer's own draft is resumed, unless a reopened or overdue report waits elsewhere: then both are offered.
  if (mine && urgent.every((c) => c === mine)) return handle(ctx, officer, mine);
  const list = pending.length > 0 ? pending : candidates.filter((c) => isEditable(c, ctx.now));
  if (list.length > 1) return replyMenu(ctx, urgentFirst(list, ctx.now));
  const chosen = list[0] ?? candidates[candidates.length - 1]!;
  return handle(ctx, officer, chosen, closedNote(candidates, chosen, ctx.now));
}

/** `/baocao 2026`, `/baocao 2026-Q4`, `/baocao năm 2026`: the open (or reopened) period it names. */
export async function startReportFor(ctx: Ctx, text: string): Promise<void> {
  const officer = requireOfficer(ctx.actor);
  const candidates = await listCandidates(ctx.services.db, officer, ctx.now);
  const wanted = normalize(text);
  const named = candidates.filter(
    (c) =>
      normalize(c.period.key) === wanted ||
      normalize(c.period.label) === wanted ||
      normalize(periodName(c.period)) === wanted,
  );
  if (named.length === 1) return handle(ctx, officer, named[0]!);
  if (named.length > 1) return replyMenu(ctx, urgentFirst(named, ctx.now));
  if (candidates.length === 0) return replyNothingOpen(ctx, officer);
  ctx.reply(m.periodKeyNotOpen(text.slice(0, 40)), menuChoices(urgentFirst(candidates, ctx.now), ctx.now));
}

/** Past reports that can no longer be changed, named above the one opened in their place. */
function closedNote(candidates: ReportCandidate[], chosen: ReportCandidate, now: Date): string | undefined {
  const closed = candidates.filter((c) => c !== chosen && c.current && !isEditable(c, now));
  if (closed.length === 0) return undefined;
  return closed.map((c) => m.closedBefore(periodName(c.period), c.current!.number)).join('\n');
}

export function findCandidate(candidates: ReportCandidate[], periodId: number): ReportCandidate {
  const found = candidates.find((c) => c.period.id === periodId);
  if (!found) throw new UserError(m.periodNotOpen);
  return found;
}

async function replyNothingOpen(ctx: Ctx, officer: Membership): Promise<void> {
  const duties = await reportingDuties(ctx.services.db, officer);
  ctx.reply(duties.length === 0 ? m.noDuty(officer.agencyName) : m.nothingOpen(officer.agencyName));
}

function replyMenu(ctx: Ctx, list: ReportCandidate[]): void {
  const urgent = list.filter((c) => isUrgent(c, ctx.now));
  const lead = urgent.map((c) => (isReopened(c) ? m.reopenedFirst : m.overdueFirst)(periodName(c.period)));
  ctx.reply([...lead, m.pickReport].join('\n'), menuChoices(list, ctx.now));
}

function menuChoices(list: ReportCandidate[], now: Date) {
  return list.map((c) => ({
    id: `/baocao ky ${c.period.id}`,
    label: m.pickLabel(
      c.duty.spec.title,
      isOnce(c.period) ? undefined : c.period.label,
      isReopened(c) ? m.tagReopened : isOverdue(c, now) ? m.tagOverdue : undefined,
    ),
  }));
}

async function handle(ctx: Ctx, officer: Membership, c: ReportCandidate, note?: string): Promise<void> {
  if (c.draft) return handleDraft(ctx, officer, c);
  if (!c.current) return begin(ctx, officer, c, [note, lateWarning(ctx, c)]);
  if (c.current.reopened) return begin(ctx, officer, c, [m.reopenedStart(periodName(c.period))]);
  const facts = {
    period: periodName(c.period),
    number: c.current.number,
    at: atText(c.current.submittedAt),
    person: c.current.personName,
    deadline: dateText(c.period.deadline),
  };
  const view = { id: `/baocao xem ${c.current.id}`, label: m.viewChoice };
  if (!isEditable(c, ctx.now)) return ctx.reply(m.submittedClosed(facts), [view]);
  ctx.reply(m.submittedEditable(facts), [{ id: `/baocao sua ${c.period.id}`, label: m.editChoice }, view]);
}

async function handleDraft(ctx: Ctx, officer: Membership, c: ReportCandidate): Promise<void> {
  const draft = c.draft!;
  if (draft.holderPersonId === ctx.actor.personId) return resume(ctx, officer, c);
  const facts = { holder: draft.holderName, period: periodName(c.period), updated: atText(draft.updatedAt) };
  const choice = [{ id: `/baocao nhan ${c.period.id}`, label: m.takeOverChoice }];
  // Freed by an admin: there is no real "last updated" time to show (it is kept as the epoch).
  if (isReleased(draft)) return ctx.reply(m.takeOverReleased(facts), choice);
  if (isDraftIdle(draft, ctx.now)) {
    return ctx.reply(m.takeOverOffer(facts), [{ id: `/baocao nhan ${c.period.id}`, label: m.takeOverChoice }]);
  }
  ctx.reply(m.heldByOther({ ...facts, hours: DRAFT_HOLD_HOURS }));
}

async function resume(ctx: Ctx, officer: Membership, c: ReportCandidate, lead?: string): Promise<void> {
  const session = await loadSession(ctx.services, c.period.id, officer.agencyId);
  // Counted in questions, like the "Câu 3/16" header below it, not in steps (one per task).
  const answers = session.draft!.answers;
  const questions = session.template.questions;
  const answered = questions.filter((q) =>
    session.steps.filter((s) => s.q === q.id).every((s) => isAnswered(answers, s)),
  ).length;
  const text = [lead, lateWarning(ctx, c), m.resumed(answered, questions.length)].filter(Boolean).join('\n');
  return show(ctx, session, resumeState(session), undefined, text);
}

/** A new draft: empty for a first report, else a copy of the current submission to edit. */
/** Said when work starts on a report past its deadline: it will be filed late. */
function lateWarning(ctx: Ctx, c: ReportCandidate): string | undefined {
  if (!isLate(c.period, ctx.now) || c.current?.reopened) return undefined;
  return m.lateStart(periodName(c.period), dateText(c.period.deadline));
}

async function begin(
  ctx: Ctx,
  officer: Membership,
  c: ReportCandidate,
  notes: (string | undefined)[] = [],
): Promise<void> {
  const session = await loadSession(ctx.services, c.period.id, officer.agencyId);
  const content = c.current
    ? { answers: c.current.answers, attachments: c.current.attachments }
    : { answers: {}, attachments: [] };
  const baseVersion = c.current?.version ?? 0;
  session.draft = {
    periodId: c.period.id,
    agencyId: officer.agencyId,
    holderPersonId: ctx.actor.personId,
    holderName: ctx.actor.name,
    ...content,
    baseVersion,
    updatedAt: ctx.now,
  };
  const state = resumeState(session);
  ctx.conversation.set(reportKind, state);
  const created = await createDraft(
    ctx.services.db,
    { ...session.draft, personId: ctx.actor.personId, at: ctx.now },
    ctx.conversation.takeWrite(),
  );
  // Another officer started the same report a moment ago: show whose it is.
  if (!created) return startReport(ctx, c.period.id);
  const lead = [...notes, state.mode === 'preview' ? undefined : intro(session)].filter(Boolean).join('\n');
  return replyAt(ctx, session, state, lead || undefined);
}

function intro(session: ReportSession): string {
  return m.intro({
    title: session.template.title,
    agency: session.agency.name,
    period: isOnce(session.period) ? undefined : session.period.label,
    from: dateText(session.period.start),
    to: dateText(session.period.end),
    deadline: dateText(session.period.deadline),
    questions: session.template.questions.length,
    dueBeforeEnd: diffDays(session.period.deadline, session.period.end) < 0,
  });
}

/** `/baocao sua <kỳ>`: copy the current submission into a draft and show its preview. */
export async function editSubmitted(ctx: Ctx, periodId: number): Promise<void> {
  const officer = requireOfficer(ctx.actor);
  const c = findCandidate(await listCandidates(ctx.services.db, officer, ctx.now), periodId);
  if (c.draft) return handleDraft(ctx, officer, c);
  if (!isEditable(c, ctx.now)) throw new UserError(m.notEditable);
  return begin(ctx, officer, c);
}

/** `/baocao nhan <kỳ>`: take over a draft its holder left idle (or an admin released). */
export async function takeOver(ctx: Ctx, periodId: number): Promise<void> {
  const officer = requireOfficer(ctx.actor);
  const c = findCandidate(await listCandidates(ctx.services.db, officer, ctx.now), periodId);
  if (!c.draft) throw new UserError(m.takeOverFailed);
  if (c.draft.holderPersonId === ctx.actor.personId) return resume(ctx, officer, c);
  if (!isDraftIdle(c.draft, ctx.now)) return handleDraft(ctx, officer, c);
  const session = await loadSession(ctx.services, periodId, officer.agencyId);
  session.draft = { ...c.draft, holderPersonId: ctx.actor.personId, holderName: ctx.actor.name, updatedAt: ctx.now };
  const state = resumeState(session);
  ctx.conversation.set(reportKind, state);
  const idleBefore = new Date(ctx.now.getTime() - DRAFT_HOLD_HOURS * 3_600_000 + 1);
  const key = { periodId, agencyId: officer.agencyId, personId: ctx.actor.personId, idleBefore, at: ctx.now };
  if (!(await takeOverDraft(ctx.services.db, key, ctx.conversation.takeWrite()))) throw new UserError(m.takeOverFailed);
  return replyAt(ctx, session, state, m.takenOver(c.draft.holderName));
}
