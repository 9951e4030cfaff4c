import { listActivities, type AgencyRow } from '../../db/index.js';
import { formatVnDate, parseDateKey } from '../../kernel/calendar/vn-time.js';
import type { Command, Ctx, Intent } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { activityText as m } from '../../messages/index.js';
import { typesForNetwork } from './catalog.js';
import { findTypeByName, findTypeMatches, typeName } from './detect-type.js';
import { monthRange, parseListArgs, type ListArgs } from './list-filter.js';
import type { ActivityType } from '../../kernel/plan.js';
import { resolveScope } from './list-scope.js';

const PAGE_SIZE = 10;
/** Telegram callback data limit. */
const MAX_CHOICE_BYTES = 60;

/** /nhatky [cơ quan] [tháng 11 | 11/2026] [loại] [trang 2]: recent activities, newest first. */
export const listActivitiesCommand: Command = {
  name: 'nhatky',
  aliases: ['activities'],
  description: m.commands.list,
  async run(ctx, args) {
    const request = parseListArgs(args, ctx.now);
    const catalog = ctx.services.activityTypes;
    const scope = await resolveScope(ctx, {
      rest: request.rest,
      agencyId: request.agencyId,
      // The agency (hence its network's type overrides) is not known yet: the shipped catalog tells types apart.
      withoutType: (rest) => readType(rest, catalog).rest,
      pageArgs: (agencyId) => commandFor({ ...request, agencyId, page: 1 }),
    });
    if (scope.kind === 'ambiguous') return ctx.reply(m.listAmbiguous, scope.choices);
    const types = await typesForNetwork(ctx.services, scope.agency.networkId);
    const typed = readType(scope.rest, types);
    if (typed.rest) return ctx.reply(m.listNotUnderstood(typed.rest));
    await showPage(ctx, scope.agency, { ...request, typeId: typed.typeId ?? request.typeId }, types);
  },
};

/** "nhật ký", "xem nhật ký hoạt động tháng 11". */
export const listIntent: Intent = {
  command: 'nhatky',
  patterns: [/^(xem )?nhat ky( hoat dong)?( |$)/],
  args: (normalized) => normalized.replace(/^(xem )?nhat ky( hoat dong)?/, '').trim(),
};

function readType(rest: string, types: ActivityType[]): { typeId?: string; rest: string } {
  if (!rest) return { rest };
  const byName = findTypeByName(rest, types);
  if (byName) return { typeId: byName.id, rest: '' };
  const match = findTypeMatches(rest, types)[0];
  if (!match) return { rest };
  return {
    typeId: match.type.id,
    rest: `${rest.slice(0, match.start)} ${rest.slice(match.end)}`.replace(/\s+/g, ' ').trim(),
  };
}

async function showPage(ctx: Ctx, agency: AgencyRow, request: ListArgs, types: ActivityType[]): Promise<void> {
  const range = request.month ? monthRange(request.month) : {};
  const filter = { agencyId: agency.id, typeId: request.typeId, ...range };
  const { rows, total } = await listActivities(ctx.services.db, {
    ...filter,
    limit: PAGE_SIZE,
    offset: (request.page - 1) * PAGE_SIZE,
  });
  if (total === 0) return ctx.reply(m.listEmpty(agency.name));
  const pages = Math.ceil(total / PAGE_SIZE);
  if (rows.length === 0) return ctx.reply(m.noSuchPage(pages));
  const header = m.listHeader({
    agencyName: agency.name,
    total,
    page: request.page,
    pages,
    month: request.month ? `${request.month.month}/${request.month.year}` : undefined,
    typeName: request.typeId ? typeName(request.typeId, types) : undefined,
  });
  const lines = rows.map((r) =>
    m.listLine({
      id: r.id,
      date: formatDate(r.date),
      typeName: typeName(r.typeId, types),
      title: r.title,
      author: r.authorName,
      files: r.attachments.length,
    }),
  );
  ctx.reply(
    [header, '', ...lines, '', m.listFooter].join('\n'),
    pageChoices({ ...request, agencyId: agency.id }, pages),
  );
}

function formatDate(key: string): string {
  const date = parseDateKey(key);
  return date ? formatVnDate(date) : key;
}

function pageChoices(request: ListArgs, pages: number): Choice[] {
  const choices: Choice[] = [];
  if (request.page > 1)
    choices.push({ id: commandFor({ ...request, page: request.page - 1 }), label: m.labels.previousPage });
  if (request.page < pages)
    choices.push({ id: commandFor({ ...request, page: request.page + 1 }), label: m.labels.nextPage });
  return choices.filter((c) => Buffer.byteLength(c.id) <= MAX_CHOICE_BYTES);
}

/** The compact command a page button runs: "/nhatky dv:12 loai:hop-bao 11/2026 trang 2". */
function commandFor(request: ListArgs): string {
  const parts = ['/nhatky', `dv:${request.agencyId}`];
  if (request.typeId) parts.push(`loai:${request.typeId}`);
  if (request.month) parts.push(`${request.month.month}/${request.month.year}`);
  if (request.page > 1) parts.push(`trang ${request.page}`);
  return parts.join(' ');
}
