import { cliText } from '../messages/index.js';
import { withDatabase } from './open-db.js';
import type { CliCommand } from './types.js';

export const migrateCli: CliCommand = {
  name: 'migrate',
  usage: cliText.migrateUsage,
  async run(_args, io) {
    await withDatabase(io, async (_db, config) => io.out(cliText.migrated(config.databasePath)));
    return 0;
  },
};
