import { backupDatabase } from '../db/index.js';
import { cliText } from '../messages/index.js';
import { withDatabase } from './open-db.js';
import type { CliCommand } from './types.js';

export const backupCli: CliCommand = {
  name: 'backup',
  usage: cliText.backupUsage,
  async run(args, io) {
    const target = args[0];
    if (!target) {
      io.err(cliText.backupMissingFile);
      return 2;
    }
    await withDatabase(io, (db) => backupDatabase(db, target));
    io.out(cliText.backedUp(target));
    return 0;
  },
};
