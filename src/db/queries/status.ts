import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';

// Aggregates for leaders' views. Each is one indexed query: activities through the index
// (network_id, date, type_id, agency_id, deleted_at) or (agency_id, date), submissions through the period's
// (duty_id, key).
//
// Figures are sums of logged quantities, not entry counts: "đăng 3 bài" is one entry worth 3, and an entry
// without a quantity counts 1 (see UNITS).

const UNITS = sql.raw('coalesce(quantity, 1)');

export interface DateWindow {
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
}

export interface PeriodSubmission {
  submissionId: number;
  agencyId: number;
  submittedAt: Date;
  late: boolean;
  number: string;
  version: number;
}

export interface ActivityCell {
  agencyId: number;
  typeId: string;
  count: number;
}

export interface PeriodIssue {
  agencyId: number;
  kind: 'difficulty' | 'proposal';
  text: string;
}

/** Current versions of the submissions filed for one period of a duty. */
export async function listPeriodSubmissions(db: Db, dutyId: number, periodKey: string): Promise<PeriodSubmission[]> {
  const rows = db.orm.all<{
    submissionId: number;
    agencyId: number;
    submittedAt: number;
    late: number;
    number: string;
    version: number;
  }>(sql`
    SELECT s.id AS submissionId, s.agency_id AS agencyId, s.submitted_at AS submittedAt, s.late AS late, s.number AS number, s.version AS version
    FROM periods p JOIN submissions s ON s.period_id = p.id AND s.current = 1
    WHERE p.duty_id = ${dutyId} AND p.key = ${periodKey}`);
  return rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt), late: Boolean(r.late) }));
}

export interface TypeTotal {
  typeId: string;
  current: number;
  previous: number;
}

/**
 * Activities per type of a network in the current window and in the previous one (from `previousFrom` to
 * the day before `current.from`). The inner GROUP BY follows the covering index (network_id, date, type_id,
 * ...), so SQLite aggregates as it scans instead of sorting every row.
 */
export async function countNetworkTypeTotals(
  db: Db,
  networkId: string,
  current: DateWindow,
  previousFrom?: string,
): Promise<TypeTotal[]> {
  return db.orm.all<TypeTotal>(sql`
    SELECT typeId, sum(CASE WHEN date >= ${current.from} THEN n ELSE 0 END) AS current, sum(CASE WHEN date < ${current.from} THEN n ELSE 0 END) AS previous
    FROM (
      SELECT date, type_id AS typeId, sum(${UNITS}) AS n FROM activities
      WHERE network_id = ${networkId} AND date >= ${previousFrom ?? current.from} AND date <= ${current.to} AND deleted_at IS NULL
      GROUP BY date, type_id
    ) GROUP BY typeId`);
}

/** Activities per agency of a network in a window. */
export async function countNetworkAgencyTotals(
  db: Db,
  networkId: string,
  window: DateWindow,
): Promise<{ agencyId: number; count: number }[]> {
  return db.orm.all<{ agencyId: number; count: number }>(sql`
    SELECT agency_id AS agencyId, sum(${UNITS}) AS count FROM activities
    WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
    GROUP BY agency_id`);
}

/** Activities per agency and type of a network in a window (for the workbook). */
export async function countNetworkActivityCells(
  db: Db,
  networkId: string,
  window: DateWindow,
): Promise<ActivityCell[]> {
  return db.orm.all<ActivityCell>(sql`
    SELECT agency_id AS agencyId, type_id AS typeId, sum(${UNITS}) AS count FROM activities
    WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
    GROUP BY agency_id, type_id`);
}

/** Activities per type of one agency, current and previous window (activities_agency_date). */
export async function countAgencyTypeTotals(
  db: Db,
  agencyId: number,
  current: DateWindow,
  previousFrom?: string,
): Promise<TypeTotal[]> {
  return db.orm.all<TypeTotal>(sql`
    SELECT type_id AS typeId, sum(CASE WHEN date >= ${current.from} THEN ${UNITS} ELSE 0 END) AS current, sum(CASE WHEN date < ${current.from} THEN ${UNITS} ELSE 0 END) AS previous
    FROM activities
    WHERE agency_id = ${agencyId} AND date >= ${previousFrom ?? current.from} AND date <= ${current.to} AND deleted_at IS NULL
    GROUP BY type_id`);
}

