import type { PlanQuestion } from './plan.js';
import { isTaskAnswers, type ReportAnswers } from './report.js';

// A report conversation walks a flat list of steps: one per question, and one per assigned task for a
// "tasks" question. Steps are named by question id and task slug (not by position) so a conversation
// saved before a plan edit still finds its place.

export interface StepRef {
  q: string;
  t?: string;
}

export interface ReportTask {
  slug: string;
  section: string;
  text: string;
  /** The merged agency the task came from, when the reporting agency inherited it. */
  inheritedFrom?: string;
}

export function listSteps(questions: readonly PlanQuestion[], tasks: readonly ReportTask[]): StepRef[] {
  return questions.flatMap((q) => (q.type === 'tasks' ? tasks.map((t) => ({ q: q.id, t: t.slug })) : [{ q: q.id }]));
}

export function findStep(steps: readonly StepRef[], ref: StepRef | undefined): number {
  if (!ref) return -1;
  return steps.findIndex((s) => s.q === ref.q && s.t === ref.t);
}

export function isAnswered(answers: ReportAnswers, ref: StepRef): boolean {
  const value = answers[ref.q];
  if (ref.t === undefined) return value !== undefined;
  return isTaskAnswers(value) && value[ref.t] !== undefined;
}

/** Index of the first unanswered step, or -1 when every step has an answer. */
export function firstOpenStep(steps: readonly StepRef[], answers: ReportAnswers): number {
  return steps.findIndex((s) => !isAnswered(answers, s));
}
