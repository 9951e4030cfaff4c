import {
  findAgencyById,
  findCurrentSubmission,
  findDraft,
  findPeriodWithDuty,
  findTemplate,
  listReportTasks,
  type DraftRow,
  type DutyRow,
  type PeriodRow,
  type SubmissionRow,
} from '../../db/index.js';
import type { Services } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { listSteps, type ReportTask, type StepRef } from '../../kernel/report-steps.js';
import { reportText } from '../../messages/index.js';
import type { PlanQuestion, PlanTemplate } from '../../kernel/plan.js';

// Everything one step of a report needs, loaded fresh each message (state in chat is only a position).

export interface ReportAgency {
  id: number;
  name: string;
  slug: string;
  networkId: string;
}

export interface ReportSession {
  period: PeriodRow;
  duty: DutyRow;
  template: PlanTemplate;
  agency: ReportAgency;
  tasks: ReportTask[];
  steps: StepRef[];
  draft?: DraftRow;
  current?: SubmissionRow;
}

export async function loadSession(services: Services, periodId: number, agencyId: number): Promise<ReportSession> {
  const { db } = services;
  const found = await findPeriodWithDuty(db, periodId);
  const agency = await findAgencyById(db, agencyId);
  if (!found || !agency) throw new UserError(reportText.periodNotOpen);
  const template = await findTemplate(db, found.duty.networkId, found.duty.spec.template);
  if (!template) throw new UserError(reportText.noTemplate(found.duty.spec.template));
  const tasks = await listReportTasks(db, agency.networkId, agency.id);
  const key = { periodId, agencyId };
  return {
    ...found,
    template,
    tasks,
    agency: { id: agency.id, name: agency.name, slug: agency.slug, networkId: agency.networkId },
    steps: listSteps(template.questions, tasks),
    draft: await findDraft(db, key),
    current: await findCurrentSubmission(db, key),
  };
}

export function questionOf(session: ReportSession, ref: StepRef): PlanQuestion {
  return session.template.questions.find((q) => q.id === ref.q)!;
}

export function questionNumber(session: ReportSession, ref: StepRef): number {
  return session.template.questions.findIndex((q) => q.id === ref.q) + 1;
}
