import { applyAgencyImport, listImportableAgencies, type Db } from '../../../db/index.js';
import { importText as m } from '../../../messages/network.js';
import { planImport, type ImportPlan } from './changes.js';
import { readSheet } from './read.js';
import { readAgencyRows, type RowProblem } from './rows.js';

// One path for the CLI and the chat: read the file, check every row, compare with the network; write only a
// clean file's changes, and only the changes that were shown.

export type ImportCheck = { ok: true; plan: ImportPlan; notes: string[] } | { ok: false; text: string };

const LISTED_PROBLEMS = 30;
const EXAMPLES = 5;

export async function checkImport(db: Db, networkId: string, data: Buffer, fileName: string): Promise<ImportCheck> {
  const sheet = await readSheet(data, fileName);
  if (!sheet.ok) return { ok: false, text: sheet.error };
  const notes =
    sheet.table.otherSheets.length > 0 ? [m.otherSheets(sheet.table.sheetName, sheet.table.otherSheets)] : [];
  const rows = readAgencyRows(sheet.table);
  if (!rows.ok) return { ok: false, text: 'error' in rows ? rows.error : problemsText(rows.problems, notes) };
  const planned = planImport(rows.rows, await listImportableAgencies(db, networkId));
  if (!planned.ok) return { ok: false, text: problemsText(planned.problems, notes) };
  return { ok: true, plan: planned.plan, notes };
}

function problemsText(problems: RowProblem[], notes: string[]): string {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const lines = sorted.slice(0, LISTED_PROBLEMS).map((p) => m.rowLine(p.row, p.problem));
  if (sorted.length > LISTED_PROBLEMS) lines.push(m.moreRows(sorted.length - LISTED_PROBLEMS));
  return [m.badRowsTitle(new Set(sorted.map((p) => p.row)).size), ...lines, ...notes].join('\n');
}

export const hasChanges = (plan: ImportPlan): boolean => plan.add.length > 0 || plan.update.length > 0;

export function summaryText(networkName: string, fileName: string, check: Extract<ImportCheck, { ok: true }>): string {
  const { plan } = check;
  if (!hasChanges(plan)) return [m.nothingToDo(networkName), ...check.notes].join('\n');
  const lines = [m.summaryTitle(networkName, fileName), m.added(plan.add.length)];
  if (plan.add.length > 0) lines.push(m.examplesAdded(plan.add.slice(0, EXAMPLES).map((a) => a.name)));
  lines.push(m.updated(plan.update.length));
  if (plan.update.length > 0) lines.push(m.examplesUpdated(plan.update.slice(0, EXAMPLES).map((u) => u.name)));
  lines.push(m.unchanged(plan.unchanged), m.nothingDeleted, ...check.notes);
  return lines.join('\n');
}

export async function writeImport(
  db: Db,
  input: { networkId: string; plan: ImportPlan; actorPersonId: number | null; at: Date; file: string },
): Promise<void> {
  await applyAgencyImport(db, {
    networkId: input.networkId,
    add: input.plan.add,
    update: input.plan.update.map((u) => u.change),
    actorPersonId: input.actorPersonId,
    at: input.at,
    file: input.file,
  });
}
