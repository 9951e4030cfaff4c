// Lines an operator reads when the bot refuses to start beside other instances, and the backup advice.

export const instanceText = {
  databaseInUse: (databasePath: string, lockPath: string) =>
    `Không khởi động: một tiến trình khác đang chạy bot trên cơ sở dữ liệu ${databasePath} ` +
    `(khóa ${lockPath}). SQLite chỉ cho một tiến trình; hãy dừng tiến trình kia, ` +
    'hoặc dùng PostgreSQL (DATABASE_URL=postgres://...) để chạy nhiều phiên bản.',
  webhookInPolling: (platform: 'telegram' | 'zalo', url: string) =>
    `Không khởi động: bot ${platform === 'telegram' ? 'Telegram' : 'Zalo'} đang có webhook ${url} ` +
    '(các phiên bản khác nhận tin qua đó), nên phiên bản này không chuyển sang long polling. ' +
    (platform === 'telegram'
      ? 'Đặt TELEGRAM_WEBHOOK_URL và TELEGRAM_WEBHOOK_SECRET như các phiên bản kia; nếu thật sự muốn bỏ webhook, ' +
        'gọi deleteWebhook của Bot API rồi khởi động lại.'
      : 'Đặt ZALO_WEBHOOK_URL và ZALO_WEBHOOK_SECRET như các phiên bản kia; nếu thật sự muốn bỏ webhook, ' +
        'chạy daumoi zalo webhook delete rồi khởi động lại.'),
  backupPostgres:
    'Cơ sở dữ liệu là PostgreSQL: daumoi backup chỉ sao lưu tệp SQLite. Hãy dùng pg_dump, ví dụ:\n' +
    '  pg_dump --format=custom --file=daumoi-$(date +%F).dump "$DATABASE_URL"\n' +
    'và khôi phục bằng: pg_restore --clean --if-exists --dbname="$DATABASE_URL" daumoi-YYYY-MM-DD.dump\n' +
    '(pg_dump chạy được khi bot đang hoạt động: bản sao nhất quán tại thời điểm bắt đầu).',
} as const;
