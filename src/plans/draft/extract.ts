// File -> text. .txt/.md as UTF-8; .docx through mammoth's HTML (paragraphs and line breaks kept); .pdf through
// the text layer (unpdf, a bundled pdf.js), rebuilding paragraph gaps from the vertical spacing of lines.
// Every refusal is a Vietnamese sentence that says what to send instead.

import { planDraftText } from '../../messages/plan-draft.js';
import { withListNumbers } from './docx-numbering.js';

export const maxDraftBytes = 10 * 1024 * 1024;

/** listLabels: paragraphs of a .docx whose numbering came from Word's lists (written in as text). */
export type Extracted = { ok: true; text: string; listLabels?: number } | { ok: false; error: string };

const t = planDraftText;

export async function extractText(data: Buffer, fileName: string): Promise<Extracted> {
  if (data.length > maxDraftBytes) return { ok: false, error: t.tooBig(maxDraftBytes / 1024 / 1024) };
  const problem = fileTypeProblem(fileName);
  if (problem) return { ok: false, error: problem };
  const ext = extensionOf(fileName);
  if (ext === 'docx') return fromDocx(data);
  if (ext === 'pdf') return fromPdf(data);
  return fromText(data);
}

const readable = new Set(['txt', 'md', 'docx', 'pdf']);

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** Why a file of this name cannot be read, judged by its extension alone (before downloading it). */
export function fileTypeProblem(fileName: string): string | undefined {
  const ext = extensionOf(fileName);
  if (readable.has(ext)) return undefined;
  if (['xlsx', 'xls', 'xlsm', 'ods', 'csv'].includes(ext)) return t.spreadsheet;
  if (ext === 'doc') return t.oldWord;
  return t.unsupported(ext ? `.${ext}` : '');
}

function fromText(data: Buffer): Extracted {
  const text = data.toString('utf8').replace(/^\uFEFF/u, '');
  if (text.includes('\u0000')) return { ok: false, error: t.broken('văn bản') };
  return text.trim() ? { ok: true, text } : { ok: false, error: t.empty };
}

async function fromDocx(data: Buffer): Promise<Extracted> {
  // A spreadsheet renamed .docx is a zip too: refuse it as a spreadsheet rather than as a broken file.
  if (data.includes('xl/workbook.xml')) return { ok: false, error: t.spreadsheet };
  const mammoth = await import('mammoth');
  try {
    const numbered = await withListNumbers(data);
    // HTML rather than raw text: raw text drops soft line breaks (Shift+Enter), which join header lines.
    const { value } = await mammoth.convertToHtml({ buffer: numbered.data });
    const text = htmlToText(value);
    if (!text.trim()) return { ok: false, error: t.empty };
    return numbered.labelled > 0 ? { ok: true, text, listLabels: numbered.labelled } : { ok: true, text };
  } catch {
    return { ok: false, error: t.broken('Word (.docx)') };
  }
}

function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h\d|li|tr|table)>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => entities[name] ?? '');
}

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

async function fromPdf(data: Buffer): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(data));
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, error: name === 'PasswordException' ? t.encrypted : t.broken('PDF') };
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform, hasEOL: i.hasEOL }] : []))));
    }
    const text = pages.join('\n');
    // A scan has no text layer, or only a few stray characters from a stamp.
    if (text.replace(/\s/g, '').length < 20) return { ok: false, error: t.noTextLayer };
    return { ok: true, text };
  } catch {
    return { ok: false, error: t.broken('PDF') };
  } finally {
    await pdf.destroy();
  }
}

/** Lines from text items; a blank line where the gap to the previous line is clearly wider than usual. */
function pageText(items: TextItem[]): string {
  const lines: { y: number; text: string }[] = [];
  let current = '';
  let y: number | undefined;
  for (const item of items) {
    const itemY = item.transform[5] ?? 0;
    if (y !== undefined && Math.abs(itemY - y) > 1 && current) {
      lines.push({ y, text: current });
      current = '';
    }
    if (current === '' || y === undefined || Math.abs(itemY - y) > 1) y = itemY;
    current += item.str;
    if (item.hasEOL) {
      lines.push({ y, text: current });
      current = '';
      y = undefined;
    }
  }
  if (current) lines.push({ y: y ?? 0, text: current });
  const kept = lines.filter((l) => l.text.trim());
  const gaps = kept.slice(1).map((l, i) => Math.abs(kept[i]!.y - l.y)).filter((g) => g > 0);
  // The spacing of lines inside a paragraph: a low percentile rather than the median, since in a document of
  // mostly one-line paragraphs (headings, short items) the median gap is the one between paragraphs.
  const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 10)]! : 0;
  return kept
    .map((l, i) => {
      const gap = i > 0 ? Math.abs(kept[i - 1]!.y - l.y) : 0;
      return (usual && gap > usual * 1.4 ? '\n' : '') + l.text.trim();
    })
    .join('\n');
}
