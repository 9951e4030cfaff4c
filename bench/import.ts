import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { draftPlan, extractText } from '../src/plans/draft/index.js';
import { keyOfPlan, ownDocuments, score, type AnswerKey, type Score } from '../tests/support/plan-key.js';
import { docxOf, numberedDocxOf, seeds, seedText, shipped, textPdf } from '../tests/support/seed-documents.js';

// npm run bench:import (or BENCH_ONLY=import npm run bench): extraction quality of `daumoi plan draft`. The five
// seed documents, scored against the shipped plans, and the documents made to vary the layout, scored against
// their keys (tests/fixtures/plan-documents), each as .txt, as a Word file (typed numbers, and numbers made by
// Word's own lists) and as a PDF with a text layer, the files generated from the text as the tests do. Timed:
// reading the file and drafting (extractText + draftPlan), after one warm-up pass; not the file's generation.

const formats = {
  txt: (text: string) => Promise.resolve(Buffer.from(text, 'utf8')),
  docx: docxOf,
  'docx (Word lists)': numberedDocxOf,
  pdf: textPdf,
} as const;
type Format = keyof typeof formats;

const GOALS = { precision: 0.95, recall: 0.95, msPerDocument: 2000 };

interface Run {
  corpus: 'seeds' | 'own';
  document: string;
  format: Format;
  ms: number;
  score?: Score;
  error?: string;
}

async function draftOnce(data: Buffer, fileName: string) {
  const started = performance.now();
  const text = await extractText(data, fileName);
  const draft = text.ok
    ? draftPlan(text.text, { fileName, ...(text.listLabels ? { listLabels: text.listLabels } : {}) })
    : text;
  return { ms: performance.now() - started, draft };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => `${(ratio(a, b) * 100).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function summarise(runs: Run[]) {
  const sum = (f: (s: Score) => number) => runs.reduce((n, r) => n + (r.score ? f(r.score) : 0), 0);
  const ms = runs.map((r) => r.ms);
  return {
    documents: runs.length,
    failed: runs.filter((r) => !r.score).length,
    precision: ratio(
      sum((s) => s.matched),
      sum((s) => s.drafted),
    ),
    recall: ratio(
      sum((s) => s.matched),
      sum((s) => s.expected),
    ),
    roles: ratio(
      sum((s) => s.rolesRight),
      sum((s) => s.matched),
    ),
    deadlines: `${sum((s) => s.deadlinesFound)}/${sum((s) => s.deadlinesExpected)}`,
    wrongDeadlines: sum((s) => s.deadlinesWrong),
    duties: `${sum((s) => s.dutiesFound)}/${sum((s) => s.dutiesExpected)}`,
    extraDuties: sum((s) => s.dutiesExtra),
    network: `${runs.filter((r) => r.score?.networkRight).length}/${runs.length}`,
    msMedian: Math.round(median(ms)),
    msMax: Math.round(Math.max(...ms)),
  };
}

export type ImportBench = Awaited<ReturnType<typeof runImport>>;

export async function runImport(log: (line: string) => void = () => {}) {
  const corpus: { corpus: Run['corpus']; document: string; text: string; key: AnswerKey }[] = [
    ...seeds.map((s) => ({
      corpus: 'seeds' as const,
      document: s.plan,
      text: seedText(s.file),
      key: keyOfPlan(shipped(s.plan)),
    })),
    ...ownDocuments().map((d) => ({ corpus: 'own' as const, document: d.name, text: d.text, key: d.key })),
  ];
  const files = await Promise.all(
    corpus.flatMap((doc) =>
      (Object.keys(formats) as Format[]).map(async (format) => ({
        doc,
        format,
        data: await formats[format](doc.text),
      })),
    ),
  );
  const ext = (format: Format) => (format.startsWith('docx') ? 'docx' : format);
  // Warm-up: the first .docx and .pdf load mammoth and pdf.js.
  for (const f of files) await draftOnce(f.data, `${f.doc.document}.${ext(f.format)}`);
  const runs: Run[] = [];
  for (const { doc, format, data } of files) {
    const { ms, draft } = await draftOnce(data, `${doc.document}.${ext(format)}`);
    const base = { corpus: doc.corpus, document: doc.document, format, ms: Math.round(ms * 10) / 10 };
    runs.push(draft.ok ? { ...base, score: score(draft.plan, doc.key) } : { ...base, error: draft.error });
    log(`  ${doc.corpus} ${doc.document} .${format}: ${draft.ok ? 'ok' : draft.error} (${Math.round(ms)} ms)`);
  }
  const table: Record<string, ReturnType<typeof summarise>> = {};
  for (const c of ['seeds', 'own'] as const)
    for (const format of Object.keys(formats) as Format[])
      table[`${c} .${format}`] = summarise(runs.filter((r) => r.corpus === c && r.format === format));
  const seedRows = Object.entries(table).filter(([name]) => name.startsWith('seeds') && !name.includes('Word lists'));
  const checks = [
    ...seedRows.map(([name, row]) => ({
      ok: row.precision >= GOALS.precision && row.recall >= GOALS.recall,
      line: `${name}: precision ${pct(row.precision, 1)}, recall ${pct(row.recall, 1)} ≥ 95 %`,
    })),
    {
      ok: runs.every((r) => r.ms < GOALS.msPerDocument),
      line: `every document drafted in < 2 s (slowest ${Math.round(Math.max(...runs.map((r) => r.ms)))} ms)`,
    },
  ];
  return { goals: GOALS, table, runs, checks };
}

/** The table by corpus and format, as console.table prints it. */
export function printImportTable(result: ImportBench): void {
  const rows = Object.fromEntries(
    Object.entries(result.table).map(([name, r]) => [
      name,
      {
        docs: r.documents,
        precision: pct(r.precision, 1),
        recall: pct(r.recall, 1),
        roles: pct(r.roles, 1),
        deadlines: r.deadlines,
        'wrong dl.': r.wrongDeadlines,
        duties: r.duties,
        'extra duties': r.extraDuties,
        network: r.network,
        'ms median': r.msMedian,
        'ms max': r.msMax,
      },
    ]),
  );
  console.table(rows);
}

/** bench/out/import.json: the table, every document's score and time, the goals' checks. */
export function writeImportResult(result: ImportBench): void {
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const json = { date: new Date().toISOString(), ...result };
  writeFileSync(new URL('./out/import.json', import.meta.url), `${JSON.stringify(json, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Plan drafting quality: seeds and own documents as .txt, .docx, .docx with Word lists, .pdf…');
  const result = await runImport(process.env.BENCH_VERBOSE ? (line) => console.log(line) : undefined);
  printImportTable(result);
  for (const c of result.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.line}`);
  writeImportResult(result);
  process.exit(0);
}
