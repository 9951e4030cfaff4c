import { hasClassifiedMarking } from '../shared/classified.js';
import type { Incoming } from '../../kernel/message.js';
import { matchChoice } from '../../bot/choices.js';
import type { StoredAnswer, TaskAnswer } from '../../kernel/report.js';
import {
  answerWord,
  backButton,
  parseAllTasksStatus,
  parseFigure,
  parseTaskStatus,
  parseYesNo,
  skipButton,
} from '../shared/answers.js';
import { keepButton, optionButton, otherNumberButton, taskStatusButton, yesNoButton } from './choices.js';
import { isNegativeFigure, spokenFigure } from '../shared/figures.js';
import { reportText } from '../../messages/index.js';
import type { PlanQuestion } from '../../kernel/plan.js';
import type { ReportState } from './state.js';

// Reads one message as the answer to the current step, or says why it is not one.

const m = reportText;
export const MAX_TEXT_ANSWER = 4000;

export type Interpretation =
  | { kind: 'value'; value: StoredAnswer }
  | { kind: 'task'; value: TaskAnswer }
  /** "tất cả đều đang thực hiện": this task and the ones not answered yet. */
  | { kind: 'all-tasks'; value: TaskAnswer }
  | { kind: 'back' }
  | { kind: 'skip' }
  /** A prefilled figure is declined: ask for the number without choices. */
  | { kind: 'typing' }
  | { kind: 'error'; reason: string };

type Input = Pick<Incoming, 'choice' | 'text'>;

export function interpret(
  question: PlanQuestion,
  isTask: boolean,
  input: Input,
  mode: ReportState['mode'],
  /** The logged figure offered with "Giữ số này?", when it is offered. */
  offered?: number,
): Interpretation {
  const text = input.text.trim();
  const word = input.choice ? undefined : answerWord(text);
  if (backButton.is(input.choice) || word === 'back') return { kind: 'back' };
  const optional = question.optional === true && !isTask;
  if (skipButton.is(input.choice) || word === 'skip')
    return optional ? { kind: 'skip' } : { kind: 'error', reason: m.required };
  // "giữ"/"có" keeps the offered figure, "không" asks for another one.
  if (offered !== undefined && mode === 'ask' && (word === 'keep' || word === 'yes'))
    return { kind: 'value', value: offered };
  if (offered !== undefined && mode === 'ask' && word === 'no') return { kind: 'typing' };
  // "không" to an optional question that is not itself a yes/no: nothing to give, as in every conversation.
  if (optional && word === 'no' && question.type !== 'yesno') return { kind: 'skip' };
  if (isTask) return taskAnswer(input, text);
  if (question.type === 'number') return numberAnswer(input, text, mode);
  if (question.type === 'choice') return optionAnswer(question.options ?? [], input, text);
  if (question.type === 'yesno') return yesNoAnswer(input, text);
  return textAnswer(input, text);
}

const stale = (): Interpretation => ({ kind: 'error', reason: m.staleChoice });

function textAnswer(input: Input, text: string): Interpretation {
  if (input.choice) return stale();
  if (!text) return { kind: 'error', reason: m.emptyText };
  if (text.length > MAX_TEXT_ANSWER) return { kind: 'error', reason: m.tooLong(MAX_TEXT_ANSWER, text.length) };
  if (hasClassifiedMarking(text)) return { kind: 'error', reason: m.classified };
  return { kind: 'value', value: text };
}

function numberAnswer(input: Input, text: string, mode: ReportState['mode']): Interpretation {
  const kept = keepButton.parse(input.choice);
  if (kept && mode === 'ask') return { kind: 'value', value: kept[0] };
  if (otherNumberButton.is(input.choice) && mode === 'ask') return { kind: 'typing' };
  if (input.choice) return stale();
  if (isNegativeFigure(text)) return { kind: 'error', reason: m.negativeFigure };
  // "khoảng 250 lượt", "năm mươi lăm": the figure as people say it.
  const value = parseFigure(spokenFigure(text));
  return value === undefined ? { kind: 'error', reason: m.notNumber(text.slice(0, 60)) } : { kind: 'value', value };
}

function optionAnswer(options: string[], input: Input, text: string): Interpretation {
  const choices = options.map((label, i) => optionButton.choice(label, i));
  const index = optionButton.parse(input.choice)?.[0];
  const picked = input.choice ? (index === undefined ? undefined : choices[index]) : matchChoice(text, choices);
  if (picked) return { kind: 'value', value: picked.label };
  if (input.choice) return stale();
  return { kind: 'error', reason: m.noSuchOption(text.slice(0, 60), options.join(', ')) };
}

function yesNoAnswer(input: Input, text: string): Interpretation {
  const pressed = yesNoButton.parse(input.choice)?.[0];
  if (pressed) return { kind: 'value', value: pressed === 'y' };
  if (input.choice) return stale();
  const value = parseYesNo(text);
  return value === undefined ? { kind: 'error', reason: m.notYesNo(text.slice(0, 60)) } : { kind: 'value', value };
}

function taskAnswer(input: Input, text: string): Interpretation {
  const status = taskStatusButton.parse(input.choice)?.[0];
  if (status) return { kind: 'task', value: { status } };
  if (input.choice) return stale();
  const all = parseAllTasksStatus(text);
  if (all) return checkedNote(all, 'all-tasks');
  const parsed = parseTaskStatus(text);
  if (!parsed) return { kind: 'error', reason: m.notTaskStatus(text.slice(0, 60)) };
  return checkedNote(parsed, 'task');
}

function checkedNote(value: TaskAnswer, kind: 'task' | 'all-tasks'): Interpretation {
  if (value.note && value.note.length > MAX_TEXT_ANSWER)
    return { kind: 'error', reason: m.tooLong(MAX_TEXT_ANSWER, value.note.length) };
  if (value.note && hasClassifiedMarking(value.note)) return { kind: 'error', reason: m.classified };
  return { kind, value };
}
