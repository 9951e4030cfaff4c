import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { findStatusNetwork, type Db } from '../db/index.js';
import { findStatusPeriod, resolveStatusPeriod } from '../features/status/summary.js';
import { argProblem, fileProblem } from '../messages/cli.js';
import { documentMessages } from '../messages/documents.js';
import { statusText } from '../messages/status.js';
import { loadActivityTypeCatalog } from '../plans/activity-types.js';
import { buildExportFiles, type ExportFormat } from '../features/status/export-files.js';
import { withDatabase } from './open-db.js';
import type { CliCommand, CliIo } from './types.js';

const m = statusText.cli;

interface ExportOptions {
  network: string;
  period?: string;
  format: ExportFormat;
  out: string;
}

/** daumoi export --network ID [--period KEY] [--format xlsx|docx] --out FILE */
export const exportCli: CliCommand = {
  name: 'export',
  usage: m.usage,
  async run(args, io) {
    const options = readOptions(args, io);
    if (!options) return 2;
    return withDatabase(io, (db) => writeExport(db, options, io, new Date()));
  },
};

function readOptions(args: string[], io: CliIo): ExportOptions | undefined {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        network: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    io.err(argProblem(error));
    return undefined;
  }
  if (!values.network) return fail(io, m.missingNetwork);
  if (!values.out) return fail(io, m.missingOut);
  const format = (values.format ?? extname(values.out).slice(1)).toLowerCase();
  if (format !== 'xlsx' && format !== 'docx') return fail(io, m.badFormat(format));
  return { network: values.network, period: values.period, format, out: values.out };
}

function fail(io: CliIo, message: string): undefined {
  io.err(message);
  return undefined;
}

async function writeExport(db: Db, options: ExportOptions, io: CliIo, now: Date): Promise<number> {
  const network = await findStatusNetwork(db, options.network);
  if (!network) {
    io.err(m.unknownNetwork(options.network));
    return 1;
  }
  const chosen = options.period
    ? await findStatusPeriod(db, network.id, options.period)
    : await resolveStatusPeriod(db, network.id, now);
  if (!chosen) {
    io.err(statusText.unknownPeriod(options.period!));
    return 1;
  }
  const {
    files: [file],
    empty,
  } = await buildExportFiles(db, {
    network,
    chosen,
    now,
    catalog: loadActivityTypeCatalog(),
    formats: [options.format],
  });
  try {
    writeFileSync(options.out, file!.file.data);
  } catch (error) {
    io.err(m.unwritable(options.out, fileProblem('write', error)));
    return 1;
  }
  io.out(m.written(options.out, network.name, chosen.period.label));
  if (empty) io.err(`${documentMessages.emptyPeriod(chosen.period.label)} ${documentMessages.emptyFilesNote}`);
  return 0;
}
