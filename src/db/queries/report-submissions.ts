import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { ReportAnswers, ReportAttachment } from '../../kernel/report.js';
import { toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { persons, reportDrafts, reportIssues, submissions } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import type { DraftKey } from './report-drafts.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

// Submitted reports. Every submission is a new version; older versions are kept and the `current` flag
// moves to the newest. Receipt numbers are BC-<year>-<sequence>: the sequence counts first submissions of
// that year (Vietnam time) across the database; a later version keeps its report's number plus
// "-<version>" (BC-2026-0007-2).

export interface SubmissionRow extends DraftKey {
  id: number;
  version: number;
  current: boolean;
  number: string;
  personId: number;
  personName: string;
  answers: ReportAnswers;
  attachments: ReportAttachment[];
  submittedAt: Date;
  late: boolean;
  reopened: boolean;
}

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

const select = (db: Db) =>
  db.orm.select(columns).from(submissions).innerJoin(persons, eq(persons.id, submissions.personId));
const toRow = (r: ReturnType<ReturnType<typeof select>['get']>): SubmissionRow | undefined =>
  r ? { ...r, answers: r.answers as ReportAnswers, attachments: r.attachments as ReportAttachment[] } : undefined;
const ofReport = (k: DraftKey) => and(eq(submissions.periodId, k.periodId), eq(submissions.agencyId, k.agencyId));

export async function findCurrentSubmission(db: Db, key: DraftKey): Promise<SubmissionRow | undefined> {
  return currentOf(db, key);
}

function currentOf(db: Db, key: DraftKey): SubmissionRow | undefined {
  return toRow(
    preparedQuery(db, 'submissions.current', () =>
      select(db)
        .where(
          and(
            eq(submissions.periodId, sql.placeholder('periodId')),
            eq(submissions.agencyId, sql.placeholder('agencyId')),
            eq(submissions.current, true),
          ),
        )
        .prepare(),
    ).get({ periodId: key.periodId, agencyId: key.agencyId }),
  );
}

export async function findSubmission(db: Db, id: number): Promise<SubmissionRow | undefined> {
  return toRow(select(db).where(eq(submissions.id, id)).get());
}

/** Every version of one report, newest first. */
export async function listSubmissionVersions(db: Db, key: DraftKey): Promise<SubmissionRow[]> {
  return select(db)
    .where(ofReport(key))
    .orderBy(desc(submissions.version))
    .all()
    .map((r) => toRow(r)!);
}

export interface IssueInput {
  kind: 'difficulty' | 'proposal';
  text: string;
}

export interface SubmitInput extends DraftKey {
  personId: number;
  at: Date;
  late: boolean;
  issues: IssueInput[];
  /** Group notices; their idempotency keys make a later version add none. */
  notices: OutgoingMessage[];
}

export type SubmitResult = { ok: true; submission: SubmissionRow } | { ok: false };

/** Turns the person's draft into the next version, in one transaction with issues, notices and the conversation. */
export async function submitDraft(
  db: Db,
  input: SubmitInput,
  write: ConversationWrite | undefined,
): Promise<SubmitResult> {
  return transaction(db, () => {
    const draft = db.orm
      .select()
      .from(reportDrafts)
      .where(
        and(
          eq(reportDrafts.periodId, input.periodId),
          eq(reportDrafts.agencyId, input.agencyId),
          eq(reportDrafts.holderPersonId, input.personId),
        ),
      )
      .get();
    const previous = currentOf(db, input);
    if (!draft || draft.baseVersion !== (previous?.version ?? 0)) return { ok: false } as const;
    const version = draft.baseVersion + 1;
    const number = previous ? `${firstNumber(db, input)}-${version}` : nextNumber(db, input.at);
    db.orm.update(submissions).set({ current: false }).where(ofReport(input)).run();
    const { id } = db.orm
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
      .returning({ id: submissions.id })
      .get();
    if (input.issues.length > 0)
      db.orm
        .insert(reportIssues)
        .values(input.issues.map((i) => ({ submissionId: id, ...i })))
        .run();
    db.orm
      .delete(reportDrafts)
      .where(and(eq(reportDrafts.periodId, input.periodId), eq(reportDrafts.agencyId, input.agencyId)))
      .run();
    insertOutgoing(db, input.notices, input.at);
    appendAudit(db, {
      actorPersonId: input.personId,
      action: 'report.submit',
      detail: { periodId: input.periodId, agencyId: input.agencyId, version, number, late: input.late },
      at: input.at,
    });
    applyConversationWrite(db, write);
    return { ok: true, submission: currentOf(db, input)! } as const;
  });
}

function firstNumber(db: Db, key: DraftKey): string {
  return db.orm
    .select({ number: submissions.number })
    .from(submissions)
    .where(and(ofReport(key), eq(submissions.version, 1)))
    .get()!.number;
}

function nextNumber(db: Db, at: Date): string {
  const prefix = `BC-${toVnDate(at).year}-`;
  const row = db.orm
    .select({ n: sql<number>`count(*)` })
    .from(submissions)
    .where(and(eq(submissions.version, 1), like(submissions.number, `${prefix}%`)))
    .get();
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** An admin lets the agency submit again after the deadline; the officers are told through the outbox. */
export async function reopenSubmission(
  db: Db,
  input: { submissionId: number; actorPersonId: number; at: Date; notices: OutgoingMessage[] },
): Promise<void> {
  transaction(db, () => {
    db.orm.update(submissions).set({ reopened: true }).where(eq(submissions.id, input.submissionId)).run();
    insertOutgoing(db, input.notices, input.at);
    appendAudit(db, {
      actorPersonId: input.actorPersonId,
      action: 'report.reopen',
      detail: { submissionId: input.submissionId },
      at: input.at,
    });
  });
}

/** Reports of an agency reopened by an admin and not submitted again since. */
export async function listReopenedReports(db: Db, agencyId: number): Promise<SubmissionRow[]> {
  return preparedQuery(db, 'submissions.reopened', () =>
    select(db)
      .where(
        and(
          eq(submissions.agencyId, sql.placeholder('agencyId')),
          eq(submissions.current, true),
          eq(submissions.reopened, true),
        ),
      )
      .prepare(),
  )
    .all({ agencyId })
    .map((r) => toRow(r)!);
}
