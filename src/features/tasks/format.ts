import type { AgencyWithNetwork, TaskView } from '../../db/index.js';
import { formatVnDate, parseDateKey } from '../../kernel/calendar/vn-time.js';
import { UserError } from '../../bot/errors.js';
import type { Choice, Reply } from '../../kernel/message.js';
import { successionText, taskText } from '../../messages/index.js';

export const TASKS_PER_PAGE = 8;

interface Listed {
  task: TaskView;
  own: boolean;
}

/** One page of an agency's tasks, own tasks first, each quoted exactly as in the plan with its section and document. */
export function taskPage(
  agency: AgencyWithNetwork,
  tasks: { own: TaskView[]; common: TaskView[] },
  page: number,
  successorId?: number,
): Reply {
  const listed: Listed[] = [
    ...tasks.own.map((task) => ({ task, own: true })),
    ...tasks.common.map((task) => ({ task, own: false })),
  ];
  const pages = Math.max(1, Math.ceil(listed.length / TASKS_PER_PAGE));
  if (page > pages) throw new UserError(taskText.noSuchPage(pages));
  const first = (page - 1) * TASKS_PER_PAGE;
  const lines: string[] = [];
  if (!agency.active && agency.successor) lines.push(taskText.inactive(agency.name, agency.successor.note), '');
  lines.push(
    taskText.title(agency.name, agency.networkName, listed.length) + (pages > 1 ? taskText.pageOf(page, pages) : ''),
  );
  if (listed.length === 0) lines.push(taskText.none(agency.name));
  listed.slice(first, first + TASKS_PER_PAGE).forEach((item, i) => {
    const previous = listed[first + i - 1];
    if (i === 0 || previous?.own !== item.own) {
      if (lines.at(-1) !== '') lines.push('');
      lines.push(item.own ? taskText.ownHeading : taskText.commonHeading);
    }
    lines.push(...taskLines(first + i + 1, item.task), '');
  });
  if (page === pages) lines.push(taskText.searchTip);
  const choices: Choice[] = [];
  if (page < pages) choices.push({ id: `/nhiemvu #${agency.id} trang ${page + 1}`, label: taskText.next });
  if (successorId !== undefined && agency.successor)
    choices.push({ id: `/nhiemvu #${successorId}`, label: taskText.successorChoice(agency.successor.name) });
  return choices.length > 0 ? { text: lines.join('\n').trim(), choices } : { text: lines.join('\n').trim() };
}

function taskLines(n: number, task: TaskView): string[] {
  const lines = [
    taskText.item(n, task.section, taskText.documentLabel(task.documentNumber, task.documentIssuer)),
    task.text,
  ];
  if (task.inheritedFrom) lines.push(successionText.inheritedFrom(task.inheritedFrom));
  if (task.role === 'coordinate') lines.push(taskText.coordinate);
  const deadline = task.deadline ? parseDateKey(task.deadline) : undefined;
  if (deadline) lines.push(taskText.deadline(formatVnDate(deadline)));
  if (task.recurrence) lines.push(taskText.recurrence(task.recurrence));
  return lines;
}
