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

// What each configuration variable must look like. The message names the variable, never its value (a token).
const retainDays = 'một số nguyên từ 1 đến 3650 (ngày)';
const httpUrl = 'một địa chỉ bắt đầu bằng http:// hoặc https://';
const secret = 'một chuỗi 8-256 ký tự chỉ gồm A-Z a-z 0-9 _ -';
const configExpected: Record<string, string> = {
  TELEGRAM_BOT_TOKEN: 'mã bot Telegram dạng 123456:ABC-... (lấy từ @BotFather)',
  TELEGRAM_API_ROOT: httpUrl,
  TELEGRAM_WEBHOOK_URL: httpUrl,
  TELEGRAM_WEBHOOK_SECRET: secret,
  ZALO_BOT_TOKEN: 'mã bot Zalo dạng <bot_id>:<secret>',
  ZALO_API_ROOT: httpUrl,
  ZALO_WEBHOOK_URL: httpUrl,
  ZALO_WEBHOOK_SECRET: secret,
  ZALO_RATE_PER_SEC: 'một số lớn hơn 0 và không quá 30',
  ZALO_BOT_NAME: 'một tên dài 1-100 ký tự',
  PUBLIC_URL: httpUrl,
  METRICS_TOKEN: secret,
  DATABASE_PATH: 'đường dẫn tới tệp cơ sở dữ liệu',
  DATABASE_BUSY_TIMEOUT_MS: 'một số nguyên từ 0 đến 600000 (mili giây)',
  ADMINS: 'danh sách cách nhau bởi dấu phẩy, mỗi mục dạng telegram:123456 hoặc zalo:abc',
  HOST: 'tên máy hoặc địa chỉ IP',
  PORT: 'một số nguyên từ 0 đến 65535',
  LOG_LEVEL: 'một trong các mức fatal, error, warn, info, debug, trace, silent',
  CONVERSATION_IDLE_MINUTES: 'một số nguyên dương (phút)',
  QUIET_HOURS: 'dạng giờ bắt đầu-giờ kết thúc, ví dụ 21-7 (giờ từ 0 đến 23)',
  RETAIN_INBOUND_DAYS: retainDays,
  RETAIN_OUTBOX_DAYS: retainDays,
  RETAIN_CONVERSATION_DAYS: retainDays,
  CATCH_UP_HOURS: 'một số nguyên từ 0 đến 168 (giờ)',
  PLANS_DIR: 'đường dẫn tới thư mục kế hoạch',
};

/** One line on a bad configuration variable (see ConfigProblem in config.ts). */
export function configProblem(
  variable: string,
  problem: { kind: 'invalid' } | { kind: 'required'; given: string } | { kind: 'hours' },
): string {
  if (problem.kind === 'required') return `Cấu hình chưa đủ: cần đặt ${variable} khi đã đặt ${problem.given}.`;
  if (problem.kind === 'hours') return `Cấu hình không hợp lệ: giờ trong ${variable} phải từ 0 đến 23 (ví dụ 21-7).`;
  const expected = configExpected[variable] ?? 'giá trị đúng định dạng (xem tệp .env.example)';
  return `Cấu hình không hợp lệ: ${variable} phải là ${expected}.`;
}

/** Node's parseArgs errors (English) in Vietnamese; the token the user typed is quoted back. */
export function argProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const token = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  const option = token.split(' ')[0] ?? token;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Tùy chọn không hợp lệ: ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Tùy chọn ${option} cần một giá trị.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `Thừa đối số "${token}": lệnh này chỉ nhận các tùy chọn dạng --tên giá-trị.`;
  }
  return `Đối số không hợp lệ: ${token || '?'}`;
}

export const cliText = {
  usageTitle: 'Cách dùng:',
  unknownCommand: (name: string) => `Không có lệnh "${name}". Các lệnh của daumoi:`,
  startUsage: 'daumoi start                   chạy bot (Telegram/Zalo nếu có token, nếu không thì console)',
  consoleUsage: 'daumoi console                 trò chuyện với bot ngay trên máy',
  migrateUsage: 'daumoi migrate                 áp dụng các migration vào cơ sở dữ liệu',
  migrated: (path: string) => `Đã cập nhật cơ sở dữ liệu ${path}`,
  backupUsage: 'daumoi backup FILE [--force]   sao lưu cơ sở dữ liệu (an toàn khi bot đang chạy)',
  backupMissingFile: 'Thiếu tên tệp: daumoi backup FILE',
  backupExists: (path: string) =>
    `Tệp ${path} đã có; không ghi đè để khỏi mất bản sao lưu cũ. Chọn tên tệp khác, hoặc thêm --force nếu muốn ghi đè.`,
  backupBadArg: (arg: string) => `Không hiểu "${arg}". Cách dùng: daumoi backup FILE [--force]`,
  backedUp: (path: string) => `Đã sao lưu vào ${path}`,
} as const;
