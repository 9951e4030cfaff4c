import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { ConversationWrite } from '../../../kernel/conversation.js';
import type { ReportAnswers, ReportAttachment } from '../../../kernel/report.js';
import { toVnDate } from '../../../kernel/calendar/vn-time.js';
import type { DraftKey } from '../../queries/report-drafts.js';
import type { SubmissionRow, SubmitInput, SubmitResult } from '../../queries/report-submissions.js';
import type { OutgoingMessage } from '../../queries/outbox.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { persons, reportDrafts, reportIssues, submissions } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { insertOutgoing } from './outbox.js';

// Submitted reports, versioned, numbered BC-<year>-<sequence> (see the SQLite version). The sequence is counted
// inside a serializable transaction: two submissions at once cannot take the same number (one is retried).

const columns = {
  id: submissions.id,
  periodId: submissions.periodId,
  agencyId: submissions.agencyId,
  version: submissions.version,
  current: submissions.current,
  number: submissions.number,
  personId: submissions.personId,
  personName: persons.name,
  answers: submissions.answers,
  attachments: submissions.attachments,
  submittedAt: submissions.submittedAt,
  late: submissions.late,
  reopened: submissions.reopened,
};

const select = (ex: PgExec) =>
  ex.select(columns).from(submissions).innerJoin(persons, eq(persons.id, submissions.personId));
type Selected = Awaited<ReturnType<typeof select>>[number];
const toRow = (r: Selected): SubmissionRow => ({
  ...r,
  answers: r.answers as ReportAnswers,
  attachments: r.attachments as ReportAttachment[],
});
const ofReport = (k: DraftKey) => and(eq(submissions.periodId, k.periodId), eq(submissions.agencyId, k.agencyId));

export async function findCurrentSubmission(db: PgDb, key: DraftKey): Promise<SubmissionRow | undefined> {
  return currentOf(db.orm, key);
}

async function currentOf(ex: PgExec, key: DraftKey): Promise<SubmissionRow | undefined> {
  const [row] = await select(ex).where(and(ofReport(key), eq(submissions.current, true)));
  return row && toRow(row);
}

export async function findSubmission(db: PgDb, id: number): Promise<SubmissionRow | undefined> {
  const [row] = await select(db.orm).where(eq(submissions.id, id));
  return row && toRow(row);
}

/** Every version of one report, newest first. */
export async function listSubmissionVersions(db: PgDb, key: DraftKey): Promise<SubmissionRow[]> {
  return (await select(db.orm).where(ofReport(key)).orderBy(desc(submissions.version))).map(toRow);
}

/** Turns the person's draft into the next version, in one transaction with issues, notices and the conversation. */
export async function submitDraft(
  db: PgDb,
  input: SubmitInput,
  write: ConversationWrite | undefined,
): Promise<SubmitResult> {
  return pgTransaction(db, async (tx): Promise<SubmitResult> => {
    const [draft] = await tx
      .select()
      .from(reportDrafts)
      .where(
        and(
          eq(reportDrafts.periodId, input.periodId),
          eq(reportDrafts.agencyId, input.agencyId),
          eq(reportDrafts.holderPersonId, input.personId),
        ),
      );
    const previous = await currentOf(tx, input);
    if (!draft || draft.baseVersion !== (previous?.version ?? 0)) return { ok: false };
    const version = draft.baseVersion + 1;
    const number = previous ? `${await firstNumber(tx, input)}-${version}` : await nextNumber(tx, input.at);
    await tx.update(submissions).set({ current: false }).where(ofReport(input));
    const [inserted] = await tx
      .insert(submissions)
      .values({
        periodId: input.periodId,
        agencyId: input.agencyId,
        version,
        current: true,
        number,
        personId: input.personId,
        answers: draft.answers,
        attachments: draft.attachments,
        submittedAt: input.at,
        late: input.late,
      })
      .returning({ id: submissions.id });
    if (input.issues.length > 0)
      await tx.insert(reportIssues).values(input.issues.map((i) => ({ submissionId: inserted!.id, ...i })));
    await tx
      .delete(reportDrafts)
      .where(and(eq(reportDrafts.periodId, input.periodId), eq(reportDrafts.agencyId, input.agencyId)));
    await insertOutgoing(tx, input.notices, input.at);
    await appendAudit(tx, {
      actorPersonId: input.personId,
      action: 'report.submit',
      detail: { periodId: input.periodId, agencyId: input.agencyId, version, number, late: input.late },
      at: input.at,
    });
    await applyConversationWrite(tx, write);
    return { ok: true, submission: (await currentOf(tx, input))! };
  });
}

async function firstNumber(ex: PgExec, key: DraftKey): Promise<string> {
  const [row] = await ex
    .select({ number: submissions.number })
    .from(submissions)
    .where(and(ofReport(key), eq(submissions.version, 1)));
  return row!.number;
}

async function nextNumber(ex: PgExec, at: Date): Promise<string> {
  const prefix = `BC-${toVnDate(at).year}-`;
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(submissions)
    .where(and(eq(submissions.version, 1), like(submissions.number, `${prefix}%`)));
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** An admin lets the agency submit again after the deadline; the officers are told through the outbox. */
export async function reopenSubmission(
  db: PgDb,
  input: { submissionId: number; actorPersonId: number; at: Date; notices: OutgoingMessage[] },
): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx.update(submissions).set({ reopened: true }).where(eq(submissions.id, input.submissionId));
    await insertOutgoing(tx, input.notices, input.at);
    await appendAudit(tx, {
      actorPersonId: input.actorPersonId,
      action: 'report.reopen',
      detail: { submissionId: input.submissionId },
      at: input.at,
    });
  });
}

/** Reports of an agency reopened by an admin and not submitted again since. */
export async function listReopenedReports(db: PgDb, agencyId: number): Promise<SubmissionRow[]> {
  const rows = await select(db.orm)
    .where(and(eq(submissions.agencyId, agencyId), eq(submissions.current, true), eq(submissions.reopened, true)))
    .orderBy(asc(submissions.id));
  return rows.map(toRow);
}
