import type { DateWindow, StatusNetwork } from '../../db/index.js';
import type { NetworkStatus } from './summary.js';
import { deadlineInstant } from '../../kernel/calendar/periods.js';
import { addDays, toVnDate, vnDateKey, vnInstant } from '../../kernel/calendar/vn-time.js';
import { statusText } from '../../messages/status.js';
import type { ChartInput } from '../../documents/chart.js';
import type { ExportNetwork, ExportPeriod, MonthCount } from '../../kernel/export-data.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';

// Leaders' views as the document renderers' input.

const d = statusText.document;

/**
 * The issuing body of a network's consolidated report: its People's Committee, reporting to the committee
 * of the parent network, or to the ministry for a province. A draft: the leader edits it before signing.
 */
export function exportNetwork(
  network: StatusNetwork,
  parent: Pick<StatusNetwork, 'name'> | undefined,
  duty?: { receiver?: unknown; receiverAgency?: string },
): ExportNetwork {
  const recipients = [recipientOf(network, parent, duty)];
  return {
    id: network.id,
    name: network.name,
    level: network.level as ExportNetwork['level'],
    issuer: { name: d.issuer(network.name), abbreviation: d.abbreviation },
    place: network.name.replace(d.levelWords, ''),
    recipients,
  };
}

/** "Kính gửi": the parent network's committee, the ministry for a province, else the plan's outside receiver. */
function recipientOf(
  network: StatusNetwork,
  parent: Pick<StatusNetwork, 'name'> | undefined,
  duty: { receiver?: unknown; receiverAgency?: string } | undefined,
): string {
  if (parent) return d.parentRecipient(parent.name);
  if (network.level === 'province') return d.provinceRecipient;
  // A receiver that is one of the network's own agencies is where officers report, not where the network does.
  if (typeof duty?.receiver === 'string' && !duty.receiverAgency) return duty.receiver;
  return d.upperRecipient;
}

export function exportPeriod({ period }: Pick<ChosenPeriod, 'period'>): ExportPeriod {
  return {
    key: period.key,
    label: period.label,
    start: vnInstant(period.start),
    end: new Date(vnInstant(addDays(period.end, 1)).getTime() - 1000),
    deadline: deadlineInstant(period),
  };
}

/** Without a reporting duty there is no submission status to draw, only the activities. */
export function chartInput(status: NetworkStatus, months: MonthCount[], now: Date): ChartInput {
  const agencies = status.chosen.duty
    ? status.agencies.map((a) => ({ id: a.slug, name: a.shortName ?? a.name, status: a.status }))
    : [];
  const activitiesByMonth = monthsSoFar(status.window, now, months);
  return {
    network: exportNetwork(status.network, undefined),
    period: exportPeriod(status.chosen),
    agencies,
    activitiesByMonth,
  };
}

/** Every month of the window up to today, quiet ones as zero, so the bars show the gaps. */
export function monthsSoFar(window: DateWindow, now: Date, counts: MonthCount[]): MonthCount[] {
  const today = vnDateKey(toVnDate(now));
  return everyMonth(window.from, window.to < today ? window.to : today, counts);
}

function everyMonth(from: string, to: string, counts: MonthCount[]): MonthCount[] {
  const known = new Map(counts.map((c) => [c.month, c.count]));
  const out: MonthCount[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let key = from.slice(0, 7); key <= to.slice(0, 7); key = `${year}-${String(month).padStart(2, '0')}`) {
    out.push({ month: key, count: known.get(key) ?? 0 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}
