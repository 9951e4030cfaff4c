import {
  findAgencyById,
  findPeriodWithDuty,
  findSubmission,
  findTemplate,
  listReportHistory,
  listReportTasks,
  listSubmissionVersions,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin, isLeader, ledNetworks, officerOf } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { reportText } from '../../messages/index.js';
import { officerRefusal } from '../shared/officer.js';
import { resolveAgency } from './agency.js';
import { atText, attachmentsLine, formatAnswers, isOnce } from './format.js';

// /baocao xem: an agency's submitted reports by period, and any one of them (any version) in full.
// Officers see their own agency; leaders and admins any agency of the networks they lead.

const m = reportText;
const MAX_LISTED = 10;

export async function showHistory(ctx: Ctx, args: string): Promise<void> {
  if (/^\d+$/.test(args)) return showSubmission(ctx, Number(args));
  const agency = args
    ? await resolveAgency(ctx, args, (a) => canSee(ctx, a.networkId, a.id), 'baocao xem')
    : ownAgency(ctx);
  if (!agency) return;
  const { id, name } = agency;
  const entries = await listReportHistory(ctx.services.db, id);
  if (entries.length === 0) return ctx.reply(m.historyEmpty(name));
  const lines = entries.map((e) =>
    m.historyLine({
      period: isOnce(e.period) ? undefined : e.period.label,
      title: e.dutyTitle,
      number: e.number,
      at: atText(e.submittedAt),
      version: e.version,
      late: e.late,
    }),
  );
  const choices = entries.slice(0, MAX_LISTED).map((e) => ({
    id: `/baocao xem ${e.submissionId}`,
    label: m.historyChoice(isOnce(e.period) ? undefined : e.period.label, e.dutyTitle, e.number),
  }));
  ctx.reply([m.historyTitle(name), ...lines, '', m.historyPick].join('\n'), choices);
}

function ownAgency(ctx: Ctx): { id: number; name: string } {
  const officer = officerOf(ctx.actor);
  if (!officer)
    throw new UserError(
      isAnyAdmin(ctx.actor) || ledNetworks(ctx.actor).length > 0 ? m.historyNeedsAgency : officerRefusal(ctx.actor),
    );
  return { id: officer.agencyId, name: officer.agencyName };
}

/** Own agency's reports, or any agency of a network the actor leads or administers. */
function canSee(ctx: Ctx, networkId: string, agencyId: number): boolean {
  const own = ctx.actor.memberships.some((ms) => ms.status === 'active' && ms.agencyId === agencyId);
  return own || isLeader(ctx.actor, networkId) || isAdmin(ctx.actor, networkId);
}

async function showSubmission(ctx: Ctx, id: number): Promise<void> {
  const { db } = ctx.services;
  const submission = await findSubmission(db, id);
  const agency = submission ? await findAgencyById(db, submission.agencyId) : undefined;
  const found = submission ? await findPeriodWithDuty(db, submission.periodId) : undefined;
  if (!submission || !agency || !found) throw new UserError(m.submissionNotFound);
  if (!canSee(ctx, agency.networkId, agency.id)) throw new UserError(m.notAllowedToView);
  const template = await findTemplate(db, found.duty.networkId, found.duty.spec.template);
  const tasks = await listReportTasks(db, agency.networkId, agency.id);
  const body = template ? formatAnswers(template, submission.answers, tasks) : [];
  const text = [
    m.viewTitle({
      agency: agency.name,
      period: isOnce(found.period) ? undefined : found.period.label,
      title: template?.title ?? found.duty.spec.title,
    }),
    m.viewMeta({
      number: submission.number,
      version: submission.version,
      current: submission.current,
      at: atText(submission.submittedAt),
      person: submission.personName,
      late: submission.late,
    }),
    '',
    ...body,
    ...attachmentsLine(submission.attachments),
  ];
  const others = (await listSubmissionVersions(db, submission)).filter((v) => v.id !== submission.id);
  if (others.length > 0) text.push('', m.otherVersions);
  ctx.reply(
    text.join('\n'),
    others
      .slice(0, MAX_LISTED)
      .map((v) => ({ id: `/baocao xem ${v.id}`, label: m.versionChoice(v.version, atText(v.submittedAt)) })),
  );
}
