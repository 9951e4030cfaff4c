// Reporting duties of the draft from the sentences findDuty() recognises; what the document leaves out
// (period, date) is filled with the shipped plans' choice (yearly, 15/12) and said in the note and the doubts.

import type { PlanDuty } from '../../kernel/plan.js';
import { planDraftText } from '../../messages/plan-draft.js';
import type { AgencyRegistry } from './agencies.js';
import { findDuty, type FoundDuty } from './duty.js';

const t = planDraftText;

export function buildDuties(candidates: string[], registry: AgencyRegistry, doubts: string[]): PlanDuty[] {
  const found: FoundDuty[] = [];
  for (const text of candidates) {
    const duty = findDuty(text);
    if (duty && !found.some((f) => f.title === duty.title && f.receiver === duty.receiver)) found.push(duty);
  }
  if (found.length === 0) doubts.push(t.doubt.noDuty);
  return found.map((f, i) => toDuty(f, i, registry, doubts));
}

function toDuty(f: FoundDuty, index: number, registry: AgencyRegistry, doubts: string[]): PlanDuty {
  const receiverAgency = registry.find(f.via) ?? registry.find(f.receiver);
  if (!receiverAgency) doubts.push(t.doubt.dutyReceiverUnknown(f.receiver));
  // No period named but a full date ("trước ngày 25/9/2025"): a report due once, said in the doubts.
  const once = !f.frequency && f.deadline?.date !== undefined;
  if (once) doubts.push(t.doubt.dutyOnce(f.deadline!.wording));
  else if (!f.frequency) doubts.push(t.doubt.dutyNoFrequency);
  const frequency = f.frequency ?? (once ? 'once' : 'yearly');
  const periodic = frequency !== 'yearly' && frequency !== 'once' ? f.inPeriod : undefined;
  const stated = periodic || (f.deadline && (frequency === 'yearly' || frequency === 'once'));
  if (!stated) doubts.push(t.doubt.dutyNoDeadline);
  const deadline = periodic
    ? { day: periodic.day, ...(periodic.monthsAfterCutoff ? { monthsAfterCutoff: periodic.monthsAfterCutoff } : {}), wording: periodic.wording }
    : stated
    ? frequency === 'once' && f.deadline!.date
      ? { date: f.deadline!.date, wording: f.deadline!.wording }
      : { day: f.deadline!.day, month: f.deadline!.month, wording: f.deadline!.wording }
    : { day: 15, month: 12, wording: t.defaultDeadlineWording };
  const excerpt = f.source.length > 300 ? `${f.source.slice(0, 300)}…` : f.source;
  return {
    id: index === 0 ? 'bao-cao-ket-qua' : `bao-cao-ket-qua-${index + 1}`,
    title: f.title,
    kind: 'dinh-ky',
    reporters: 'all',
    receiver: f.receiver,
    ...(receiverAgency ? { receiverAgency: receiverAgency.id } : {}),
    frequency: stated || f.frequency ? frequency : 'yearly',
    cutoff: 'nd09',
    deadline,
    template: t.template.id,
    note: f.frequency && stated ? t.dutyNoteSource(excerpt) : t.dutyNoteChosen(excerpt),
  };
}
