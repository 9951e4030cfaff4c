import { countNetworkActivitiesByMonth, type StatusAgency, type StatusNetwork } from '../../db/index.js';
import { loadAgencyStatus, loadNetworkStatus, resolveStatusPeriod } from './summary.js';
import type { Command, Ctx } from '../../bot/context.js';
import { statusText as m } from '../../messages/index.js';
import { CONTENT_TYPES, deliverFiles } from './deliver.js';
import { chartInput } from './documents.js';
import { MISSING_WORD, agencyStatusText, missingListText, statusSummaryText } from './summary-text.js';
import { normalize } from '../../kernel/text.js';
import { CHOICE_ID_BYTES } from './scope.js';
import { resolveStatusTarget } from './target.js';
import { joinedWords, showJoined } from './joined.js';

/** /tinhhinh: a network at a glance with a chart (leaders), or one agency's line (`/tinhhinh <cơ quan>`). */
export const status: Command = {
  name: 'tinhhinh',
  aliases: ['status'],
  description: m.commands.status,
  inGroups: true,
  async run(ctx, args) {
    const joined = joinedWords(args);
    if (joined !== undefined) return showJoined(ctx, joined);
    const missingOnly = missingWords(args);
    if (missingOnly !== undefined) return showMissing(ctx, missingOnly);
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

/** `/tinhhinh chuanop [mạng lưới]` (or "chưa nộp"): the rest of the args, when they start with it. */
function missingWords(args: string): string | undefined {
  const words = args.trim().split(/\s+/);
  const first = normalize(words[0] ?? '');
  if (first === MISSING_WORD) return words.slice(1).join(' ');
  if (first === 'chua' && normalize(words[1] ?? '') === 'nop') return words.slice(2).join(' ');
  return undefined;
}

/** The whole list of agencies that have not submitted: what the summary cuts to fit one screen. */
async function showMissing(ctx: Ctx, args: string): Promise<void> {
  const target = await resolveStatusTarget(ctx, args);
  if (target.kind === 'choose') {
    // The menu's buttons name /tinhhinh <mạng lưới>: keep asking for the list, not the summary.
    const choices = target.choices.map((c) => ({
      ...c,
      id: c.id.replace(/^\/tinhhinh /, `/tinhhinh ${MISSING_WORD} `),
    }));
    return ctx.reply(
      target.text,
      choices.filter((c) => Buffer.byteLength(c.id) <= CHOICE_ID_BYTES),
    );
  }
  if (target.kind === 'agency') return showAgency(ctx, target.network, target.agency, target.officer);
  const { db, activityTypes } = ctx.services;
  const chosen = await resolveStatusPeriod(db, target.network.id, ctx.now);
  ctx.reply(missingListText(await loadNetworkStatus(db, target.network, chosen, ctx.now, activityTypes)));
}

async function showAgency(ctx: Ctx, network: StatusNetwork, agency: StatusAgency, officer: boolean): Promise<void> {
  const { db, activityTypes } = ctx.services;
  const chosen = await resolveStatusPeriod(db, network.id, ctx.now);
  ctx.reply(agencyStatusText(await loadAgencyStatus(db, network, agency, chosen, activityTypes), ctx.now, officer));
}
