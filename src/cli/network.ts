import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { findStatusNetwork } from '../db/index.js';
import { renderAgencyTemplate } from '../documents/agency-template.js';
import { checkImport, hasChanges, summaryText, writeImport } from '../features/network/sheet/import.js';
import { argProblem, fileProblem } from '../messages/cli.js';
import { importText } from '../messages/network.js';
import { withDatabase } from './open-db.js';
import type { CliCommand, CliIo } from './types.js';

const m = importText.cli;

/** daumoi network agencies NETWORK FILE.xlsx|.csv [--dry-run]; daumoi network template [--out FILE.xlsx] */
export const networkCli: CliCommand = {
  name: 'network',
  usage: m.usage,
  async run(args, io) {
    let parsed: { values: { 'dry-run'?: boolean; out?: string }; positionals: string[] };
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' }, out: { type: 'string' } },
      });
    } catch (error) {
      io.err(argProblem(error));
      return 2;
    }
    const [what, ...rest] = parsed.positionals;
    if (what === 'template' && rest.length === 0) return template(io, parsed.values.out ?? importText.templateName);
    if (what === 'agencies' && rest.length === 2) return agencies(io, rest[0]!, rest[1]!, parsed.values['dry-run']);
    io.err(m.usage);
    return 2;
  },
};

async function template(io: CliIo, out: string): Promise<number> {
  try {
    writeFileSync(out, await renderAgencyTemplate());
  } catch (error) {
    io.err(fileProblem('write', error));
    return 1;
  }
  io.out(m.written(out));
  return 0;
}

async function agencies(io: CliIo, networkId: string, file: string, dryRun = false): Promise<number> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    io.err(m.unreadableFile(file, fileProblem('read', error)));
    return 1;
  }
  return withDatabase(io, async (db) => {
    const network = await findStatusNetwork(db, networkId);
    if (!network) {
      io.err(m.unknownNetwork(networkId));
      return 1;
    }
    const check = await checkImport(db, network.id, data, basename(file));
    if (!check.ok) {
      io.err(check.text);
      return 1;
    }
    io.out(summaryText(network.name, basename(file), check));
    if (!hasChanges(check.plan)) return 0;
    if (dryRun) {
      io.out(m.dryRun);
      return 0;
    }
    const at = new Date();
    await writeImport(db, { networkId: network.id, plan: check.plan, actorPersonId: null, at, file: basename(file) });
    io.out(importText.done(network.name, check.plan.add.length, check.plan.update.length));
    return 0;
  });
}
