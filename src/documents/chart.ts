import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { documentMessages } from '../messages/documents.js';
import type { AgencyStatus, ExportData, MonthCount } from '../kernel/export-data.js';
import { fitText, rect, text, type TextStyle } from './svg.js';

const m = documentMessages.chart;

/**
 * The chart is always CHART_WIDTH x CHART_HEIGHT px (1000 x 700): large enough that 22 px text stays
 * readable when a phone shrinks the picture to its screen width.
 */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 700;

export type ChartInput = Pick<ExportData, 'network' | 'period' | 'agencies' | 'activitiesByMonth'>;
export interface ChartOptions {
  /** Replaces the default title (the network name). */
  title?: string;
}

export const FONT_FAMILY = 'DejaVu Sans';
const fontFile = (name: string): string => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url));

const COLORS: Record<AgencyStatus, string> = { 'on-time': '#2e7d32', late: '#ef6c00', missing: '#c62828' };
const BAR_COLOR = '#1565c0';
const MARGIN = 40;
const INNER_WIDTH = CHART_WIDTH - 2 * MARGIN;
const MONTHS_SHOWN = 12;
const PENDING_SLOTS = 6;

export function renderStatusChart(data: ChartInput, opts: ChartOptions = {}): Buffer {
  return renderPng(chartSvg(data, opts));
}

/** Any of our charts' SVG as PNG, with the bundled fonts only (the picture looks the same on every server). */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [fontFile('DejaVuSans.ttf'), fontFile('DejaVuSans-Bold.ttf')],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}

export function chartSvg(data: ChartInput, opts: ChartOptions = {}): string {
  const title = opts.title ?? data.network.name;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    rect(0, 0, CHART_WIDTH, CHART_HEIGHT, '#ffffff'),
    fittedText(MARGIN, 40, title, { size: 26, bold: true }, INNER_WIDTH),
    fittedText(MARGIN, 74, m.period(data.period.label), { size: 22, fill: '#424242' }, INNER_WIDTH),
    statusPanel(data.agencies, 96),
    `<line x1="${MARGIN}" y1="418" x2="${CHART_WIDTH - MARGIN}" y2="418" stroke="#bdbdbd" stroke-width="2"/>`,
    monthPanel(data.activitiesByMonth, 424),
    '</svg>',
  ].join('\n');
}

const STATUSES: AgencyStatus[] = ['on-time', 'late', 'missing'];

function statusPanel(agencies: ChartInput['agencies'], top: number): string {
  const parts = [text(MARGIN, top + 36, m.statusHeading(agencies.length), { size: 24, bold: true })];
  if (agencies.length === 0) return parts.concat(noData(top + 170)).join('\n');
  const counts = STATUSES.map((status) => agencies.filter((a) => a.status === status).length);
  parts.push(stackedBar(counts, agencies.length, top + 54));
  parts.push(legend(counts, top + 146));
  parts.push(pendingList(agencies, top + 166));
  return parts.join('\n');
}

function stackedBar(counts: number[], total: number, y: number): string {
  const height = 56;
  let x = MARGIN;
  const parts: string[] = [];
  counts.forEach((count, i) => {
    const width = (count / total) * INNER_WIDTH;
    if (width === 0) return;
    parts.push(rect(x, y, width, height, COLORS[STATUSES[i]!]));
    if (width >= 44)
      parts.push(
        text(x + width / 2, y + 38, String(count), { size: 26, bold: true, anchor: 'middle', fill: '#ffffff' }),
      );
    x += width;
  });
  return parts.join('\n');
}

function legend(counts: number[], y: number): string {
  const slot = INNER_WIDTH / STATUSES.length;
  return STATUSES.map((status, i) => {
    const x = MARGIN + i * slot;
    return rect(x, y - 20, 24, 24, COLORS[status]) + text(x + 34, y, m.statusLegend(status, counts[i]!), { size: 24 });
  }).join('\n');
}

// Missing agencies first: they are the ones the reader has to chase.
function pendingList(agencies: ChartInput['agencies'], top: number): string {
  const pending = [...agencies.filter((a) => a.status === 'missing'), ...agencies.filter((a) => a.status === 'late')];
  if (pending.length === 0) return text(MARGIN, top + 30, m.allOnTime, { size: 22, fill: COLORS['on-time'] });
  const overflow = pending.length > PENDING_SLOTS;
  const shown = pending.slice(0, overflow ? PENDING_SLOTS - 1 : PENDING_SLOTS);
  const columnWidth = INNER_WIDTH / 2;
  const items = shown.map((agency, i) => {
    const x = MARGIN + (i % 2) * columnWidth;
    const y = top + 64 + Math.floor(i / 2) * 34;
    const dot = `<circle cx="${x + 8}" cy="${y - 8}" r="8" fill="${COLORS[agency.status]}"/>`;
    return dot + fittedText(x + 24, y, agency.name, { size: 22 }, columnWidth - 40);
  });
  if (overflow) {
    const slot = PENDING_SLOTS - 1;
    const x = MARGIN + (slot % 2) * columnWidth + 24;
    items.push(
      text(x, top + 64 + Math.floor(slot / 2) * 34, m.more(pending.length - shown.length), {
        size: 22,
        fill: '#616161',
      }),
    );
  }
  return [text(MARGIN, top + 28, m.pendingHeading, { size: 22, bold: true }), ...items].join('\n');
}

function monthPanel(months: MonthCount[], top: number): string {
  const heading = text(MARGIN, top + 36, m.monthHeading, { size: 24, bold: true });
  const shown = [...months].sort((a, b) => a.month.localeCompare(b.month)).slice(-MONTHS_SHOWN);
  const max = Math.max(0, ...shown.map((entry) => entry.count));
  if (max === 0) return [heading, noData(top + 150)].join('\n');
  const baseline = top + 226;
  const plotHeight = 146;
  const slot = INNER_WIDTH / shown.length;
  const barWidth = Math.min(64, slot * 0.7);
  const bars = shown.map((entry, i) => {
    const center = MARGIN + slot * i + slot / 2;
    const height = (entry.count / max) * plotHeight;
    return [
      rect(center - barWidth / 2, baseline - height, barWidth, height, BAR_COLOR),
      text(center, baseline - height - 8, String(entry.count), { size: 22, bold: true, anchor: 'middle' }),
      text(center, baseline + 30, monthLabel(entry.month), { size: 20, anchor: 'middle', fill: '#424242' }),
    ].join('\n');
  });
  const axis = `<line x1="${MARGIN}" y1="${baseline}" x2="${CHART_WIDTH - MARGIN}" y2="${baseline}" stroke="#757575" stroke-width="2"/>`;
  return [heading, axis, ...bars].join('\n');
}

function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return m.monthLabel(monthNumber, year);
}

function noData(y: number): string {
  return text(CHART_WIDTH / 2, y, m.noData, { size: 26, anchor: 'middle', fill: '#757575' });
}

function fittedText(x: number, y: number, content: string, style: TextStyle, maxWidth: number): string {
  return text(x, y, fitText(content, style, maxWidth), style);
}
