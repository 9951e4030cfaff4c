import {
  ensurePeriod,
  findCurrentSubmission,
  findDraft,
  findPeriodWithDuty,
  listAgencyDuties,
  listReopenedReports,
  type Db,
  type DraftRow,
  type DutyRow,
  type PeriodRow,
  type SubmissionRow,
} from '../../db/index.js';
import type { Membership } from '../../kernel/actor.js';
import { toVnDate } from '../../kernel/calendar/vn-time.js';
import { isLate, openPeriods } from './open-periods.js';

// Which reports an agency can work on now: open periods of its duties (materialised on demand) and any
// report an admin reopened, each with its draft and current submission.

/** A draft untouched this long may be taken over by another officer of the agency. */
export const DRAFT_HOLD_HOURS = 24;

export interface ReportCandidate {
  period: PeriodRow;
  duty: DutyRow;
  draft?: DraftRow;
  current?: SubmissionRow;
}

/** Duties the agency reports on: the receiving agency consolidates the others' reports instead. */
export async function reportingDuties(
  db: Db,
  officer: Pick<Membership, 'networkId' | 'agencySlug'>,
): Promise<DutyRow[]> {
  const duties = await listAgencyDuties(db, officer.networkId, officer.agencySlug);
  return duties.filter((d) => d.spec.receiverAgency !== officer.agencySlug);
}

export async function listCandidates(db: Db, officer: Membership, now: Date): Promise<ReportCandidate[]> {
  const today = toVnDate(now);
  const found: { period: PeriodRow; duty: DutyRow }[] = [];
  for (const duty of await reportingDuties(db, officer)) {
    for (const period of openPeriods(duty.spec, today))
      found.push({ period: await ensurePeriod(db, duty.id, period), duty });
  }
  for (const reopened of await listReopenedReports(db, officer.agencyId)) {
    const row = await findPeriodWithDuty(db, reopened.periodId);
    if (row && !found.some((f) => f.period.id === row.period.id)) found.push(row);
  }
  const candidates: ReportCandidate[] = [];
  for (const f of found) {
    const key = { periodId: f.period.id, agencyId: officer.agencyId };
    candidates.push({ ...f, draft: await findDraft(db, key), current: await findCurrentSubmission(db, key) });
  }
  return candidates.sort((a, b) => deadlineOrder(a) - deadlineOrder(b));
}

const deadlineOrder = (c: ReportCandidate) =>
  Date.UTC(c.period.deadline.year, c.period.deadline.month - 1, c.period.deadline.day);

/** A submitted report can be changed until its deadline, or later once an admin reopened it. */
export function isEditable(c: ReportCandidate, now: Date): boolean {
  return Boolean(c.current && (c.current.reopened || !isLate(c.period, now)));
}

/** Needs the officer's work: nothing submitted yet, a draft in progress, or reopened. */
export const needsWork = (c: ReportCandidate): boolean => !c.current || Boolean(c.draft) || c.current.reopened;

/** Reopened by an admin and not submitted again. */
export const isReopened = (c: ReportCandidate): boolean => Boolean(c.current?.reopened);

/** Past its deadline with nothing submitted yet: it will be filed late. */
export const isOverdue = (c: ReportCandidate, now: Date): boolean => !c.current && isLate(c.period, now);

/** A reopened or overdue report waits for the officer before any other: it comes first and is named. */
export const isUrgent = (c: ReportCandidate, now: Date): boolean => isReopened(c) || isOverdue(c, now);

/** Reopened first, then overdue, then the rest; by deadline within each. */
export function urgentFirst(list: ReportCandidate[], now: Date): ReportCandidate[] {
  const rank = (c: ReportCandidate) => (isReopened(c) ? 0 : isOverdue(c, now) ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/** A draft an admin freed with /baocao mokhoa (marked idle since the epoch). */
export const isReleased = (draft: DraftRow): boolean => draft.updatedAt.getTime() === 0;

export function isDraftIdle(draft: DraftRow, now: Date): boolean {
  return now.getTime() - draft.updatedAt.getTime() >= DRAFT_HOLD_HOURS * 3_600_000;
}
