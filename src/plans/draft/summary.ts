// The review summary in Vietnamese: network, agencies with their own tasks, tasks for all, deadlines,
// reporting duty, and the numbered list of doubtful points.

import type { Plan } from '../../kernel/plan.js';
import { planDraftText } from '../../messages/plan-draft.js';

const t = planDraftText;

export function summarize(plan: Plan, doubts: readonly string[]): string {
  const doc = plan.documents[0]!;
  const lines = [
    t.summaryTitle(plan.network.name, plan.network.id, plan.network.level),
    t.documentLine(doc.issuer, doc.number, doc.date?.split('-').reverse().join('/'), doc.subject),
    t.agenciesTitle(plan.agencies.length),
  ];
  for (const a of plan.agencies) {
    const own = plan.tasks.filter((task) => task.agencies !== 'all' && task.agencies.includes(a.id));
    lines.push(t.agencyLine(a.name, a.id, own.length, own.map((task) => task.section), !a.active));
  }
  lines.push(t.tasksTitle(plan.tasks.length, plan.tasks.filter((task) => task.agencies === 'all').length));
  const dated = plan.tasks.filter((task) => task.deadline);
  if (dated.length === 0) lines.push(t.noDeadlines);
  else lines.push(t.deadlinesTitle, ...dated.map((task) => t.deadlineLine(task.section, task.deadline!.split('-').reverse().join('/'))));
  if (plan.duties.length === 0) lines.push(t.noDuty);
  for (const duty of plan.duties) lines.push(t.dutyLine(duty.title, duty.frequency, duty.deadline.wording, duty.receiver));
  if (doubts.length === 0) lines.push(t.noDoubts);
  else lines.push(t.doubtsTitle(doubts.length), ...doubts.map((text, i) => t.doubtLine(i + 1, text)));
  return lines.join('\n');
}
