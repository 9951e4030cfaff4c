import {
  findAgencyById,
  findTaskForAgency,
  listAgencyTasks,
  suggestTasksForAgency,
  type TaskOption,
} from '../../db/index.js';
import { formatVnDate, parseDateKey } from '../../kernel/calendar/vn-time.js';
import type { Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { activityText as m } from '../../messages/index.js';
import { typeName } from './detect-type.js';
import { draftKind, nextStep, type Draft } from './draft.js';
import { countsLabelIsPeople } from './numbers.js';
import { skipButton } from '../shared/answers.js';
import { cancelButton, dateButton, editButton, noTaskButton, saveButton, taskButton, typeButton } from './choices.js';
import type { ActivityType } from '../../kernel/plan.js';

// Asks the draft's next question, or echoes the whole draft for confirmation.

const L = m.labels;
const TASK_CHOICES = 5;

/** Moves the draft to its next open question, stores it and asks. `notes` explain what went wrong. */
export async function advance(ctx: Ctx, draft: Draft, types: ActivityType[], notes: string[] = []): Promise<void> {
  draft.step = nextStep(draft);
  await ask(ctx, draft, types, notes);
}

/** Stores the draft at its current step and asks that step's question. */
export async function ask(ctx: Ctx, draft: Draft, types: ActivityType[], notes: string[] = []): Promise<void> {
  ctx.conversation.set(draftKind, draft);
  const [text, choices] = await question(ctx, draft, types);
  ctx.reply([...notes, text].join('\n\n'), choices.length ? choices : undefined);
}

async function question(ctx: Ctx, draft: Draft, types: ActivityType[]): Promise<[string, Choice[]]> {
  switch (draft.step) {
    case 'type':
      return [m.askType, [...types.map((t) => typeButton.choice(t.name, t.id)), cancelChoice]];
    case 'date':
      return [
        m.askDate,
        [dateButton.choice(L.today, 'today'), dateButton.choice(L.yesterday, 'yesterday'), cancelChoice],
      ];
    case 'title':
      return [m.askTitle, []];
    case 'link':
      return [m.askLink, [skipButton.choice(L.skip), cancelChoice]];
    // A free number is asked here, so no numbered choices may be shown ("2" would pick the second).
    case 'numbers':
      return [countsLabelIsPeople(draft.typeId) ? m.askPeople : m.askQuantity, []];
    case 'task':
      return taskQuestion(ctx, draft);
    case 'confirm':
      return [await echoText(ctx, draft, types), echoChoices];
  }
}

const cancelChoice: Choice = cancelButton.choice(L.cancel);

const echoChoices: Choice[] = [
  saveButton.choice(L.save),
  editButton.choice(L.editType, 'type'),
  editButton.choice(L.editDate, 'date'),
  editButton.choice(L.editTitle, 'title'),
  editButton.choice(L.editLink, 'link'),
  editButton.choice(L.editNumbers, 'numbers'),
  editButton.choice(L.editTask, 'task'),
  cancelChoice,
];

async function taskQuestion(ctx: Ctx, draft: Draft): Promise<[string, Choice[]]> {
  const all = await taskOptions(ctx, draft);
  const options = all.slice(0, TASK_CHOICES);
  const choices = options.map((t) => taskButton.choice(m.taskLabel(t.section, t.text), t.id));
  // Tasks past the list are reachable only by typing their section: say so, with one of them as the example.
  const hidden = all[TASK_CHOICES];
  const text = !options.length ? m.askTaskNone : hidden ? m.askTaskOrSection(hidden.section) : m.askTask;
  return [text, [...choices, noTaskButton.choice(L.noTask), cancelChoice]];
}

/** Tasks matching the title first, then the agency's own tasks, then tasks for everyone. */
async function taskOptions(ctx: Ctx, draft: Draft): Promise<TaskOption[]> {
  const db = ctx.services.db;
  const suggested = await suggestTasksForAgency(db, draft.agencyId, draft.title ?? '', TASK_CHOICES);
  const { own, common } = await listAgencyTasks(db, draft.agencyId);
  const all = [...suggested, ...own, ...common];
  return all.filter((t, index) => all.findIndex((o) => o.id === t.id) === index);
}

async function echoText(ctx: Ctx, draft: Draft, types: ActivityType[]): Promise<string> {
  const db = ctx.services.db;
  const agency = await findAgencyById(db, draft.agencyId);
  const task = draft.taskId ? await findTaskForAgency(db, draft.agencyId, draft.taskId) : undefined;
  const date = draft.date ? parseDateKey(draft.date) : undefined;
  const body = m.echo({
    activityId: draft.activityId,
    agencyName: agency?.name ?? '',
    typeName: typeName(draft.typeId ?? '', types),
    date: date ? formatVnDate(date) : '',
    title: draft.title ?? '',
    link: draft.link,
    quantity: draft.quantity,
    participants: draft.participants,
    task: task ? m.taskLabel(task.section, task.text) : null,
    photos: draft.attachments.filter((a) => a.kind === 'photo').length,
    documents: draft.attachments.filter((a) => a.kind === 'document').length,
  });
  return [m.echoTitle(draft.activityId), body, m.chooseFromEcho].join('\n');
}