export async function countNetworkActivities(db: Db, networkId: string, window: DateWindow): Promise<number> {
  const row = db.orm.get<{ n: number }>(sql`
    SELECT coalesce(sum(${UNITS}), 0) AS n FROM activities
    WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL`);
  return row?.n ?? 0;
}

/** Activities per month ('YYYY-MM') of a network in a window. */
export async function countNetworkActivitiesByMonth(
  db: Db,
  networkId: string,
  window: DateWindow,
): Promise<{ month: string; count: number }[]> {
  return db.orm.all<{ month: string; count: number }>(sql`
    SELECT substr(date, 1, 7) AS month, sum(n) AS count FROM (
      SELECT date, sum(${UNITS}) AS n FROM activities
      WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
      GROUP BY date
    ) GROUP BY month ORDER BY month`);
}

/**
 * How many agencies a duty expects a report from (see listExpectedAgencies: active reporters, the receiving
 * agency left out) and how many of them filed one for the period: the numbers of a child network's roll-up line.
 */
export async function countPeriodReports(
  db: Db,
  networkId: string,
  duty: ReporterSpec,
  period?: { dutyId: number; key: string },
): Promise<{ expected: number; submitted: number }> {
  const expectedAgency = sql`a.network_id = ${networkId} AND a.active = 1 AND a.slug IS NOT ${duty.receiverAgency ?? null}${listedSlugs(duty.reporters)}`;
  const expected = db.orm.get<{ n: number }>(sql`SELECT count(*) AS n FROM agencies a WHERE ${expectedAgency}`)?.n ?? 0;
  if (!period) return { expected, submitted: 0 };
  const submitted =
    db.orm.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM periods p
    JOIN submissions s ON s.period_id = p.id AND s.current = 1
    JOIN agencies a ON a.id = s.agency_id AND ${expectedAgency}
    WHERE p.duty_id = ${period.dutyId} AND p.key = ${period.key}`)?.n ?? 0;
  return { expected, submitted };
}

export interface ReporterSpec {
  reporters?: unknown;
  receiverAgency?: string;
}

function listedSlugs(reporters: unknown): SQL {
  if (!Array.isArray(reporters)) return sql``;
  return sql` AND a.slug IN (${sql.join(reporters.length > 0 ? reporters.map(String) : [''], sql`, `)})`;
}

/** Difficulties and proposals raised in the current submissions of a period, newest first. */
export async function listPeriodIssues(db: Db, dutyId: number, periodKey: string): Promise<PeriodIssue[]> {
  return db.orm.all<PeriodIssue>(sql`
    SELECT s.agency_id AS agencyId, ri.kind AS kind, ri.text AS text
    FROM periods p
    JOIN submissions s ON s.period_id = p.id AND s.current = 1
    JOIN report_issues ri ON ri.submission_id = s.id
    WHERE p.duty_id = ${dutyId} AND p.key = ${periodKey}
    ORDER BY s.submitted_at DESC, ri.id`);
}

export interface ActivityFigures {
  /** Entries logged. */
  entries: number;
  /** Sum of their quantities (an entry without one counts 1). */
  units: number;
  /** Sum of the attendees stated, and how many entries state them. */
  participants: number;
  withParticipants: number;
}

/** What one agency logged for some activity types in a window: the figures a report question is prefilled with. */
export async function sumAgencyActivityFigures(
  db: Db,
  agencyId: number,
  window: DateWindow,
  typeIds: string[],
): Promise<ActivityFigures> {
  const row = db.orm.get<ActivityFigures>(sql`
    SELECT count(*) AS entries, coalesce(sum(${UNITS}), 0) AS units, coalesce(sum(participants), 0) AS participants, count(participants) AS withParticipants
    FROM activities
    WHERE agency_id = ${agencyId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
      AND type_id IN (${sql.join(typeIds.length > 0 ? typeIds : [''], sql`, `)})`);
  return row ?? { entries: 0, units: 0, participants: 0, withParticipants: 0 };
}
