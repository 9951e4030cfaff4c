import { type Db, type StatusNetwork } from '../../db/index.js';
import { loadExportData } from './export-data.js';
import type { ActivityType } from '../../kernel/plan.js';
import { statusText } from '../../messages/status.js';
import { CONTENT_TYPES, type OutgoingFile } from './deliver.js';
import { isEmptyPeriod } from '../../documents/empty.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';

export type ExportFormat = 'xlsx' | 'docx';

export interface ExportJob {
  network: StatusNetwork;
  chosen: ChosenPeriod;
  now: Date;
  catalog: ActivityType[];
  formats: ExportFormat[];
}

const m = statusText.export;

export interface ExportFiles {
  files: OutgoingFile[];
  /** Nobody reported and nothing was logged: the caller says so instead of handing over empty tables silently. */
  empty: boolean;
}

/** The workbook and/or the report draft of a network's period, loaded once. */
// exceljs and docx load on the first export only: they weigh ~40 MB of memory the chat itself never needs.
export async function buildExportFiles(db: Db, job: ExportJob): Promise<ExportFiles> {
  const data = await loadExportData(db, job);
  const { network, chosen } = job;
  const base = `${network.id}-${chosen.period.key}`;
  const files: OutgoingFile[] = [];
  if (job.formats.includes('xlsx')) {
    const file = {
      kind: 'document' as const,
      fileName: `tong-hop-${base}.xlsx`,
      data: await (await import('../../documents/xlsx.js')).renderWorkbook(data),
      caption: m.workbookCaption(network.name, chosen.period.label),
    };
    files.push({ file, contentType: CONTENT_TYPES.xlsx, title: m.workbookName });
  }
  if (job.formats.includes('docx')) {
    const file = {
      kind: 'document' as const,
      fileName: `du-thao-bao-cao-${base}.docx`,
      data: await (await import('../../documents/docx.js')).renderReportDraft(data),
      caption: m.draftCaption(network.name, chosen.period.label),
    };
    files.push({ file, contentType: CONTENT_TYPES.docx, title: m.draftName });
  }
  return { files, empty: isEmptyPeriod(data) };
}
