import { backupDatabase } from '../../db/index.js';
import { withDatabase } from './open-db.js';
import type { CliCommand } from './types.js';

export const backupCli: CliCommand = {
  name: 'backup',
  usage: 'daumoi backup FILE             sao lưu cơ sở dữ liệu (an toàn khi bot đang chạy)',
  async run(args, io) {
    const target = args[0];
    if (!target) {
      io.err('Thiếu tên tệp: daumoi backup FILE');
      return 2;
    }
    await withDatabase(io, (db) => backupDatabase(db, target));
    io.out(`Đã sao lưu vào ${target}`);
    return 0;
  },
};
