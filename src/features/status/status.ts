import { countNetworkActivitiesByMonth, type StatusAgency, type StatusNetwork } from '../../db/index.js';
import { loadAgencyStatus, loadNetworkStatus, resolveStatusPeriod } from './summary.js';
import type { Command, Ctx } from '../../bot/context.js';
import { statusText as m } from '../../messages/index.js';
import { CONTENT_TYPES, deliverFiles } from './deliver.js';
import { chartInput } from './documents.js';
import { agencyStatusText, statusSummaryText } from './summary-text.js';
import { resolveStatusTarget } from './target.js';

/** /tinhhinh: a network at a glance with a chart (leaders), or one agency's line (`/tinhhinh <cơ quan>`). */
export const status: Command = {
  name: 'tinhhinh',
  aliases: ['status'],
  description: m.commands.status,
  inGroups: true,
  async run(ctx, args) {
    const target = await resolveStatusTarget(ctx, args.trim());
    if (target.kind === 'choose') ctx.reply(target.text, target.choices);
    else if (target.kind === 'agency') await showAgency(ctx, target.network, target.agency, target.officer);
    else await showNetwork(ctx, target.network);
  },
};

async function showNetwork(ctx: Ctx, network: StatusNetwork): Promise<void> {
  const { db, activityTypes } = ctx.services;
  const chosen = await resolveStatusPeriod(db, network.id, ctx.now);
  const summary = await loadNetworkStatus(db, network, chosen, ctx.now, activityTypes);
  ctx.reply(statusSummaryText(summary, ctx.now));
  if (summary.agencies.length === 0 && summary.children.length === 0) return;
  const months = await countNetworkActivitiesByMonth(db, network.id, summary.window);
  // resvg loads with the first chart, not at startup.
  const { renderStatusChart } = await import('../../documents/chart.js');
  const data = renderStatusChart(chartInput(summary, months, ctx.now));
  const file = {
    kind: 'photo' as const,
    fileName: `tinh-hinh-${network.id}-${chosen.period.key}.png`,
    data,
    caption: m.chartCaption(network.name, chosen.period.label),
  };
  await deliverFiles(ctx, [{ file, contentType: CONTENT_TYPES.png, title: m.chartName }]);
}

async function showAgency(ctx: Ctx, network: StatusNetwork, agency: StatusAgency, officer: boolean): Promise<void> {
  const { db, activityTypes } = ctx.services;
  const chosen = await resolveStatusPeriod(db, network.id, ctx.now);
  ctx.reply(agencyStatusText(await loadAgencyStatus(db, network, agency, chosen, activityTypes), ctx.now, officer));
}
