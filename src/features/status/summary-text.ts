import type { AgencyLine, AgencyStatusView, NetworkStatus } from './summary.js';
import { diffDays, formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import { statusText as m } from '../../messages/status.js';
import { vnParts } from '../../documents/dates.js';
import { fitLists, type FitList } from './fit-lists.js';

/** About one phone screen. */
export const MAX_LINES = 25;
const TOP = 3;
const ISSUE_CHARS = 90;
const TYPE_CHARS = 48;

export function statusSummaryText(s: NetworkStatus, now: Date): string {
  const head = [m.title(s.network.name), periodLine(s, now)];
  if (s.agencies.length === 0) {
    head.push(m.noAgencies);
    if (s.children.length === 0) return head.join('\n');
  } else if (s.chosen.duty) {
    head.push(s.submitted === s.agencies.length ? `${submittedLine(s)}. ${m.allSubmitted}` : submittedLine(s));
  }
  const ranking = rankingLines(s.agencies);
  const { heads, lists } = listSections(s);
  // Lines always there: the head, the activities line, the ranking, the list headings and the footer.
  const fixed = head.length + 1 + ranking.length + heads.filter(Boolean).length + 1;
  const [missing, types, issues, children] = fitLists(lists, MAX_LINES - fixed).map((lines, i) =>
    heads[i] ? [heads[i], ...lines] : lines,
  );
  return [...head, ...missing!, activitiesHead(s), ...types!, ...ranking, ...issues!, ...children!, m.footer].join(
    '\n',
  );
}

function periodLine(s: Pick<NetworkStatus, 'chosen'>, now: Date): string {
  const { period, duty } = s.chosen;
  if (!duty) return m.noDuty(period.label);
  return m.period(period.label, formatVnDate(period.deadline), diffDays(period.deadline, toVnDate(now)));
}

const submittedLine = (s: NetworkStatus) => m.submitted(s.submitted, s.agencies.length, s.onTime, s.late);

function activitiesHead(s: Pick<NetworkStatus, 'chosen' | 'totals'>): string {
  const previous = s.chosen.previous ? s.totals.previous : undefined;
  return s.totals.current === 0 ? m.noActivities(previous) : m.activitiesHead(s.totals.current, previous);
}

/** Missing agencies, activity types, issues, child networks: each list with its heading line, if any. */
function listSections(s: NetworkStatus): { heads: (string | undefined)[]; lists: FitList[] } {
  const missing = s.chosen.duty ? s.agencies.filter((a) => a.status === 'missing').map((a) => `- ${short(a)}`) : [];
  const types = s.byType
    .filter((t) => t.current > 0)
    .map((t) => m.typeLine(typeLabel(t.typeName), t.current, s.chosen.previous ? t.previous : undefined));
  const issues = s.issues.map((i) => m.issueLine(m.issueKind[i.kind], i.agencyName, clip(i.text, ISSUE_CHARS)));
  const children = s.children.map((c) =>
    c.reporting ? m.childLine(c.name, c.submitted, c.expected, c.activities) : m.childLineNoDuty(c.name, c.activities),
  );
  return {
    heads: [
      missing.length > 0 ? m.missingHead(missing.length) : undefined,
      undefined, // the activities line heads the types and is always there
      issues.length > 0 ? m.issuesHead(issues.length) : undefined,
      children.length > 0 ? m.childrenHead(children.length) : undefined,
    ],
    lists: [
      { items: missing, more: (hidden) => m.moreAgencies(hidden, missingCommand(s.network.id)) },
      { items: types, more: m.moreTypes },
      { items: issues, more: m.moreIssues },
      { items: children, more: m.moreChildren },
    ],
  };
}

/** The command that lists every agency that has not submitted (the summary cuts the list to fit a screen). */
export const missingCommand = (networkId: string): string => `/tinhhinh ${MISSING_WORD} ${networkId}`;
export const MISSING_WORD = 'chuanop';

/** Every agency of the network that has not submitted for the period, one a line. */
export function missingListText(s: NetworkStatus): string {
  if (!s.chosen.duty) return m.missingNoDuty(s.network.name);
  const missing = s.agencies.filter((a) => a.status === 'missing');
  if (missing.length === 0) return m.missingNone(s.network.name, s.chosen.period.label);
  const title = m.missingTitle(s.network.name, s.chosen.period.label, missing.length, s.agencies.length);
  return [title, ...missing.map((a, i) => `${i + 1}. ${a.name}`)].join('\n');
}

/** Most and least active agencies (ties in plan order); nothing to rank with fewer than two or no activity at all. */
function rankingLines(agencies: AgencyLine[]): string[] {
  if (agencies.length < 2 || agencies.every((a) => a.activities === 0)) return [];
  const most = [...agencies]
    .sort((a, b) => b.activities - a.activities)
    .slice(0, Math.min(TOP, Math.floor(agencies.length / 2)))
    .filter((a) => a.activities > 0);
  const least = [...agencies]
    .sort((a, b) => a.activities - b.activities)
    .filter((a) => !most.includes(a))
    .slice(0, TOP);
  const list = (items: AgencyLine[]) => items.map((a) => m.agencyCount(short(a), a.activities)).join(', ');
  return [m.mostActive(list(most)), m.leastActive(list(least))];
}

export function agencyStatusText(v: AgencyStatusView, now: Date, officer: boolean): string {
  const lines = [m.agencyTitle(v.agency.name, v.network.name), periodLine(v, now)];
  if (v.chosen.duty) lines.push(reportLine(v, officer));
  lines.push(activitiesHead(v));
  const types = v.byType.filter((t) => t.current > 0 || t.previous > 0);
  lines.push(
    ...types.map((t) => m.typeLine(typeLabel(t.typeName), t.current, v.chosen.previous ? t.previous : undefined)),
  );
  lines.push(...v.issues.map((i) => m.issueOwn(m.issueKind[i.kind], i.text)));
  return lines.join('\n');
}

function reportLine(v: AgencyStatusView, officer: boolean): string {
  const a = v.agency;
  if (a.status === 'missing')
    return v.expected ? (officer ? m.report.missingOfficer : m.report.missing) : m.report.notExpected;
  const at = formatInstant(a.submittedAt!);
  return a.status === 'late'
    ? m.report.late(at, a.number ?? '', a.version ?? 1)
    : m.report.onTime(at, a.number ?? '', a.version ?? 1);
}

const short = (a: Pick<AgencyLine, 'name' | 'shortName'>): string => a.shortName ?? a.name;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A type name short enough for one line on a phone: examples in brackets dropped. */
const typeLabel = (name: string): string => clip(name.replace(/\s*\([^)]*\)\s*$/, ''), TYPE_CHARS);

function formatInstant(instant: Date): string {
  const { hour, minute } = vnParts(instant);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${formatVnDate(toVnDate(instant))}`;
}
