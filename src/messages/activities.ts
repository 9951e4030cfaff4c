// Vietnamese strings of the activity log: /ghinhan, /nhatky, /sua, /xoa.

export interface EchoView {
  activityId: number | null;
  agencyName: string;
  typeName: string;
  date: string;
  title: string;
  link: string | null;
  quantity: number | null;
  participants: number | null;
  task: string | null;
  photos: number;
  documents: number;
}

export interface ListLine {
  id: number;
  date: string;
  typeName: string;
  title: string;
  author: string;
  files: number;
}

export interface ListHeader {
  agencyName: string;
  month?: string;
  typeName?: string;
  total: number;
  page: number;
  pages: number;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const filesLine = (photos: number, documents: number): string => {
  const parts = [photos ? `${photos} ảnh` : '', documents ? `${documents} tài liệu` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : '(không có)';
};

export const activityText = {
  commands: {
    log: 'Ghi nhận một hoạt động truyền thông',
    list: 'Xem nhật ký hoạt động của cơ quan',
    edit: 'Sửa một hoạt động đã ghi nhận: /sua <số>',
    remove: 'Xóa một hoạt động đã ghi nhận: /xoa <số>',
  },
  classified:
    'Nội dung có dấu hiệu là thông tin mật (Mật / Tối mật / Tuyệt mật) nên tôi KHÔNG lưu. ' +
    'Tài liệu, thông tin mật tuyệt đối không gửi qua ứng dụng nhắn tin; hãy xử lý theo quy định bảo vệ bí mật nhà nước. ' +
    'Nếu chỉ cần ghi nhận hoạt động, hãy viết lại tiêu đề không kèm nội dung mật.',
  tooLong: (max: number, length: number) =>
    `Nội dung quá dài (${length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')}). Hãy rút gọn, chỉ ghi tiêu đề và ý chính.`,
  futureDate: (date: string) => `Ngày ${date} chưa tới. Chỉ ghi nhận hoạt động đã diễn ra (hôm nay hoặc trước đó).`,
  tooOld: (date: string, earliest: string) =>
    `Ngày ${date} đã quá xa (chỉ ghi nhận hoạt động từ ${earliest} trở lại đây). Bạn kiểm tra lại năm nhé.`,
  impossibleDate: (text: string) => `"${text}" không phải là ngày có thật. Bạn kiểm tra lại ngày, tháng.`,
  unreadableDate: 'Tôi chưa đọc được ngày. Gõ ví dụ: hôm nay, hôm qua, 12/11, 12/11/2026, thứ hai tuần trước.',
  noNumber: 'Tôi chưa thấy con số nào. Gõ một số nguyên, ví dụ 30, hoặc gõ "bỏ qua".',
  tooManyNumbers: 'Mỗi loại chỉ ghi một số. Ví dụ: "2 lớp, 120 học viên" hoặc chỉ "30".',
  notWhole: (text: string) =>
    `"${text}" không phải số nguyên. Số lượng và số người phải là số nguyên, ví dụ 30 hoặc 1.000.`,
  negative: 'Số lượng không thể âm.',
  tooLarge: (max: number) => `Con số lớn hơn ${max.toLocaleString('vi-VN')}, không hợp lý. Bạn kiểm tra lại nhé.`,
  badLink: 'Liên kết phải bắt đầu bằng http:// hoặc https://. Gõ lại liên kết, hoặc chọn "Bỏ qua".',
  emptyTitle: 'Tiêu đề không được để trống. Gõ tiêu đề ngắn gọn của hoạt động.',
  required: 'Câu này bắt buộc, không bỏ qua được.',
  unknownType: (text: string) => `Không có loại hoạt động "${shorten(text, 60)}". Chọn một loại trong danh sách:`,
  unknownTask:
    'Không tìm thấy nhiệm vụ đó trong kế hoạch của cơ quan bạn. Chọn trong danh sách, hoặc gõ số mục như "4.a".',
  attachmentKept: (count: number) => `Đã giữ ${count} tệp đính kèm (lưu dạng tham chiếu, không tải về).`,
  askType: 'Đây là loại hoạt động nào?',
  askDate: 'Hoạt động diễn ra ngày nào? Gõ ví dụ: hôm qua, 12/11, thứ hai tuần trước.',
  askTitle: 'Tiêu đề (nội dung chính) của hoạt động là gì? Ví dụ: Họp báo quý IV về dự thảo nghị quyết học phí.',
  askLink: 'Có liên kết (bài đăng, tin bài) không? Gõ liên kết, hoặc chọn "Bỏ qua". Có thể gửi kèm ảnh, tài liệu.',
  askPeople: 'Có bao nhiêu người tham dự? Gõ một số (ví dụ 30), hoặc gõ "bỏ qua".',
  askQuantity: 'Số lượng (tin, bài, sản phẩm...) là bao nhiêu? Gõ một số (ví dụ 3), hoặc gõ "bỏ qua".',
  askTask: 'Hoạt động này phục vụ nhiệm vụ nào trong kế hoạch?',
  askTaskOrSection: (example: string) =>
    `Hoạt động này phục vụ nhiệm vụ nào trong kế hoạch? Nhiệm vụ không có dưới đây: gõ số mục, ví dụ ${example} (xem /nhiemvu).`,
  askTaskNone: 'Kế hoạch chưa giao nhiệm vụ nào cho cơ quan bạn. Chọn "Không gắn nhiệm vụ" để tiếp tục.',
  chooseFromEcho: 'Chọn "Lưu" để lưu, hoặc một mục để sửa.',
  echoTitle: (activityId: number | null) =>
    activityId ? `Sửa hoạt động #${activityId}, bạn kiểm tra lại:` : 'Tôi hiểu như sau, bạn kiểm tra lại:',
  echo: (v: EchoView) =>
    [
      `- Cơ quan: ${v.agencyName}`,
      `- Loại: ${v.typeName}`,
      `- Ngày: ${v.date}`,
      `- Tiêu đề: ${v.title}`,
      `- Liên kết: ${v.link ?? '(không có)'}`,
      `- Số lượng: ${v.quantity ?? '(không ghi)'}`,
      `- Số người tham dự: ${v.participants ?? '(không ghi)'}`,
      `- Nhiệm vụ: ${v.task ?? '(chưa gắn)'}`,
      `- Tệp đính kèm: ${filesLine(v.photos, v.documents)}`,
    ].join('\n'),
  taskLabel: (section: string, text: string) => `${section}. ${shorten(text, 70)}`,
  labels: {
    save: 'Lưu',
    editType: 'Sửa loại',
    editDate: 'Sửa ngày',
    editTitle: 'Sửa tiêu đề',
    editLink: 'Sửa liên kết',
    editNumbers: 'Sửa số lượng',
    editTask: 'Sửa nhiệm vụ',
    cancel: 'Hủy',
    skip: 'Bỏ qua',
    today: 'Hôm nay',
    yesterday: 'Hôm qua',
    noTask: 'Không gắn nhiệm vụ',
    confirmDelete: 'Xóa',
    keep: 'Không xóa',
    nextPage: 'Trang sau',
    previousPage: 'Trang trước',
  },
  cancelled: 'Đã hủy, không lưu gì.',
  noStepBack: 'Đây là câu hỏi đầu tiên, không quay lại được nữa. Gõ /huy nếu muốn bỏ.',
  saved: (id: number) => `Đã ghi nhận hoạt động #${id}. Xem nhật ký: /nhatky. Sửa: /sua ${id}. Xóa: /xoa ${id}.`,
  updated: (id: number) => `Đã lưu thay đổi của hoạt động #${id}.`,
  usageId: (command: string) => `Gõ số của hoạt động, ví dụ /${command} 12 (số hiện trong /nhatky).`,
  notFound: (id: number) => `Không tìm thấy hoạt động #${id} (có thể đã bị xóa). Xem /nhatky.`,
  otherAgency: (id: number) => `Hoạt động #${id} thuộc cơ quan khác; bạn không sửa hoặc xóa được.`,
  notAuthor: (id: number) => `Chỉ người ghi nhận hoạt động #${id} hoặc quản trị viên mới sửa hoặc xóa được.`,
  confirmDelete: (id: number, summary: string) => `Xóa hoạt động #${id}?\n${summary}`,
  deleted: (id: number) => `Đã xóa hoạt động #${id}.`,
  kept: (id: number) => `Giữ nguyên hoạt động #${id}.`,
  confirmDeleteAgain: (id: number) => `Bạn có muốn xóa hoạt động #${id} không? Chọn "Xóa" hoặc "Không xóa".`,
  summary: (date: string, typeName: string, title: string) => `${date} - ${typeName}: ${shorten(title, 120)}`,
  listHeader: (h: ListHeader) => {
    const filters = [h.month ? `tháng ${h.month}` : '', h.typeName ? `loại "${h.typeName}"` : '']
      .filter(Boolean)
      .join(', ');
    const page = h.pages > 1 ? `, trang ${h.page}/${h.pages}` : '';
    return `Nhật ký hoạt động của ${h.agencyName}${filters ? ` (${filters})` : ''}: ${h.total} mục${page}.`;
  },
  listLine: (l: ListLine) =>
    `#${l.id} · ${l.date} · ${l.typeName}: ${shorten(l.title, 90)}${l.files ? ` [${l.files} tệp]` : ''} (${l.author})`,
  listFooter: 'Sửa: /sua <số>. Xóa: /xoa <số>. Lọc: /nhatky tháng 11, /nhatky 11/2026, /nhatky họp báo.',
  listEmpty: (agencyName: string) => `Chưa có hoạt động nào của ${agencyName} khớp yêu cầu. Ghi nhận bằng /ghinhan.`,
  listWhichAgency: 'Bạn muốn xem nhật ký của cơ quan nào? Ví dụ: /nhatky sở tư pháp.',
  listOnlyOwn: (own: string) =>
    `Bạn chỉ xem được nhật ký của cơ quan mình (${own}). Lãnh đạo và quản trị viên mới xem được cơ quan khác.`,
  listNotUnderstood: (text: string) =>
    `Tôi chưa hiểu "${shorten(text, 60)}". Có thể lọc theo tháng (tháng 11, 11/2026), loại hoạt động (họp báo, tập huấn...)` +
    ' hoặc, với lãnh đạo, tên cơ quan.',
  listAmbiguous: 'Có nhiều cơ quan trùng tên. Chọn cơ quan:',
  noSuchPage: (pages: number) => `Không có trang đó; nhật ký có ${pages} trang.`,
} as const;
