import { normalize } from '../../kernel/text.js';
import type { ExportFormat } from './export-files.js';
import { keyFrequency, normalizeKey } from '../../kernel/calendar/period-choice.js';

export interface ExportArgs {
  formats: ExportFormat[];
  periodKey?: string;
  /** What is left: a network name or id, or ''. */
  network: string;
}

const FORMAT_WORDS: Record<string, ExportFormat> = { excel: 'xlsx', xlsx: 'xlsx', word: 'docx', docx: 'docx' };

/** "/xuat excel vinh phuc 2026-Q4": format words and a period key in any order, the rest names the network. */
export function parseExportArgs(args: string): ExportArgs {
  const formats = new Set<ExportFormat>();
  let periodKey: string | undefined;
  const rest: string[] = [];
  for (const word of args.trim().split(/\s+/).filter(Boolean)) {
    const format = FORMAT_WORDS[normalize(word)];
    if (format) formats.add(format);
    else if (!periodKey && keyFrequency(normalizeKey(word))) periodKey = normalizeKey(word);
    else rest.push(word);
  }
  return { formats: formats.size > 0 ? [...formats] : ['xlsx', 'docx'], periodKey, network: rest.join(' ') };
}
