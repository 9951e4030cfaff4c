import { and, eq, lt, sql } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { ReportAnswers, ReportAttachment } from '../../kernel/report.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';

// One draft per period and agency, held by one officer: only the holder writes to it, so two officers of
// the same agency never overwrite each other. Every write checks the holder inside its transaction and
// commits the conversation state with it.

export interface DraftKey {
  periodId: number;
  agencyId: number;
}

export interface DraftRow extends DraftKey {
  holderPersonId: number;
  holderName: string;
  answers: ReportAnswers;
  attachments: ReportAttachment[];
  /** Version of the submission this draft edits (0 for a first report). */
  baseVersion: number;
  updatedAt: Date;
}

export interface DraftContent {
  answers: ReportAnswers;
  attachments: ReportAttachment[];
}

const keyOf = (k: DraftKey) => and(eq(reportDrafts.periodId, k.periodId), eq(reportDrafts.agencyId, k.agencyId));

export async function findDraft(db: Db, key: DraftKey): Promise<DraftRow | undefined> {
  return selectDraft(db, key);
}

function selectDraft(db: Db, key: DraftKey): DraftRow | undefined {
  const row = preparedQuery(db, 'drafts.select', () =>
    db.orm
      .select({ draft: reportDrafts, holderName: persons.name })
      .from(reportDrafts)
      .innerJoin(persons, eq(persons.id, reportDrafts.holderPersonId))
      .where(
        and(
          eq(reportDrafts.periodId, sql.placeholder('periodId')),
          eq(reportDrafts.agencyId, sql.placeholder('agencyId')),
        ),
      )
      .prepare(),
  ).get({ periodId: key.periodId, agencyId: key.agencyId });
  if (!row) return undefined;
  const d = row.draft;
  return {
    periodId: d.periodId,
    agencyId: d.agencyId,
    holderPersonId: d.holderPersonId,
    holderName: row.holderName,
    answers: d.answers as ReportAnswers,
    attachments: d.attachments as ReportAttachment[],
    baseVersion: d.baseVersion,
    updatedAt: d.updatedAt,
  };
}

export interface NewDraft extends DraftKey, DraftContent {
  personId: number;
  baseVersion: number;
  at: Date;
}

/** Creates the draft unless one exists (held by someone else, or a concurrent start). Returns whether it did. */
export async function createDraft(db: Db, draft: NewDraft, write: ConversationWrite | undefined): Promise<boolean> {
  return transaction(db, () => {
    if (selectDraft(db, draft)) return false;
    db.orm
      .insert(reportDrafts)
      .values({
        periodId: draft.periodId,
        agencyId: draft.agencyId,
        holderPersonId: draft.personId,
        answers: draft.answers,
        attachments: draft.attachments,
        baseVersion: draft.baseVersion,
        updatedAt: draft.at,
      })
      .run();
    applyConversationWrite(db, write);
    return true;
  });
}

export interface DraftUpdate extends DraftKey, DraftContent {
  personId: number;
  at: Date;
}

/** Saves one step's answers with the conversation state. False (nothing written) when the person no longer holds it. */
export async function saveDraft(db: Db, update: DraftUpdate, write: ConversationWrite | undefined): Promise<boolean> {
  return transaction(db, () => {
    const changed = db.orm
      .update(reportDrafts)
      .set({ answers: update.answers, attachments: update.attachments, updatedAt: update.at })
      .where(and(keyOf(update), eq(reportDrafts.holderPersonId, update.personId)))
      .run().changes;
    if (changed === 0) return false;
    applyConversationWrite(db, write);
    return true;
  });
}

/** Moves the hold to `personId` if the draft was left untouched since `idleBefore`. */
export async function takeOverDraft(
  db: Db,
  input: DraftKey & { personId: number; idleBefore: Date; at: Date },
  write: ConversationWrite | undefined,
): Promise<boolean> {
  return transaction(db, () => {
    const before = selectDraft(db, input);
    const changed = db.orm
      .update(reportDrafts)
      .set({ holderPersonId: input.personId, updatedAt: input.at })
      .where(and(keyOf(input), lt(reportDrafts.updatedAt, input.idleBefore)))
      .run().changes;
    if (changed === 0 || !before) return false;
    appendAudit(db, {
      actorPersonId: input.personId,
      action: 'report.draft.takeover',
      detail: { periodId: input.periodId, agencyId: input.agencyId, from: before.holderPersonId },
      at: input.at,
    });
    applyConversationWrite(db, write);
    return true;
  });
}

/**
 * An admin frees a draft for another officer of the agency: it is marked idle since the epoch, so the next
 * officer who runs /baocao may take it over; the answers stay.
 */
export async function releaseDraft(db: Db, input: DraftKey & { actorPersonId: number; at: Date }): Promise<boolean> {
  return transaction(db, () => {
    const changed = db.orm
      .update(reportDrafts)
      .set({ updatedAt: new Date(0) })
      .where(keyOf(input))
      .run().changes;
    if (changed === 0) return false;
    appendAudit(db, {
      actorPersonId: input.actorPersonId,
      action: 'report.draft.release',
      detail: { periodId: input.periodId, agencyId: input.agencyId },
      at: input.at,
    });
    return true;
  });
}

/** The holder throws the draft away (a submitted report it was editing stays as it was); audited. */
export async function discardDraft(
  db: Db,
  input: DraftKey & { personId: number; at: Date },
  write: ConversationWrite | undefined,
): Promise<boolean> {
  return transaction(db, () => {
    const changed = db.orm
      .delete(reportDrafts)
      .where(and(keyOf(input), eq(reportDrafts.holderPersonId, input.personId)))
      .run().changes;
    if (changed === 0) return false;
    applyConversationWrite(db, write);
    const detail = { periodId: input.periodId, agencyId: input.agencyId };
    appendAudit(db, { actorPersonId: input.personId, action: 'report.draft.discard', detail, at: input.at });
    return true;
  });
}

/** Drafts in progress for an agency, any period. */
export async function listAgencyDrafts(db: Db, agencyId: number): Promise<DraftRow[]> {
  return db.orm
    .select({ periodId: reportDrafts.periodId })
    .from(reportDrafts)
    .where(eq(reportDrafts.agencyId, agencyId))
    .all()
    .map((r) => selectDraft(db, { periodId: r.periodId, agencyId })!);
}
