import { sql, type SQL } from 'drizzle-orm';
import type {
  ActivityCell,
  ActivityFigures,
  DateWindow,
  PeriodIssue,
  PeriodSubmission,
  ReporterSpec,
  TypeTotal,
} from '../../queries/status.js';
import type { PgDb } from '../client.js';
import { first, rows } from '../run.js';

// Aggregates for leaders' views (see the SQLite version): figures are sums of logged quantities, an entry
// without a quantity counting 1.

const UNITS = sql.raw('coalesce(quantity, 1)');
const inWindow = (w: DateWindow) => sql`date >= ${w.from} AND date <= ${w.to} AND deleted_at IS NULL`;

export async function listPeriodSubmissions(db: PgDb, dutyId: number, periodKey: string): Promise<PeriodSubmission[]> {
  // drizzle hands raw timestamptz values over as text (its column mappers make the Dates): made here.
  const found = await rows<Omit<PeriodSubmission, 'submittedAt'> & { submittedAt: string }>(
    db.orm,
    sql`
    SELECT s.id AS "submissionId", s.agency_id AS "agencyId", s.submitted_at AS "submittedAt", s.late AS late,
      s.number AS number, s.version AS version
    FROM periods p JOIN submissions s ON s.period_id = p.id AND s.current
    WHERE p.duty_id = ${dutyId} AND p.key = ${periodKey}
    ORDER BY s.id`,
  );
  return found.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt) }));
}

export async function countNetworkTypeTotals(
  db: PgDb,
  networkId: string,
  current: DateWindow,
  previousFrom?: string,
): Promise<TypeTotal[]> {
  return rows<TypeTotal>(
    db.orm,
    sql`
    SELECT "typeId", sum(CASE WHEN date >= ${current.from} THEN n ELSE 0 END)::int AS current,
      sum(CASE WHEN date < ${current.from} THEN n ELSE 0 END)::int AS previous
    FROM (
      SELECT date, type_id AS "typeId", sum(${UNITS}) AS n FROM activities
      WHERE network_id = ${networkId} AND date >= ${previousFrom ?? current.from} AND date <= ${current.to}
        AND deleted_at IS NULL
      GROUP BY date, type_id
    ) per_day GROUP BY "typeId" ORDER BY "typeId"`,
  );
}

export async function countNetworkAgencyTotals(
  db: PgDb,
  networkId: string,
  window: DateWindow,
): Promise<{ agencyId: number; count: number }[]> {
  return rows(
    db.orm,
    sql`
    SELECT agency_id AS "agencyId", sum(${UNITS})::int AS count FROM activities
    WHERE network_id = ${networkId} AND ${inWindow(window)}
    GROUP BY agency_id ORDER BY agency_id`,
  );
}

export async function countNetworkActivityCells(
  db: PgDb,
  networkId: string,
  window: DateWindow,
): Promise<ActivityCell[]> {
  return rows<ActivityCell>(
    db.orm,
    sql`
    SELECT agency_id AS "agencyId", type_id AS "typeId", sum(${UNITS})::int AS count FROM activities
    WHERE network_id = ${networkId} AND ${inWindow(window)}
    GROUP BY agency_id, type_id ORDER BY agency_id, type_id`,
  );
}

export async function countAgencyTypeTotals(
  db: PgDb,
  agencyId: number,
  current: DateWindow,
  previousFrom?: string,
): Promise<TypeTotal[]> {
  return rows<TypeTotal>(
    db.orm,
    sql`
    SELECT type_id AS "typeId", sum(CASE WHEN date >= ${current.from} THEN ${UNITS} ELSE 0 END)::int AS current,
      sum(CASE WHEN date < ${current.from} THEN ${UNITS} ELSE 0 END)::int AS previous
    FROM activities
    WHERE agency_id = ${agencyId} AND date >= ${previousFrom ?? current.from} AND date <= ${current.to}
      AND deleted_at IS NULL
    GROUP BY type_id ORDER BY type_id`,
  );
}

export async function countNetworkActivities(db: PgDb, networkId: string, window: DateWindow): Promise<number> {
  const row = await first<{ n: number }>(
    db.orm,
    sql`SELECT coalesce(sum(${UNITS}), 0)::int AS n FROM activities WHERE network_id = ${networkId} AND ${inWindow(window)}`,
  );
  return row?.n ?? 0;
}

export async function countNetworkActivitiesByMonth(
  db: PgDb,
  networkId: string,
  window: DateWindow,
): Promise<{ month: string; count: number }[]> {
  return rows(
    db.orm,
    sql`
    SELECT substr(date, 1, 7) AS month, sum(${UNITS})::int AS count FROM activities
    WHERE network_id = ${networkId} AND ${inWindow(window)}
    GROUP BY month ORDER BY month`,
  );
}

export async function countPeriodReports(
  db: PgDb,
  networkId: string,
  duty: ReporterSpec,
  period?: { dutyId: number; key: string },
): Promise<{ expected: number; submitted: number }> {
  const expectedAgency = sql`a.network_id = ${networkId} AND a.active AND a.slug IS DISTINCT FROM ${duty.receiverAgency ?? null}::text${listedSlugs(duty.reporters)}`;
  const expected =
    (await first<{ n: number }>(db.orm, sql`SELECT count(*)::int AS n FROM agencies a WHERE ${expectedAgency}`))?.n ??
    0;
  if (!period) return { expected, submitted: 0 };
  const submitted =
    (
      await first<{ n: number }>(
        db.orm,
        sql`
    SELECT count(*)::int AS n FROM periods p
    JOIN submissions s ON s.period_id = p.id AND s.current
    JOIN agencies a ON a.id = s.agency_id AND ${expectedAgency}
    WHERE p.duty_id = ${period.dutyId} AND p.key = ${period.key}`,
      )
    )?.n ?? 0;
  return { expected, submitted };
}

function listedSlugs(reporters: unknown): SQL {
  if (!Array.isArray(reporters)) return sql``;
  return sql` AND a.slug IN (${sql.join(reporters.length > 0 ? reporters.map(String) : [''], sql`, `)})`;
}

export async function listPeriodIssues(db: PgDb, dutyId: number, periodKey: string): Promise<PeriodIssue[]> {
  return rows<PeriodIssue>(
    db.orm,
    sql`
    SELECT s.agency_id AS "agencyId", ri.kind AS kind, ri.text AS text
    FROM periods p
    JOIN submissions s ON s.period_id = p.id AND s.current
    JOIN report_issues ri ON ri.submission_id = s.id
    WHERE p.duty_id = ${dutyId} AND p.key = ${periodKey}
    ORDER BY s.submitted_at DESC, ri.id`,
  );
}

export async function sumAgencyActivityFigures(
  db: PgDb,
  agencyId: number,
  window: DateWindow,
  typeIds: string[],
): Promise<ActivityFigures> {
  const row = await first<ActivityFigures>(
    db.orm,
    sql`
    SELECT count(*)::int AS entries, coalesce(sum(${UNITS}), 0)::int AS units,
      coalesce(sum(participants), 0)::int AS participants, count(participants)::int AS "withParticipants"
    FROM activities
    WHERE agency_id = ${agencyId} AND ${inWindow(window)}
      AND type_id IN (${sql.join(typeIds.length > 0 ? typeIds : [''], sql`, `)})`,
  );
  return row ?? { entries: 0, units: 0, participants: 0, withParticipants: 0 };
}
