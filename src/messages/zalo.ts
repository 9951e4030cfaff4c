// Strings of the Zalo rendering: numbered choices and files sent as links.

export const zaloText = {
  pickHint: 'Trả lời bằng số thứ tự (ví dụ: 1) hoặc gõ đúng nội dung lựa chọn.',
  fileLink: (fileName: string, url: string, hours: number) =>
    `Tải tệp "${fileName}" tại:\n${url}\n(Liên kết hết hạn sau ${hours} giờ; đừng chia sẻ cho người khác.)`,
  fileUnavailable: (fileName: string) =>
    `Zalo chưa gửi được tệp "${fileName}". Để nhận tệp, hãy gõ lại lệnh này trên Telegram ` +
    '(liên kết tài khoản bằng /lienket) hoặc trong cửa sổ console trên máy chủ (lệnh daumoi console).',
} as const;
