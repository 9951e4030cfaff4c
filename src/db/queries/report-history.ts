import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { PlanDuty } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { duties, identities, memberships, periods, submissions } from '../schema.js';
import { toPeriodRow, type PeriodRow } from './reports.js';

// Looking back at reports: an agency's submissions by period; the officers to tell about their report.

export interface HistoryEntry {
  submissionId: number;
  period: PeriodRow;
  dutyTitle: string;
  number: string;
  version: number;
  submittedAt: Date;
  late: boolean;
}

/** Current versions of an agency's reports, latest period first. */
export async function listReportHistory(db: Db, agencyId: number, limit = 20): Promise<HistoryEntry[]> {
  return db.orm
    .select({ s: submissions, p: periods, spec: duties.spec })
    .from(submissions)
    .innerJoin(periods, eq(periods.id, submissions.periodId))
    .innerJoin(duties, eq(duties.id, periods.dutyId))
    .where(and(eq(submissions.agencyId, agencyId), eq(submissions.current, true)))
    .orderBy(desc(periods.deadline), desc(submissions.id))
    .limit(limit)
    .all()
    .map((r) => ({
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
  db: Db,
  agencyId: number,
): Promise<{ platform: string; chatId: string }[]> {
  return db.orm
    .selectDistinct({ platform: identities.platform, chatId: identities.privateChatId })
    .from(memberships)
    .innerJoin(identities, eq(identities.personId, memberships.personId))
    .where(
      and(eq(memberships.agencyId, agencyId), eq(memberships.status, 'active'), isNotNull(identities.privateChatId)),
    )
    .all()
    .map((r) => ({ platform: r.platform, chatId: r.chatId! }));
}
