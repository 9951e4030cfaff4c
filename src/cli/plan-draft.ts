import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileProblem } from '../messages/cli.js';
import { planDraftText } from '../messages/index.js';
import { formatPlanErrors } from '../plans/parse.js';
import { draftPlan, extractText, maxDraftBytes, summarize } from '../plans/draft/index.js';
import type { CliIo } from './types.js';

const t = planDraftText;

/** daumoi plan draft FILE [--out plan.yaml] [--id slug]: nothing is written unless the draft validates. */
export async function runPlanDraft(args: string[], io: CliIo): Promise<number> {
  const options = readOptions(args);
  if ('error' in options) {
    io.err(options.error);
    return 2;
  }
  const { file, id } = options;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    io.err(t.unreadable(file, fileProblem('read', error)));
    return 1;
  }
  // Checked before reading: a huge file is refused without loading it.
  if (size > maxDraftBytes) return refuse(io, t.tooBig(maxDraftBytes / 1024 / 1024));
  const text = await extractText(readFileSync(file), file);
  if (!text.ok) return refuse(io, text.error);
  const draft = draftPlan(text.text, {
    fileName: basename(file),
    ...(id ? { id } : {}),
    ...(text.listLabels ? { listLabels: text.listLabels } : {}),
  });
  if (!draft.ok) {
    refuse(io, draft.error);
    if (draft.errors) for (const line of formatPlanErrors(draft.errors, 'draft.yaml')) io.err(`  ${line}`);
    return 1;
  }
  const out = options.out ?? `${draft.plan.network.id}.yaml`;
  if (!options.out && existsSync(out)) return refuse(io, t.outExists(out));
  io.out(summarize(draft.plan, draft.doubts));
  try {
    writeFileSync(out, draft.yaml, 'utf8');
  } catch (error) {
    return refuse(io, t.unreadable(out, fileProblem('write', error)));
  }
  io.out(t.written(out));
  return 0;
}

function refuse(io: CliIo, message: string): number {
  io.err(message);
  io.err(t.nothingWritten);
  return 1;
}

function readOptions(args: string[]): { file: string; out?: string; id?: string } | { error: string } {
  let file: string | undefined;
  let out: string | undefined;
  let id: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out' || arg === '--id') {
      const value = args[++i];
      if (!value) return { error: t.badOption(arg) };
      if (arg === '--out') out = value;
      else id = value;
    } else if (arg.startsWith('--') || file) return { error: t.badOption(arg) };
    else file = arg;
  }
  if (!file) return { error: t.missingFile };
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) return { error: t.badId(id) };
  return { file, ...(out ? { out } : {}), ...(id ? { id } : {}) };
}
