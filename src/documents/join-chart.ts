import { joinText } from '../messages/network.js';
import { CHART_HEIGHT, CHART_WIDTH, FONT_FAMILY, renderPng } from './chart.js';
import { fitText, rect, text, type TextStyle } from './svg.js';

// Who has joined a network, drawn like the status chart (same size, fonts and renderer): one bar of joined,
// invited and not-yet-invited agencies, then the agencies still without an officer.

export type JoinChartState = 'joined' | 'invited' | 'none';

export interface JoinChartInput {
  title: string;
  agencies: { name: string; state: JoinChartState }[];
}

const m = joinText.chart;
const STATES: JoinChartState[] = ['joined', 'invited', 'none'];
const COLORS: Record<JoinChartState, string> = { joined: '#2e7d32', invited: '#ef6c00', none: '#c62828' };
const MARGIN = 40;
const INNER_WIDTH = CHART_WIDTH - 2 * MARGIN;
const ROW = 34;
const LIST_TOP = 300;
const ROWS = Math.floor((CHART_HEIGHT - LIST_TOP - 20) / ROW);

export function renderJoinChart(data: JoinChartInput): Buffer {
  return renderPng(joinChartSvg(data));
}

export function joinChartSvg(data: JoinChartInput): string {
  const counts = STATES.map((state) => data.agencies.filter((a) => a.state === state).length);
  const total = data.agencies.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    rect(0, 0, CHART_WIDTH, CHART_HEIGHT, '#ffffff'),
    fitted(MARGIN, 40, data.title, { size: 26, bold: true }, INNER_WIDTH),
    text(MARGIN, 96, m.heading(counts[0]!, total), { size: 24, bold: true }),
    total > 0 ? bar(counts, total, 116) : '',
    legend(counts, 214),
    pendingList(data.agencies.filter((a) => a.state !== 'joined')),
    '</svg>',
  ].join('\n');
}

function bar(counts: number[], total: number, y: number): string {
  const height = 56;
  let x = MARGIN;
  return counts
    .map((count, i) => {
      const width = (count / total) * INNER_WIDTH;
      if (width === 0) return '';
      const label =
        width >= 60
          ? text(x + width / 2, y + 38, String(count), { size: 26, bold: true, anchor: 'middle', fill: '#ffffff' })
          : '';
      const part = rect(x, y, width, height, COLORS[STATES[i]!]) + label;
      x += width;
      return part;
    })
    .join('\n');
}

function legend(counts: number[], y: number): string {
  const slot = INNER_WIDTH / STATES.length;
  return STATES.map((state, i) => {
    const x = MARGIN + i * slot;
    const label = fitText(m.legend(state, counts[i]!), { size: 22 }, slot - 44);
    return rect(x, y - 20, 24, 24, COLORS[state]) + text(x + 34, y, label, { size: 22 });
  }).join('\n');
}

// Not invited first: those are the ones nobody has reached yet.
function pendingList(pending: JoinChartInput['agencies']): string {
  if (pending.length === 0) return text(MARGIN, LIST_TOP - 20, m.allJoined, { size: 22, fill: COLORS.joined });
  const ordered = [...pending.filter((a) => a.state === 'none'), ...pending.filter((a) => a.state === 'invited')];
  const slots = ROWS * 2;
  const overflow = ordered.length > slots;
  const shown = ordered.slice(0, overflow ? slots - 1 : slots);
  const columnWidth = INNER_WIDTH / 2;
  const place = (i: number) => ({
    x: MARGIN + Math.floor(i / ROWS) * columnWidth,
    y: LIST_TOP + 30 + (i % ROWS) * ROW,
  });
  const items = shown.map((agency, i) => {
    const { x, y } = place(i);
    const dot = `<circle cx="${x + 8}" cy="${y - 8}" r="8" fill="${COLORS[agency.state]}"/>`;
    return dot + fitted(x + 24, y, agency.name, { size: 22 }, columnWidth - 40);
  });
  if (overflow) {
    const { x, y } = place(slots - 1);
    items.push(text(x + 24, y, m.more(ordered.length - shown.length), { size: 22, fill: '#616161' }));
  }
  return [text(MARGIN, LIST_TOP - 10, m.pendingHeading, { size: 22, bold: true }), ...items].join('\n');
}

function fitted(x: number, y: number, content: string, style: TextStyle, maxWidth: number): string {
  return text(x, y, fitText(content, style, maxWidth), style);
}
