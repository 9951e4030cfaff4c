import type { ExportData } from '../kernel/export-data.js';

/** Nobody reported and nothing was logged: the files would only hold empty tables and placeholders. */
export function isEmptyPeriod(data: Pick<ExportData, 'submissions' | 'activities'>): boolean {
  return data.submissions.length === 0 && data.activities.length === 0;
}
