// Strings of the basic command-line subcommands (start, console, migrate, backup).

export const cliText = {
  usageTitle: 'Cách dùng:',
  startUsage: 'daumoi start                   chạy bot (Telegram/Zalo nếu có token, nếu không thì console)',
  consoleUsage: 'daumoi console                 trò chuyện với bot ngay trên máy',
  migrateUsage: 'daumoi migrate                 áp dụng các migration vào cơ sở dữ liệu',
  migrated: (path: string) => `Đã cập nhật cơ sở dữ liệu ${path}`,
  backupUsage: 'daumoi backup FILE             sao lưu cơ sở dữ liệu (an toàn khi bot đang chạy)',
  backupMissingFile: 'Thiếu tên tệp: daumoi backup FILE',
  backedUp: (path: string) => `Đã sao lưu vào ${path}`,
} as const;
