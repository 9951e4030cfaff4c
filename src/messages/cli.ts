// Strings of the basic command-line subcommands (start, console, migrate, backup).

// The usual reasons a file cannot be read or written, instead of Node's English "ENOENT: no such file or directory".
const fileReasons: Record<'read' | 'write', Record<string, string>> = {
  read: {
    ENOENT: 'không có tệp này (kiểm tra lại đường dẫn và tên tệp).',
    EISDIR: 'đây là một thư mục; hãy ghi tên tệp .yaml trong thư mục đó.',
    EACCES: 'không có quyền đọc tệp này.',
    EPERM: 'không có quyền đọc tệp này.',
  },
  write: {
    ENOENT: 'thư mục chứa tệp không tồn tại (kiểm tra lại đường dẫn).',
    EISDIR: 'đây là một thư mục; hãy ghi cả tên tệp, ví dụ bao-cao.docx.',
    EACCES: 'không có quyền ghi vào đây.',
    EPERM: 'không có quyền ghi vào đây.',
    ENOSPC: 'ổ đĩa đã đầy.',
  },
};

/** Why a file could not be read or written, in Vietnamese when the reason is a usual one. */
export function fileProblem(mode: 'read' | 'write', error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && fileReasons[mode][code]) ?? (error instanceof Error ? error.message : String(error));
}

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
