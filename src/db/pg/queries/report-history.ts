import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { PlanDuty } from '../../../kernel/plan.js';
import type { HistoryEntry } from '../../queries/report-history.js';
import { toPeriodRow } from '../../queries/reports.js';
import type { PgDb } from '../client.js';
import { duties, identities, memberships, periods, submissions } from '../schema.js';

/** Current versions of an agency's reports, latest period first. */
export async function listReportHistory(db: PgDb, agencyId: number, limit = 20): Promise<HistoryEntry[]> {
  const rows = await db.orm
    .select({ s: submissions, p: periods, spec: duties.spec })
    .from(submissions)
    .innerJoin(periods, eq(periods.id, submissions.periodId))
    .innerJoin(duties, eq(duties.id, periods.dutyId))
    .where(and(eq(submissions.agencyId, agencyId), eq(submissions.current, true)))
    .orderBy(desc(periods.deadline), desc(submissions.id))
    .limit(limit);
  return rows.map((r) => ({
    submissionId: r.s.id,
    period: toPeriodRow(r.p),
    dutyTitle: (r.spec as PlanDuty).title,
    number: r.s.number,
    version: r.s.version,
    submittedAt: r.s.submittedAt,
    late: r.s.late,
  }));
}

/** Private chats of an agency's active officers, for notices about their report. */
export async function listAgencyOfficerChats(
  db: PgDb,
  agencyId: number,
): Promise<{ platform: string; chatId: string }[]> {
  const rows = await db.orm
    .selectDistinct({ platform: identities.platform, chatId: identities.privateChatId })
    .from(memberships)
    .innerJoin(identities, eq(identities.personId, memberships.personId))
    .where(
      and(eq(memberships.agencyId, agencyId), eq(memberships.status, 'active'), isNotNull(identities.privateChatId)),
    );
  return rows.map((r) => ({ platform: r.platform, chatId: r.chatId! }));
}
