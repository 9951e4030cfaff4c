import { normalize } from '../kernel/text.js';
import { frequencyNames, planText } from '../messages/plans.js';
import { duplicateIdIssues, keywordIssues } from './id-checks.js';
import type { PathIssue, YamlPath } from './plan-errors.js';
import type { ActivityType, Plan, PlanAgency, PlanDuty, PlanQuestion } from '../kernel/plan.js';

// Checks the schema cannot express: ids that must be unique or must refer to something in the plan.

export function crossCheckPlan(plan: Plan, catalog: readonly ActivityType[]): PathIssue[] {
  const agencyIds = new Set(plan.agencies.map((agency) => agency.id));
  const activityTypeIds = new Set([...catalog, ...(plan.activityTypes ?? [])].map((type) => type.id));
  return [
    ...uniqueIdIssues(plan),
    ...networkIssues(plan),
    ...agencyNameIssues(plan.agencies),
    ...plan.agencies.flatMap((agency, i) => successorIssues(agency, ['agencies', i], agencyIds)),
    ...taskIssues(plan, agencyIds),
    ...plan.duties.flatMap((duty, i) => dutyIssues(plan, duty, ['duties', i], agencyIds)),
    ...plan.templates.flatMap((template, t) =>
      template.questions.flatMap((q, i) => questionIssues(q, ['templates', t, 'questions', i], activityTypeIds)),
    ),
    ...keywordIssues(plan.activityTypes ?? [], ['activityTypes']),
  ];
}

function uniqueIdIssues(plan: Plan): PathIssue[] {
  return [
    ...duplicateIdIssues(plan.documents, ['documents']),
    ...duplicateIdIssues(plan.agencies, ['agencies']),
    ...duplicateIdIssues(plan.tasks, ['tasks']),
    ...duplicateIdIssues(plan.duties, ['duties']),
    ...duplicateIdIssues(plan.templates, ['templates']),
    ...plan.templates.flatMap((template, t) => duplicateIdIssues(template.questions, ['templates', t, 'questions'])),
    ...duplicateIdIssues(plan.activityTypes ?? [], ['activityTypes']),
  ];
}

function networkIssues(plan: Plan): PathIssue[] {
  if (plan.network.parent !== plan.network.id) return [];
  return [{ path: ['network', 'parent'], message: planText.selfParent }];
}

/** Agencies are recognised by name, short name and aliases (diacritics-free): two agencies may not share one. */
function agencyNameIssues(agencies: readonly PlanAgency[]): PathIssue[] {
  const owner = new Map<string, string>();
  return agencies.flatMap((agency, i) =>
    agencyNames(agency, ['agencies', i]).flatMap(({ name, path }): PathIssue[] => {
      const key = normalize(name);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, agency.id);
      if (other === undefined || other === agency.id) return [];
      return [{ path, message: planText.duplicateName(name, other) }];
    }),
  );
}

function agencyNames(agency: PlanAgency, base: YamlPath): { name: string; path: YamlPath }[] {
  return [
    { name: agency.name, path: [...base, 'name'] },
    ...(agency.short === undefined ? [] : [{ name: agency.short, path: [...base, 'short'] }]),
    ...agency.aliases.map((name, j) => ({ name, path: [...base, 'aliases', j] })),
  ];
}

function successorIssues(agency: PlanAgency, base: YamlPath, agencyIds: ReadonlySet<string>): PathIssue[] {
  const target = agency.successor?.agency;
  if (target === undefined) return [];
  const path = [...base, 'successor', 'agency'];
  if (target === agency.id) return [{ path, message: planText.selfSuccessor }];
  return agencyIds.has(target) ? [] : [{ path, message: planText.unknownAgency(target) }];
}

function taskIssues(plan: Plan, agencyIds: ReadonlySet<string>): PathIssue[] {
  const documentIds = new Set(plan.documents.map((document) => document.id));
  return plan.tasks.flatMap((task, i) => [
    ...(documentIds.has(task.document)
      ? []
      : [{ path: ['tasks', i, 'document'], message: planText.unknownDocument(task.document) }]),
    ...assigneeIssues(task.agencies, ['tasks', i, 'agencies'], agencyIds),
  ]);
}

/** Reported at the list (`tasks[3].agencies`) but located at the offending item's line. */
function assigneeIssues(assignees: 'all' | string[], path: YamlPath, agencyIds: ReadonlySet<string>): PathIssue[] {
  if (assignees === 'all') return [];
  return assignees.flatMap((id, j): PathIssue[] =>
    agencyIds.has(id) ? [] : [{ path, at: [...path, j], message: planText.unknownAgency(id) }],
  );
}

function dutyIssues(plan: Plan, duty: PlanDuty, base: YamlPath, agencyIds: ReadonlySet<string>): PathIssue[] {
  const receiver = duty.receiverAgency;
  return [
    ...assigneeIssues(duty.reporters, [...base, 'reporters'], agencyIds),
    ...(receiver === undefined || agencyIds.has(receiver)
      ? []
      : [{ path: [...base, 'receiverAgency'], message: planText.unknownAgency(receiver) }]),
    ...(plan.templates.some((template) => template.id === duty.template)
      ? []
      : [{ path: [...base, 'template'], message: planText.unknownTemplate(duty.template) }]),
    ...deadlineIssues(duty, [...base, 'deadline']),
  ];
}

const requiredDeadlineFields: Record<PlanDuty['frequency'], (keyof PlanDuty['deadline'])[]> = {
  monthly: ['day'],
  quarterly: ['day'],
  'half-year': ['day'],
  yearly: ['day', 'month'],
  once: ['date'],
};

function deadlineIssues(duty: PlanDuty, path: YamlPath): PathIssue[] {
  const required = requiredDeadlineFields[duty.frequency];
  if (required.some((field) => duty.deadline[field] === undefined)) {
    return [{ path, message: planText.deadlineNeeds(frequencyNames[duty.frequency] ?? duty.frequency, required.join(' và ')) }];
  }
  const { day, month } = duty.deadline;
  if (day === undefined || month === undefined || day <= daysInMonth(month)) return [];
  return [{ path: [...path, 'day'], message: planText.dayNotInMonth(day, month) }];
}

/** Yearly deadlines have no year: a leap year lets 29/2 through. */
function daysInMonth(month: number): number {
  return new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

function questionIssues(question: PlanQuestion, base: YamlPath, activityTypeIds: ReadonlySet<string>): PathIssue[] {
  const issues: PathIssue[] = [];
  const options = question.options ?? [];
  if (question.type === 'choice' && options.length < 2) {
    issues.push({ path: [...base, 'options'], message: planText.choiceNeedsOptions });
  }
  if (question.type !== 'choice' && question.options !== undefined) {
    issues.push({ path: [...base, 'options'], message: planText.optionsOnlyForChoice });
  }
  if (question.type !== 'number' && question.prefill !== undefined) {
    issues.push({ path: [...base, 'prefill'], message: planText.prefillOnlyForNumber });
  }
  if (question.prefillOf !== undefined && !question.prefill?.length) {
    issues.push({ path: [...base, 'prefillOf'], message: planText.prefillOfNeedsPrefill });
  }
  (question.prefill ?? []).forEach((id, j) => {
    if (!activityTypeIds.has(id)) issues.push({ path: [...base, 'prefill', j], message: planText.unknownActivityType(id) });
  });
  return issues;
}
