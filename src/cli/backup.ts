import { existsSync, renameSync } from 'node:fs';
import { backupDatabase } from '../db/index.js';
import { loadConfig } from '../config.js';
import { cliText, instanceText } from '../messages/index.js';
import { withDatabase } from './open-db.js';
import type { CliCommand } from './types.js';

/** daumoi backup FILE [--force]: an existing file is an older backup, so it is kept unless --force says otherwise. */
export const backupCli: CliCommand = {
  name: 'backup',
  usage: cliText.backupUsage,
  async run(args, io) {
    // A PostgreSQL database is copied by its own tool, online and consistent: say how instead of failing.
    if (loadConfig(io.env).databaseUrl) {
      io.err(instanceText.backupPostgres);
      return 2;
    }
    const force = args.includes('--force');
    const rest = args.filter((arg) => arg !== '--force');
    const odd = rest.find((arg) => arg.startsWith('-')) ?? rest[1];
    if (odd !== undefined) {
      io.err(cliText.backupBadArg(odd));
      return 2;
    }
    const target = rest[0];
    if (!target) {
      io.err(cliText.backupMissingFile);
      return 2;
    }
    if (existsSync(target) && !force) {
      io.err(cliText.backupExists(target));
      return 1;
    }
    // Written beside the target and renamed over it, so a failed backup never destroys the previous one.
    const temporary = `${target}.${process.pid}.tmp`;
    await withDatabase(io, (db) => backupDatabase(db, temporary));
    renameSync(temporary, target);
    io.out(cliText.backedUp(target));
    return 0;
  },
};
