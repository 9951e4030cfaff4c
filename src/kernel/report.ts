import type { TaskStatus } from './export-data.js';

// How report answers are stored (report_drafts.answers and submissions.answers), keyed by question id:
// text -> string, number -> number, choice -> the option's label, yesno -> boolean,
// tasks -> { [task slug]: { status, note? } }, an optional question skipped -> null. Unanswered: key absent.

export type { TaskStatus };

export interface TaskAnswer {
  status: TaskStatus;
  note?: string;
}

export type TaskAnswers = Record<string, TaskAnswer>;
export type StoredAnswer = string | number | boolean | null | TaskAnswers;
export type ReportAnswers = Record<string, StoredAnswer>;

/** A file sent during the report conversation, kept as a platform reference (never downloaded). */
export interface ReportAttachment {
  platform: string;
  kind: 'photo' | 'document';
  fileId: string;
  name?: string;
  /** The question on screen when the file arrived. */
  questionId?: string;
}

export const taskStatuses: readonly TaskStatus[] = ['done', 'in-progress', 'not-started'];

export function isTaskAnswers(value: StoredAnswer | undefined): value is TaskAnswers {
  return typeof value === 'object' && value !== null;
}
