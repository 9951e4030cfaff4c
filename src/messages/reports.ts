// Vietnamese strings of periodic reports: /baocao (the report conversation, receipts, history, admin
// reopening) and /hanbaocao (deadlines).

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const taskStatusLabel = {
  done: 'Đã hoàn thành',
  'in-progress': 'Đang thực hiện',
  'not-started': 'Chưa thực hiện',
} as const;

const navigationHint = (optional: boolean, canGoBack: boolean): string => {
  const parts = [
    optional ? '“bỏ qua” để bỏ qua câu này' : '',
    canGoBack ? '“quay lại” để trở lại câu trước' : '',
  ].filter(Boolean);
  return parts.length > 0 ? `(Gõ ${parts.join(', ')}.)` : '';
};

const dueBeforeEnd = (end: string) =>
  `Hạn nộp đến trước ngày chốt số liệu (${end}): số liệu tính đến ngày nộp, những ngày còn lại của kỳ là ước tính.`;

export const reportText = {
  commands: {
    report: 'Nộp, sửa hoặc xem báo cáo định kỳ của cơ quan',
    deadlines: 'Xem các kỳ báo cáo, hạn nộp và tình trạng nộp',
  },
  weekday: (dow: number) => weekdays[dow]!,
  taskStatus: taskStatusLabel,
  yes: 'Có',
  no: 'Không',
  skipped: '(bỏ qua)',
  unanswered: '(chưa trả lời)',

  noDuty: (agency: string) => `${agency} không có nhiệm vụ báo cáo định kỳ nào trong kế hoạch.`,
  noTemplate: (template: string) =>
    `Kế hoạch chưa có mẫu báo cáo “${template}” nên chưa nộp được. Vui lòng báo quản trị viên kiểm tra kế hoạch.`,
  nothingOpen: (agency: string) =>
    `Hiện ${agency} không có kỳ báo cáo nào đang mở. Gõ /hanbaocao để xem các kỳ sắp tới.`,
  periodNotOpen: 'Kỳ báo cáo này không còn mở cho cơ quan của bạn. Gõ /baocao để xem báo cáo đang mở.',
  pickReport: 'Cơ quan của bạn có nhiều báo cáo đang mở. Chọn báo cáo muốn làm:',
  pickLabel: (title: string, period?: string, tag?: string) =>
    period ? `${period}${tag ? ` (${tag})` : ''}: ${title}` : `${title}${tag ? ` (${tag})` : ''}`,
  tagReopened: 'đã mở lại',
  tagOverdue: 'quá hạn',
  reopenedFirst: (period: string) => `Báo cáo ${period} đã được quản trị viên mở lại để sửa và nộp lại.`,
  overdueFirst: (period: string) => `Báo cáo ${period} đã quá hạn mà chưa nộp (nộp bây giờ sẽ được ghi là nộp muộn).`,
  periodKeyNotOpen: (text: string) => `Cơ quan của bạn không có kỳ báo cáo “${text}” đang mở. Các báo cáo đang mở:`,
  closedBefore: (period: string, number: string) =>
    `Báo cáo ${period} đã nộp (số ${number}) và đã quá hạn sửa; nếu cần sửa, hãy nhờ quản trị viên mở lại. ` +
    'Dưới đây là báo cáo kỳ mới.',
  lateStart: (period: string, deadline: string) =>
    `Lưu ý: báo cáo ${period} đã quá hạn nộp (hạn ${deadline}), khi nộp sẽ được ghi là nộp muộn.`,

  intro: (p: {
    title: string;
    agency: string;
    period?: string;
    from: string;
    to: string;
    deadline: string;
    questions: number;
    /** The deadline comes before the data window closes. */
    dueBeforeEnd?: boolean;
  }) =>
    `Báo cáo: ${p.title}\nCơ quan: ${p.agency}\n` +
    (p.period
      ? `Kỳ ${p.period} (số liệu từ ${p.from} đến ${p.to}), hạn nộp ${p.deadline}.\n`
      : `Báo cáo một lần, hạn nộp ${p.deadline}.\n`) +
    (p.period && p.dueBeforeEnd ? `${dueBeforeEnd(p.to)}\n` : '') +
    `Gồm ${p.questions} câu, hỏi lần lượt từng câu; câu trả lời được lưu ngay nên có thể dừng bất cứ lúc nào ` +
    'và gõ /baocao để làm tiếp. Có thể gửi ảnh, tài liệu để đính kèm vào báo cáo.',
  resumed: (answered: number, total: number) => `Tiếp tục bản nháp báo cáo (đã trả lời xong ${answered}/${total} câu).`,
  editing: (version: number) =>
    `Đang sửa báo cáo đã nộp (phiên bản ${version}). Khi nộp lại, bản mới được lưu thành phiên bản ${version + 1}, bản cũ vẫn được giữ.`,
  reopenedStart: (period: string) =>
    `Quản trị viên đã mở lại báo cáo ${period}. Sửa các câu cần thiết rồi nộp lại (sẽ được ghi là nộp muộn).`,

  heldByOther: (p: { holder: string; period: string; updated: string; hours: number }) =>
    `Báo cáo ${p.period} của cơ quan bạn đang do ${p.holder} soạn (cập nhật lần cuối ${p.updated}).\n` +
    'Để không ghi đè lên nhau, chỉ người giữ bản nháp được sửa. ' +
    `Bạn có thể nhận tiếp bản nháp khi ${p.holder} không cập nhật trong ${p.hours} giờ, hoặc nhờ quản trị viên chuyển giao.`,
  takeOverOffer: (p: { holder: string; period: string; updated: string }) =>
    `Báo cáo ${p.period} của cơ quan bạn có bản nháp do ${p.holder} soạn, không cập nhật từ ${p.updated}.\n` +
    'Bạn có thể nhận tiếp bản nháp này (giữ nguyên các câu đã trả lời).',
  takeOverReleased: (p: { holder: string; period: string }) =>
    `Báo cáo ${p.period} của cơ quan bạn có bản nháp do ${p.holder} soạn; quản trị viên đã mở khóa để cán bộ khác nhận tiếp.\n` +
    'Bạn có thể nhận tiếp bản nháp này (giữ nguyên các câu đã trả lời).',
  takeOverChoice: 'Nhận tiếp bản nháp',
  takeOverFailed: 'Không nhận được bản nháp: người giữ vừa cập nhật hoặc bản nháp không còn. Gõ /baocao để xem lại.',
  takenOver: (holder: string) => `Bạn đã nhận tiếp bản nháp của ${holder}.`,
  draftLost: (period: string) =>
    `Bản nháp báo cáo ${period} không còn do bạn giữ (đã được nộp, hủy hoặc chuyển cho người khác). Gõ /baocao để xem tình trạng.`,

  submittedEditable: (p: { period: string; number: string; at: string; person: string; deadline: string }) =>
    `Cơ quan bạn đã nộp báo cáo ${p.period} lúc ${p.at} (${p.person} nộp), số ${p.number}.\n` +
    `Còn hạn đến hết ngày ${p.deadline} nên vẫn sửa được: bản sửa được lưu thành phiên bản mới, bản cũ vẫn được giữ.`,
  editChoice: 'Sửa báo cáo',
  viewChoice: 'Xem báo cáo đã nộp',
  submittedClosed: (p: { period: string; number: string; at: string; person: string; deadline: string }) =>
    `Cơ quan bạn đã nộp báo cáo ${p.period} lúc ${p.at} (${p.person} nộp), số ${p.number}. Hạn ${p.deadline} đã qua nên không sửa được nữa; ` +
    'nếu cần sửa, hãy nhờ quản trị viên mở lại báo cáo.',
  notEditable: 'Báo cáo này không sửa được (đã quá hạn hoặc chưa nộp). Gõ /baocao để xem tình trạng.',

  stepHeader: (p: { number: number; total: number; section?: string; task?: { index: number; count: number } }) =>
    `Câu ${p.number}/${p.total}${p.section ? ` · Mục ${p.section}` : ''}` +
    (p.task ? ` · nhiệm vụ ${p.task.index}/${p.task.count}` : ''),
  hint: (text: string) => `Gợi ý: ${text}`,
  currentAnswer: (text: string) => `Đang trả lời: ${text}`,
  taskLine: (section: string, text: string) => `Nhiệm vụ ${section}: ${text}`,
  howText: (optional: boolean, canGoBack: boolean) =>
    ['Gõ câu trả lời.', navigationHint(optional, canGoBack)].filter(Boolean).join(' '),
  howNumber: (optional: boolean, canGoBack: boolean) =>
    ['Gõ một số, ví dụ 3 hoặc 15.000.000.', navigationHint(optional, canGoBack)].filter(Boolean).join(' '),
  howChoice: 'Chọn một phương án.',
  howTask:
    'Chọn tình trạng, hoặc gõ tình trạng kèm ghi chú, ví dụ: “đang thực hiện: đã tổ chức 2 hội nghị”. ' +
    'Gõ “tất cả đều đang thực hiện” để trả lời luôn các nhiệm vụ còn lại.',
  allTasksAnswered: (status: string, count: number) => `Đã ghi “${status}” cho ${count} nhiệm vụ.`,
  prefillOffer: (p: { count: number; entries: number; types: string; from: string; to: string }) =>
    `Nhật ký hoạt động ghi nhận ${p.entries} hoạt động “${p.types}” trong kỳ (${p.from} – ${p.to})` +
    (p.entries === p.count ? '' : `, tổng số lượng ${p.count}`) +
    '. Giữ số này?',
  prefillParticipantsOffer: (p: {
    count: number;
    entries: number;
    missing: number;
    types: string;
    from: string;
    to: string;
  }) =>
    `Nhật ký hoạt động ghi nhận ${p.count} người tham dự qua ${p.entries} hoạt động “${p.types}” trong kỳ ` +
    `(${p.from} – ${p.to})` +
    (p.missing > 0 ? `; ${p.missing} hoạt động khác chưa ghi số người tham dự` : '') +
    '. Giữ số này?',
  prefillNoParticipants: (p: { types: string; from: string; to: string }) =>
    `Nhật ký hoạt động chưa ghi số người tham dự hoạt động “${p.types}” nào trong kỳ (${p.from} – ${p.to}).`,
  prefillNone: (p: { types: string; from: string; to: string }) =>
    `Nhật ký hoạt động chưa ghi nhận hoạt động “${p.types}” nào trong kỳ (${p.from} – ${p.to}).`,
  typedNavigation: (words: string) => `(Hoặc gõ ${words}.)`,
  keepChoice: (count: number) => `Giữ ${count}`,
  otherNumberChoice: 'Nhập số khác',
  skipChoice: 'Bỏ qua',
  backChoice: 'Quay lại',

  notNumber: (text: string) => `“${text}” không phải là một số. Câu này cần một số nguyên không âm, ví dụ 3.`,
  negativeFigure: 'Con số không thể âm. Câu này cần một số nguyên không âm, ví dụ 3.',
  noSuchOption: (text: string, options: string) => `Không có phương án “${text}”. Các phương án: ${options}.`,
  notYesNo: (text: string) => `Chưa hiểu “${text}”. Vui lòng trả lời Có hoặc Không.`,
  notTaskStatus: (text: string) =>
    `Chưa hiểu tình trạng “${text}”. Chọn Đã hoàn thành, Đang thực hiện hoặc Chưa thực hiện ` +
    '(có thể thêm ghi chú sau dấu hai chấm).',
  emptyText: 'Câu trả lời đang trống. Vui lòng gõ nội dung.',
  classified:
    'Nội dung có dấu hiệu tài liệu mật (Mật, Tối mật, Tuyệt mật) nên không được lưu: tài liệu mật không bao giờ gửi qua ứng dụng chat. ' +
    'Vui lòng viết lại, bỏ phần nội dung mật.',
  classifiedFile: 'Tệp có tên mang dấu mật nên không được đính kèm: tài liệu mật không bao giờ gửi qua ứng dụng chat.',
  tooLong: (max: number, length: number) =>
    `Câu trả lời dài ${length} ký tự, vượt quá ${max}. Vui lòng rút gọn hoặc gửi văn bản đính kèm.`,
  required: 'Câu này bắt buộc, không bỏ qua được.',
  staleChoice: 'Nút vừa bấm thuộc một câu hỏi khác. Vui lòng trả lời câu hiện tại:',
  firstStep: 'Đây là câu đầu tiên, không quay lại được nữa.',
  attached: (count: number, total: number) =>
    `Đã đính kèm ${count} tệp vào báo cáo (tổng cộng ${total} tệp). Tiếp tục:`,

  previewTitle: (title: string) => `XEM TRƯỚC BÁO CÁO\n${title}`,
  previewMeta: (p: { agency: string; period: string; deadline: string }) =>
    `Cơ quan: ${p.agency}\nKỳ: ${p.period} · Hạn nộp: ${p.deadline}`,
  previewQuestion: (n: number, section: string | undefined, prompt: string) =>
    `${n}. ${section ? `[${section}] ` : ''}${prompt}`,
  previewAnswer: (text: string) => `   → ${text}`,
  previewTask: (section: string, text: string, status: string, note?: string) =>
    `   - ${section} ${text}: ${status}${note ? ` (${note})` : ''}`,
  attachments: (photos: number, documents: number) => `Tệp đính kèm: ${photos} ảnh, ${documents} tài liệu.`,
  previewFooter: 'Kiểm tra lại rồi chọn Nộp báo cáo. Muốn sửa, gõ “sửa <số câu>”, ví dụ “sửa 5”.',
  submitChoice: 'Nộp báo cáo',
  editOneChoice: 'Sửa một câu',
  laterChoice: 'Để sau',
  discardChoice: 'Hủy bản nháp',
  previewPick: 'Vui lòng chọn một thao tác ở dưới, hoặc gõ “sửa <số câu>”.',
  pickQuestion: (total: number) => `Gõ số thứ tự câu cần sửa (từ 1 đến ${total}), hoặc “quay lại” để về bản xem trước.`,
  badQuestionNumber: (total: number) => `Số câu phải từ 1 đến ${total}.`,
  noTasksToEdit: 'Câu này không có nhiệm vụ nào để trả lời.',
  savedForLater: 'Đã lưu bản nháp. Gõ /baocao khi muốn làm tiếp.',
  stoppedDraftKept:
    'Đã dừng làm báo cáo. Bản nháp vẫn được giữ, các câu đã trả lời không mất: gõ /baocao khi muốn làm tiếp ' +
    '(muốn xóa bản nháp, chọn “Hủy bản nháp” ở bản xem trước).',
  activityUnsaved: (title?: string) =>
    `Bạn đang ghi nhận dở một hoạt động chưa lưu${title ? ` (“${title}”)` : ''}. Hoạt động vẫn được giữ: ` +
    'trả lời tiếp câu đang hỏi hoặc gõ “lưu” ở bản xem trước, hay gõ /huy để bỏ; sau đó gõ lại /baocao.',
  discardConfirm:
    'Xóa bản nháp này? Các câu trả lời chưa nộp sẽ mất (báo cáo đã nộp trước đó, nếu có, vẫn giữ nguyên).',
  discardYes: 'Xóa bản nháp',
  discardNo: 'Quay lại xem trước',
  discarded: 'Đã xóa bản nháp.',

  receipt: (p: {
    agency: string;
    period: string;
    number: string;
    version: number;
    at: string;
    late: boolean;
    deadline: string;
  }) =>
    `Đã nộp báo cáo ${p.period} của ${p.agency}.\nSố tiếp nhận: ${p.number}` +
    (p.version > 1 ? ` (phiên bản ${p.version}; các bản trước vẫn được lưu)` : '') +
    `\nThời gian: ${p.at} · ${p.late ? `Nộp muộn (hạn ${p.deadline})` : 'Đúng hạn'}` +
    (p.late ? '' : `\nĐến hết ngày ${p.deadline} vẫn có thể gõ /baocao để sửa; bản sửa được lưu thành phiên bản mới.`),
  groupNotice: (agency: string, period: string, late: boolean) =>
    `${agency} đã nộp báo cáo ${period}${late ? ' (nộp muộn)' : ''}.`,

  historyTitle: (agency: string) => `Báo cáo đã nộp của ${agency}:`,
  historyLine: (p: { period?: string; title: string; number: string; at: string; version: number; late: boolean }) =>
    `• ${p.period ? `Kỳ ${p.period}: ` : ''}${p.title}\n  Số ${p.number}, nộp ${p.at}${p.late ? ' (muộn)' : ''}` +
    (p.version > 1 ? `, phiên bản ${p.version}` : ''),
  historyEmpty: (agency: string) => `${agency} chưa nộp báo cáo nào.`,
  historyPick: 'Chọn một báo cáo để xem đầy đủ.',
  historyNeedsAgency: 'Gõ /baocao xem <tên cơ quan> để xem báo cáo của một cơ quan trong mạng lưới bạn phụ trách.',
  historyChoice: (period: string | undefined, title: string, number: string) =>
    `${period ? `Kỳ ${period}` : title} (${number})`,
  viewTitle: (p: { agency: string; period?: string; title: string }) =>
    `BÁO CÁO${p.period ? ` ${p.period.toUpperCase()}` : ''} · ${p.agency}\n${p.title}`,
  viewMeta: (p: { number: string; version: number; current: boolean; at: string; person: string; late: boolean }) =>
    `Số ${p.number} · phiên bản ${p.version}${p.current ? ' (hiện hành)' : ' (bản cũ)'}\n` +
    `Nộp lúc ${p.at} bởi ${p.person}${p.late ? ' · nộp muộn' : ''}`,
  otherVersions: 'Các phiên bản khác:',
  versionChoice: (version: number, at: string) => `Phiên bản ${version} (${at})`,
  submissionNotFound: 'Không tìm thấy báo cáo này.',
  notAllowedToView:
    'Bạn chỉ xem được báo cáo của cơ quan mình; lãnh đạo và quản trị viên xem được các cơ quan trong mạng lưới.',
  agencyNotFound: (text: string) => `Không tìm thấy cơ quan “${text}” trong mạng lưới bạn phụ trách.`,
  agencyAmbiguous: (text: string, names: string) => `“${text}” khớp nhiều cơ quan: ${names}. Vui lòng gõ rõ hơn.`,

  adminOnly: 'Chỉ quản trị viên của mạng lưới được dùng lệnh này.',
  adminUsage:
    'Cách dùng: /baocao mo <tên cơ quan> để mở lại báo cáo đã nộp quá hạn; /baocao mokhoa <tên cơ quan> để chuyển giao bản nháp.',
  nothingToReopen: (agency: string) => `${agency} chưa có báo cáo đã nộp nào để mở lại.`,
  stillEditable: (agency: string, period: string, deadline: string) =>
    `Báo cáo ${period} của ${agency} còn hạn đến ${deadline}: cán bộ tự sửa được bằng /baocao, không cần mở lại.`,
  alreadyReopened: (agency: string, period: string) => `Báo cáo ${period} của ${agency} đã được mở lại trước đó.`,
  reopened: (agency: string, period: string, command: string) =>
    `Đã mở lại báo cáo ${period} của ${agency}. Cán bộ của cơ quan gõ ${command} để sửa và nộp lại; bản mới sẽ được ghi là nộp muộn.`,
  reopenNotice: (period: string, command: string) =>
    `Quản trị viên đã mở lại báo cáo ${period} của cơ quan bạn. Gõ ${command} để sửa và nộp lại (sẽ được ghi là nộp muộn).`,
  noDraftToRelease: (agency: string) => `${agency} không có bản nháp báo cáo nào đang mở.`,
  released: (agency: string, holder: string) =>
    `Đã mở khóa bản nháp của ${agency} (đang do ${holder} giữ). Cán bộ khác của cơ quan gõ /baocao để nhận tiếp.`,

  deadlinesTitle: (agency: string) => `Hạn báo cáo của ${agency}:`,
  deadlineDuty: (title: string) => `\n${title}`,
  deadlinePeriod: (p: { period: string; from: string; to: string }) => `• Kỳ ${p.period} (số liệu ${p.from} – ${p.to})`,
  deadlineOnce: '• Báo cáo một lần',
  deadlineLine: (p: { weekday: string; date: string; dayOff?: string }) =>
    `  Hạn: ${p.weekday}, ${p.date}${p.dayOff ? ` — rơi vào ngày nghỉ (${p.dayOff}), nên nộp sớm` : ''}`,
  dayOffWeekend: 'cuối tuần',
  daysLeft: (days: number) =>
    days > 0 ? `  Còn ${days} ngày` : days === 0 ? '  Hôm nay là hạn cuối' : `  Đã quá hạn ${-days} ngày`,
  statusSubmitted: (p: { number: string; at: string; late: boolean }) =>
    `  Đã nộp lúc ${p.at}, số ${p.number}${p.late ? ' (muộn)' : ' (đúng hạn)'}`,
  statusDraft: (holder: string, command: string) =>
    `  Đang soạn (bản nháp do ${holder} giữ). Gõ ${command} để tiếp tục.`,
  statusReopened: (p: { number: string; command: string }) =>
    `  Quản trị viên đã mở lại báo cáo số ${p.number}. Gõ ${p.command} để sửa và nộp lại (sẽ ghi là nộp muộn).`,
  statusMissing: (command: string) => `  Chưa nộp. Gõ ${command} để bắt đầu.`,
  windowAfterDeadline: (end: string) => `  ${dueBeforeEnd(end)}`,
  upcoming: (p: { period: string; from: string; deadline: string }) =>
    `• Kỳ tiếp theo: ${p.period}, mở từ ${p.from}, hạn ${p.deadline}`,
};
