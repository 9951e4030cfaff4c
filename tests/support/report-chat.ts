import type { Reply } from '../../src/kernel/message.js';
import type { SayOptions, TestApp } from './test-app.js';

// Drives a report conversation in the console like a person typing: each message a little later than the
// previous one (the router's flood guard reads the same injected clock).

export type Send = (text: string, options?: SayOptions) => Promise<Reply[]>;

export function chatAs(t: TestApp, userId: string): Send {
  return async (text, options) => {
    t.clock.now = new Date(t.clock.now.getTime() + 20_000);
    return t.say(userId, text, options);
  };
}

export const textOf = (replies: Reply[]): string => replies.map((r) => r.text).join('\n');
export const labelsOf = (replies: Reply[]): string[] => replies.at(-1)?.choices?.map((c) => c.label) ?? [];

/** Cẩm Thành, Công chức Tư pháp: eleven tasks (six for everyone, two own, three more for everyone). */
export const TU_PHAP_TASKS = 11;

/** Answers for the first two questions of the yearly report (yes/no, text). */
export const OPENING = ['có', 'Kế hoạch số 12/KH-UBND ngày 10/01/2026 về truyền thông chính sách năm 2026'];

/** One status per task; the third has a note. */
export const taskAnswers = (count: number): string[] => [
  'Đã hoàn thành',
  'Đang thực hiện',
  'đang thực hiện: đã tổ chức 2 hội nghị phổ biến',
  'Chưa thực hiện',
  ...Array.from({ length: count - 4 }, () => 'Đã hoàn thành'),
];

export const TASK_ANSWERS = taskAnswers(TU_PHAP_TASKS);

/**
 * The rest after the tasks, with no activity logged: figures typed freely (the prefill offers nothing),
 * then texts, the self-assessment and the optional difficulty and proposal.
 */
export const CLOSING = [
  '2',
  '12',
  '30',
  '2',
  '45',
  '3',
  '15 triệu',
  'Chủ động phổ biến dự thảo văn bản trên loa truyền thanh xã',
  'Nhân lực còn mỏng',
  'Khá',
  'Tiếp tục phổ biến Luật Tiếp cận thông tin',
  'Thiếu kinh phí tổ chức hội nghị',
  'bỏ qua',
];

export const ALL_ANSWERS = [...OPENING, ...TASK_ANSWERS, ...CLOSING];

/** Every answer of the yearly report for an agency with `tasks` tasks. */
export const answersWithTasks = (tasks: number): string[] => [...OPENING, ...taskAnswers(tasks), ...CLOSING];

export async function sendAll(send: Send, answers: string[]): Promise<Reply[]> {
  let last: Reply[] = [];
  for (const answer of answers) last = await send(answer);
  return last;
}
