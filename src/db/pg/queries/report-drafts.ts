import { and, asc, eq, lt } from 'drizzle-orm';
import type { ConversationWrite } from '../../../kernel/conversation.js';
import type { ReportAnswers, ReportAttachment } from '../../../kernel/report.js';
import type { DraftKey, DraftRow, DraftUpdate, NewDraft } from '../../queries/report-drafts.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';

// One draft per period and agency, held by one officer (see the SQLite version).

const keyOf = (k: DraftKey) => and(eq(reportDrafts.periodId, k.periodId), eq(reportDrafts.agencyId, k.agencyId));

export async function findDraft(db: PgDb, key: DraftKey): Promise<DraftRow | undefined> {
  return selectDraft(db.orm, key);
}

async function selectDraft(ex: PgExec, key: DraftKey): Promise<DraftRow | undefined> {
  const [row] = await ex
    .select({ draft: reportDrafts, holderName: persons.name })
    .from(reportDrafts)
    .innerJoin(persons, eq(persons.id, reportDrafts.holderPersonId))
    .where(keyOf(key));
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

/** Creates the draft unless one exists (held by someone else, or a concurrent start). Returns whether it did. */
export async function createDraft(db: PgDb, draft: NewDraft, write: ConversationWrite | undefined): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const inserted = await tx
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
      .onConflictDoNothing();
    if (changed(inserted) === 0) return false;
    await applyConversationWrite(tx, write);
    return true;
  });
}

/** Saves one step's answers with the conversation state. False (nothing written) when the person no longer holds it. */
export async function saveDraft(db: PgDb, update: DraftUpdate, write: ConversationWrite | undefined): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const result = await tx
      .update(reportDrafts)
      .set({ answers: update.answers, attachments: update.attachments, updatedAt: update.at })
      .where(and(keyOf(update), eq(reportDrafts.holderPersonId, update.personId)));
    if (changed(result) === 0) return false;
    await applyConversationWrite(tx, write);
    return true;
  });
}

/** Moves the hold to `personId` if the draft was left untouched since `idleBefore`. */
export async function takeOverDraft(
  db: PgDb,
  input: DraftKey & { personId: number; idleBefore: Date; at: Date },
  write: ConversationWrite | undefined,
): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const before = await selectDraft(tx, input);
    const result = await tx
      .update(reportDrafts)
      .set({ holderPersonId: input.personId, updatedAt: input.at })
      .where(and(keyOf(input), lt(reportDrafts.updatedAt, input.idleBefore)));
    if (changed(result) === 0 || !before) return false;
    await appendAudit(tx, {
      actorPersonId: input.personId,
      action: 'report.draft.takeover',
      detail: { periodId: input.periodId, agencyId: input.agencyId, from: before.holderPersonId },
      at: input.at,
    });
    await applyConversationWrite(tx, write);
    return true;
  });
}

/** An admin frees a draft for another officer of the agency (idle since the epoch); the answers stay. */
export async function releaseDraft(db: PgDb, input: DraftKey & { actorPersonId: number; at: Date }): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const result = await tx
      .update(reportDrafts)
      .set({ updatedAt: new Date(0) })
      .where(keyOf(input));
    if (changed(result) === 0) return false;
    await appendAudit(tx, {
      actorPersonId: input.actorPersonId,
      action: 'report.draft.release',
      detail: { periodId: input.periodId, agencyId: input.agencyId },
      at: input.at,
    });
    return true;
  });
}

/** The holder throws the draft away (a submitted report it was editing stays as it was). */
export async function discardDraft(
  db: PgDb,
  input: DraftKey & { personId: number; at: Date },
  write: ConversationWrite | undefined,
): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const result = await tx
      .delete(reportDrafts)
      .where(and(keyOf(input), eq(reportDrafts.holderPersonId, input.personId)));
    if (changed(result) === 0) return false;
    await applyConversationWrite(tx, write);
    const detail = { periodId: input.periodId, agencyId: input.agencyId };
    await appendAudit(tx, { actorPersonId: input.personId, action: 'report.draft.discard', detail, at: input.at });
    return true;
  });
}

/** Drafts in progress for an agency, any period. */
export async function listAgencyDrafts(db: PgDb, agencyId: number): Promise<DraftRow[]> {
  const rows = await db.orm
    .select({ periodId: reportDrafts.periodId })
    .from(reportDrafts)
    .where(eq(reportDrafts.agencyId, agencyId))
    .orderBy(asc(reportDrafts.periodId));
  const drafts = await Promise.all(rows.map((r) => selectDraft(db.orm, { periodId: r.periodId, agencyId })));
  return drafts.filter((d): d is DraftRow => d !== undefined);
}
