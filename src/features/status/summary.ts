import { toVnDate, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { Period } from '../../kernel/calendar/periods.js';
import { mergeActivityTypes } from '../../plans/activity-types.js';
import type { ActivityType } from '../../kernel/plan.js';
import type { AgencyStatus } from '../../kernel/export-data.js';
import {
  choosePeriod,
  keyFrequency,
  normalizeKey,
  periodByKey,
  type ChosenPeriod,
} from '../../kernel/calendar/period-choice.js';
import {
  countAgencyTypeTotals,
  countNetworkActivities,
  countNetworkAgencyTotals,
  countNetworkTypeTotals,
  countPeriodReports,
  listActiveDuties,
  listChildNetworks,
  listExpectedAgencies,
  listPeriodIssues,
  listPeriodSubmissions,
  type DateWindow,
  type Db,
  type PeriodSubmission,
  type StatusAgency,
  type StatusNetwork,
  type TypeTotal,
} from '../../db/index.js';

// The figures of a leader's status view for one network and period, assembled from the aggregates.

export interface AgencyLine extends StatusAgency {
  status: AgencyStatus;
  submittedAt?: Date;
  number?: string;
  version?: number;
  submissionId?: number;
  /** Activities logged in the period. */
  activities: number;
}

export interface TypeLine extends TypeTotal {
  typeName: string;
}

export interface IssueLine {
  agencyId: number;
  agencyName: string;
  kind: 'difficulty' | 'proposal';
  text: string;
}

export interface ChildLine {
  id: string;
  name: string;
  /** The child network has a reporting duty (else submitted/expected mean nothing). */
  reporting: boolean;
  submitted: number;
  expected: number;
  activities: number;
}

export interface NetworkStatus {
  network: StatusNetwork;
  chosen: ChosenPeriod;
  window: DateWindow;
  /** Expected reporters, in plan order (every active agency when the network has no duty). */
  agencies: AgencyLine[];
  submitted: number;
  onTime: number;
  late: number;
  byType: TypeLine[];
  totals: { current: number; previous: number };
  issues: IssueLine[];
  children: ChildLine[];
}

/** The period a view is about by default: the open one with the nearest deadline. */
export async function resolveStatusPeriod(db: Db, networkId: string, now: Date): Promise<ChosenPeriod> {
  return choosePeriod(await listActiveDuties(db, networkId), toVnDate(now));
}

/** The period a key such as "2026-Q4" names in the network's duties. */
export async function findStatusPeriod(db: Db, networkId: string, key: string): Promise<ChosenPeriod | undefined> {
  return periodByKey(await listActiveDuties(db, networkId), key);
}

export function periodWindow(period: Pick<Period, 'start' | 'end'>): DateWindow {
  return { from: vnDateKey(period.start), to: vnDateKey(period.end) };
}

export async function loadNetworkStatus(
  db: Db,
  network: StatusNetwork,
  chosen: ChosenPeriod,
  now: Date,
  catalog: ActivityType[],
): Promise<NetworkStatus> {
  const window = periodWindow(chosen.period);
  const expected = await listExpectedAgencies(db, network.id, chosen.duty);
  const submissions = chosen.duty ? await listPeriodSubmissions(db, chosen.duty.id, chosen.period.key) : [];
  const counts = new Map((await countNetworkAgencyTotals(db, network.id, window)).map((r) => [r.agencyId, r.count]));
  const agencies = agencyLines(expected, submissions, counts);
  const names = new Map(agencies.map((a) => [a.id, a.shortName ?? a.name]));
  const issues = chosen.duty ? await listPeriodIssues(db, chosen.duty.id, chosen.period.key) : [];
  const totals = await countNetworkTypeTotals(db, network.id, window, previousFrom(chosen));
  const byType = typeLines(totals, typeNames(network, catalog));
  return {
    network,
    chosen,
    window,
    agencies,
    submitted: agencies.filter((a) => a.status !== 'missing').length,
    onTime: agencies.filter((a) => a.status === 'on-time').length,
    late: agencies.filter((a) => a.status === 'late').length,
    byType,
    totals: { current: sum(byType.map((t) => t.current)), previous: sum(byType.map((t) => t.previous)) },
    issues: issues.map((issue) => ({ ...issue, agencyName: names.get(issue.agencyId) ?? '' })),
    children: await childLines(db, network.id, chosen, window, now),
  };
}

export interface AgencyStatusView {
  network: StatusNetwork;
  chosen: ChosenPeriod;
  agency: AgencyLine;
  /** The period's duty expects a report from this agency. */
  expected: boolean;
  byType: TypeLine[];
  totals: { current: number; previous: number };
  issues: IssueLine[];
}

/** One agency's line: its report for the period, its activities against the previous period, its issues. */
export async function loadAgencyStatus(
  db: Db,
  network: StatusNetwork,
  agency: StatusAgency,
  chosen: ChosenPeriod,
  catalog: ActivityType[],
): Promise<AgencyStatusView> {
  const window = periodWindow(chosen.period);
  const expected = (await listExpectedAgencies(db, network.id, chosen.duty)).some((a) => a.id === agency.id);
  const submissions = chosen.duty
    ? (await listPeriodSubmissions(db, chosen.duty.id, chosen.period.key)).filter((s) => s.agencyId === agency.id)
    : [];
  const totals = await countAgencyTypeTotals(db, agency.id, window, previousFrom(chosen));
  const [line] = agencyLines([agency], submissions, new Map([[agency.id, sum(totals.map((t) => t.current))]]));
  const issues = chosen.duty ? await listPeriodIssues(db, chosen.duty.id, chosen.period.key) : [];
  const byType = typeLines(totals, typeNames(network, catalog));
  return {
    network,
    chosen,
    agency: line!,
    expected,
    byType,
    totals: { current: sum(byType.map((t) => t.current)), previous: sum(byType.map((t) => t.previous)) },
    issues: issues
      .filter((i) => i.agencyId === agency.id)
      .map((i) => ({ ...i, agencyName: agency.shortName ?? agency.name })),
  };
}

export function typeNames(network: Pick<StatusNetwork, 'activityTypes'>, catalog: ActivityType[]): Map<string, string> {
  return new Map(mergeActivityTypes(catalog, network.activityTypes ?? []).map((t) => [t.id, t.name]));
}

const previousFrom = (chosen: ChosenPeriod): string | undefined =>
  chosen.previous ? vnDateKey(chosen.previous.start) : undefined;

function agencyLines(
  expected: StatusAgency[],
  submissions: PeriodSubmission[],
  counts: Map<number, number>,
): AgencyLine[] {
  const byAgency = new Map(submissions.map((s) => [s.agencyId, s]));
  return expected.map((agency) => {
    const s = byAgency.get(agency.id);
    const activities = counts.get(agency.id) ?? 0;
    if (!s) return { ...agency, status: 'missing', activities };
    return {
      ...agency,
      status: s.late ? 'late' : 'on-time',
      submittedAt: s.submittedAt,
      number: s.number,
      version: s.version,
      submissionId: s.submissionId,
      activities,
    };
  });
}

/** Types with activity in either period, busiest first, catalog order breaking ties. */
function typeLines(totals: TypeTotal[], names: Map<string, string>): TypeLine[] {
  const order = new Map([...names.keys()].map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  return totals
    .filter((t) => t.current > 0 || t.previous > 0)
    .map((t) => ({ ...t, typeName: names.get(t.typeId) ?? t.typeId }))
    .sort((a, b) => b.current - a.current || b.previous - a.previous || rank(a.typeId) - rank(b.typeId));
}

// Children report in their own period of the same frequency (the same key when they have it); their
// activities are counted in the parent's window so the lines compare.
async function childLines(
  db: Db,
  parentId: string,
  parent: ChosenPeriod,
  window: DateWindow,
  now: Date,
): Promise<ChildLine[]> {
  const children = await listChildNetworks(db, parentId);
  const frequency = keyFrequency(normalizeKey(parent.period.key));
  const sameKey = frequency && frequency !== 'once' ? parent.period.key : undefined;
  const lines: ChildLine[] = [];
  for (const child of children) {
    const chosen =
      (sameKey ? await findStatusPeriod(db, child.id, sameKey) : undefined) ??
      (await resolveStatusPeriod(db, child.id, now));
    const counts = await countPeriodReports(
      db,
      child.id,
      chosen.duty?.spec ?? {},
      chosen.duty ? { dutyId: chosen.duty.id, key: chosen.period.key } : undefined,
    );
    const activities = await countNetworkActivities(db, child.id, window);
    lines.push({ id: child.id, name: child.name, reporting: Boolean(chosen.duty), ...counts, activities });
  }
  return lines;
}

const sum = (values: number[]): number => values.reduce((total, n) => total + n, 0);
