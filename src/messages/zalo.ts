// Strings of the Zalo rendering: numbered choices and files sent as links.

export const zaloText = {
  pickHint: 'Trả lời bằng số thứ tự (ví dụ: 1) hoặc gõ đúng nội dung lựa chọn.',
  fileLink: (fileName: string, url: string, hours: number) =>
    `Tải tệp "${fileName}" tại:\n${url}\n(Liên kết hết hạn sau ${hours} giờ; đừng chia sẻ cho người khác.)`,
  typeCommand: (label: string, command: string) => `${label}: gõ ${command}`,
  groupAdminUnknown:
    'Zalo không cho bot biết ai là quản trị viên nhóm, nên chưa gắn được nhóm Zalo với mạng lưới. ' +
    'Hãy gắn một nhóm Telegram; trên Zalo, nhắc việc được gửi riêng cho từng cán bộ.',
  fileUnavailable: (fileName: string) =>
    `Zalo chưa gửi được tệp "${fileName}". Để nhận tệp, hãy gõ lại lệnh này trên Telegram ` +
    '(liên kết tài khoản bằng /lienket) hoặc trong cửa sổ console trên máy chủ (lệnh daumoi console).',
} as const;

export const zaloCliText = {
  usage:
    'daumoi zalo webhook set|delete|info   quản lý webhook Zalo (set dùng ZALO_WEBHOOK_URL và ZALO_WEBHOOK_SECRET)',
  noToken: 'Thiếu ZALO_BOT_TOKEN: đặt token của bot Zalo trước.',
  noWebhookConfig: 'Đặt ZALO_WEBHOOK_URL và ZALO_WEBHOOK_SECRET trước: bot kiểm tra đúng mật khẩu đó ở /zalo/webhook.',
  set: (url: string) => `Đã đặt webhook Zalo: ${url}`,
  pathHint: 'Lưu ý: bot nhận webhook Zalo ở đường dẫn /zalo/webhook.',
  deleted: 'Đã xóa webhook Zalo; bot sẽ nhận tin nhắn bằng long polling.',
  info: (url: string, updated: string) => `Webhook Zalo: ${url} (cập nhật ${updated})`,
  none: 'Chưa đặt webhook Zalo: bot nhận tin nhắn bằng long polling.',
  failed: (reason: string) => `Zalo trả lỗi: ${reason}`,
} as const;
