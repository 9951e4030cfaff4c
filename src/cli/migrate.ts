import { withDatabase } from './open-db.js';
import type { CliCommand } from './types.js';

export const migrateCli: CliCommand = {
  name: 'migrate',
  usage: 'daumoi migrate                 áp dụng các migration vào cơ sở dữ liệu',
  async run(_args, io) {
    await withDatabase(io, async (_db, config) => io.out(`Đã cập nhật cơ sở dữ liệu ${config.databasePath}`));
    return 0;
  },
};
