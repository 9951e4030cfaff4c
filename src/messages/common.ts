// Vietnamese strings of the router and the basic commands.

export const common = {
  unknownCommand: (name: string) => `Không có lệnh /${name}. Gõ /trogiup để xem các lệnh.`,
  didYouMean: (name: string) => `Ý bạn là /${name}?`,
  yes: 'Có',
  menuOutOfRange: (count: number) =>
    count === 1
      ? 'Chỉ có một lựa chọn: gõ 1 để chọn, hoặc gõ /huy.'
      : `Không có lựa chọn đó. Bạn gõ một số từ 1 đến ${count}:`,
  fallback:
    'Tôi chưa hiểu ý bạn. Bạn có thể hỏi "nhiệm vụ của tôi", ghi nhận hoạt động bằng /ghinhan, ' +
    'nộp báo cáo bằng /baocao, hoặc gõ /trogiup để xem tất cả các lệnh.',
  greeting:
    'Xin chào! Tôi là Đầu Mối. Bạn có thể hỏi "nhiệm vụ của tôi", ghi nhận hoạt động bằng /ghinhan, ' +
    'nộp báo cáo bằng /baocao, hoặc gõ /trogiup để xem tất cả các lệnh.',
  thanks: 'Không có gì ạ! Cần gì thêm bạn cứ nhắn; gõ /trogiup để xem các lệnh.',
  apology: 'Xin lỗi, đã có lỗi khi xử lý yêu cầu. Nội dung bạn gửi vẫn được lưu; vui lòng thử lại sau ít phút.',
  databaseBusy: 'Xin lỗi, hệ thống đang bận nên chưa lưu được tin nhắn này. Vui lòng gửi lại sau ít phút.',
  databaseFull:
    'Xin lỗi, máy chủ đã hết chỗ lưu dữ liệu nên chưa lưu được tin nhắn này. Vui lòng báo quản trị viên và gửi lại sau.',
  cancelled: 'Đã hủy thao tác đang làm.',
  nothingToCancel: 'Không có thao tác nào đang làm để hủy.',
  conversationExpired: 'Thao tác trước đã hết hạn do lâu không trả lời. Vui lòng bắt đầu lại.',
  conversationOutdated:
    'Bot vừa được nâng cấp nên thao tác dở dang trước đó không tiếp tục được. Vui lòng bắt đầu lại.',
  privateOnly: (bot: string) => `Lệnh này chỉ dùng trong tin nhắn riêng với bot. Hãy nhắn riêng cho ${bot}.`,
  emptyMessage: 'Tin nhắn trống. Gõ /trogiup để xem các lệnh.',
  start: (name: string) =>
    `Xin chào ${name}! Tôi là Đầu Mối, trợ lý của mạng lưới truyền thông chính sách theo Chỉ thị 07/CT-TTg.\n\n` +
    'Tôi giúp cán bộ đầu mối: xem nhiệm vụ được giao, ghi nhận hoạt động truyền thông, nộp báo cáo định kỳ ' +
    'và nhắc hạn báo cáo.\n\nNếu bạn có mã mời, gõ /dangky <mã>. Gõ /trogiup để xem các lệnh.',
  helpTitle: 'Các lệnh của Đầu Mối:',
  helpSections: {
    everyone: 'Cho mọi người:',
    officer: 'Cán bộ đầu mối:',
    leader: 'Lãnh đạo:',
    admin: 'Quản trị mạng lưới:',
  },
  /** Subcommands worth knowing, listed under their section. */
  helpExtras: {
    everyone: ['/lienket nhan zalo (hoặc telegram) - Chọn ứng dụng nhận nhắc hạn'],
    officer: [
      '/baocao <kỳ> - Mở báo cáo của một kỳ, ví dụ /baocao 2026',
      '/bangiao nhan - Xem và nhận đề nghị bàn giao gửi cho bạn',
      '/baocao xem - Xem các báo cáo cơ quan đã nộp',
    ],
    leader: [
      '/baocao xem <cơ quan> - Xem lịch sử báo cáo của một cơ quan',
      '/tinhhinh chuanop <mạng lưới> - Xem đủ danh sách cơ quan chưa nộp',
      '/tinhhinh thamgia [mạng lưới] - Cơ quan nào đã có cán bộ đầu mối, đã mời, chưa mời',
    ],
    admin: [
      '/baocao mo <cơ quan> - Mở lại báo cáo đã nộp để cơ quan sửa và nộp lại',
      '/baocao mokhoa <cơ quan> - Gỡ khóa bản nháp đang do người khác giữ',
      '/moi ds - Xem các mã mời còn hiệu lực (số, cơ quan, hạn; mã chỉ hiện một lần khi tạo); /moi huy #<số> - Hủy một mã mời',
      'Gửi tệp kế hoạch (.docx, .pdf, .txt) vào chat riêng với bot - Soạn bản nháp mạng lưới từ văn bản',
      '/moi mau - Tải mẫu danh sách cơ quan; gửi lại tệp .xlsx/.csv đã điền vào chat riêng để nhập',
      '/moi tatca [mạng lưới] [số ngày] - Mã mời, Excel và giấy mời Word cho mọi cơ quan chưa có cán bộ',
      '/bangiao <cơ quan> cho <người> - Bàn giao cơ quan cho người kế nhiệm ngay',
    ],
  },
  helpFooter:
    'Có thể gõ câu hỏi tự nhiên, ví dụ: "nhiệm vụ của tôi", "ai chưa nộp báo cáo?". Gõ /huy để hủy thao tác đang làm.',
  commands: {
    start: 'Bắt đầu, giới thiệu bot',
    help: 'Xem danh sách lệnh',
    cancel: 'Hủy thao tác đang làm',
  },
} as const;
