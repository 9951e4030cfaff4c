// Vietnamese strings of bringing a network on board: who has joined (/tinhhinh thamgia), the bot in a group,
// agencies from a spreadsheet, invitations for everyone (/moi tatca) and handing an agency over (/bangiao).

const n = (value: number): string => value.toLocaleString('vi-VN');

const joinStates = { joined: 'Đã tham gia', invited: 'Đã mời, chưa tham gia', none: 'Chưa mời' } as const;

// The chart's legend has a third of the width for each: the short words.
const legendWords = { joined: 'Đã tham gia', invited: 'Đã mời', none: 'Chưa mời' } as const;

export const joinText = {
  states: joinStates,
  title: (network: string) => `THAM GIA MẠNG LƯỚI: ${network}`,
  joinedLine: (joined: number, total: number) => `Đã tham gia: ${n(joined)}/${n(total)} cơ quan có cán bộ đầu mối`,
  noAgencies: 'Mạng lưới chưa có cơ quan, đơn vị nào.',
  allJoined: 'Tất cả cơ quan đã có cán bộ đầu mối.',
  invitedHead: (count: number) => `Đã mời, chưa tham gia (${n(count)}):`,
  noneHead: (count: number) => `Chưa mời (${n(count)}):`,
  more: (count: number, command: string) => `… và ${n(count)} cơ quan khác (xem đủ: ${command})`,
  footer: 'Mời các cơ quan chưa có cán bộ: /moi tatca. Mời một cơ quan: /moi <tên cơ quan>.',
  chartCaption: (network: string) => `Biểu đồ tham gia mạng lưới ${network}`,
  chartName: 'Biểu đồ tham gia',
  chart: {
    heading: (joined: number, total: number) => `Đã tham gia: ${n(joined)}/${n(total)} cơ quan`,
    legend: (state: keyof typeof joinStates, count: number) => `${legendWords[state]}: ${n(count)}`,
    pendingHeading: 'Chưa có cán bộ đầu mối:',
    allJoined: 'Tất cả cơ quan đã có cán bộ đầu mối.',
    more: (count: number) => `… và ${n(count)} cơ quan khác`,
  },
  /** A line of the leaders' digest: invited at least a week ago and still without an officer. */
  digestStale: (days: number, names: string[]) => [
    `Đã mời quá ${days} ngày mà chưa tham gia (${names.length}):`,
    ...names.map((name) => `- ${name}`),
    'Gửi lại mã mời: /moi tatca.',
  ],
};

export const groupText = {
  /** Said in a group the bot was just added to. */
  greeting: (title: string | undefined) =>
    [
      `Xin chào${title ? ` các anh chị trong nhóm "${title}"` : ''}! Tôi là Đầu Mối, trợ lý của mạng lưới ` +
        'truyền thông chính sách theo Chỉ thị 07/CT-TTg: tôi nhắc hạn báo cáo, ghi nhận hoạt động truyền thông ' +
        'và tổng hợp tình hình cho lãnh đạo.',
      'Quản trị viên mạng lưới (đồng thời là quản trị viên của nhóm này) gõ /thietlap <mạng lưới> để gắn nhóm ' +
        'với mạng lưới; khi đó tôi gửi nhắc hạn chung vào nhóm.',
      'Cán bộ đầu mối nhắn riêng cho tôi và gõ /dangky <mã mời> để đăng ký. Gõ /trogiup để xem các lệnh.',
    ].join('\n\n'),
  /** Added back to a group whose binding was left inactive when the bot was removed. */
  wasBound: (network: string, id: string) =>
    `Nhóm này trước đây gắn với ${network}. Quản trị viên gõ /thietlap ${id} để gắn lại và nhận nhắc hạn trong nhóm.`,
  /** Once per person: wrote in a bound group without being registered. */
  registerHint: (name: string, network: string) =>
    `${name} ơi, bạn chưa đăng ký với Đầu Mối (${network}). Để nhận nhắc hạn và báo cáo, hãy nhắn riêng cho tôi ` +
    '(bấm vào tên bot, chọn Bắt đầu) rồi gõ /dangky <mã mời>; chưa có mã thì gõ /dangky để xin duyệt.',
};

/** What each agency kind is called in a spreadsheet (the ids of kernel/plan.ts agencyKinds). */
export const agencyKindNames = {
  so: 'Sở',
  ban: 'Ban',
  nganh: 'Ngành',
  ubnd: 'UBND',
  'bao-chi': 'Báo chí',
  'cong-chuc': 'Công chức',
  'doan-the': 'Đoàn thể',
  'trung-uong': 'Trung ương',
  khac: 'Khác',
} as const;

export const importText = {
  /** Header of each template column, in order. */
  columns: {
    name: 'Tên cơ quan',
    short: 'Tên viết tắt',
    aliases: 'Tên khác',
    kind: 'Loại',
    officer: 'Cán bộ đầu mối',
    phone: 'Điện thoại',
    telegram: 'Telegram',
  },
  columnNotes: {
    name: 'Bắt buộc. Mỗi dòng một cơ quan, đơn vị.',
    aliases: 'Các tên khác, cách nhau bằng dấu chấm phẩy (;).',
    kind: `Một trong: ${Object.values(agencyKindNames).join(', ')}. Bỏ trống: Khác.`,
    telegram: 'Tên người dùng Telegram, ví dụ @nguyenvana (không bắt buộc).',
  },
  templateSheet: 'Cơ quan',
  templateName: 'mau-danh-sach-co-quan.xlsx',
  templateCaption:
    'Mẫu danh sách cơ quan: điền mỗi dòng một cơ quan rồi gửi lại tệp cho bot (tin nhắn riêng) để nhập vào mạng lưới.',
  // Reading the file
  unreadable: (what: string) =>
    `Không đọc được tệp bảng tính (${what}). Lưu tệp dạng Excel (.xlsx) hoặc CSV (UTF-8) rồi gửi lại. Tải mẫu: /moi mau.`,
  encrypted: 'Tệp là Excel đời cũ (.xls) hoặc có mật khẩu: bỏ mật khẩu, lưu lại dạng .xlsx rồi gửi lại.',
  tooBig: (mb: number) => `Tệp lớn quá ${mb} MB. Chia nhỏ danh sách rồi gửi lại.`,
  tooManyRows: (max: number) => `Tệp có quá ${max.toLocaleString('vi-VN')} dòng. Chia nhỏ danh sách rồi gửi lại.`,
  empty: 'Tệp không có dòng nào ngoài dòng tiêu đề.',
  noNameColumn: (first: string) =>
    `Không thấy cột "Tên cơ quan" ở dòng đầu (dòng đầu đọc được: ${first || 'trống'}). Dòng đầu phải là tiêu đề cột như tệp mẫu (/moi mau).`,
  otherSheets: (used: string, others: string[]) =>
    `Chỉ đọc trang tính đầu tiên "${used}"; các trang khác không được đọc: ${others.join(', ')}.`,
  // Bad rows, by row number
  badRowsTitle: (count: number) =>
    `Tệp có ${count} dòng cần sửa; chưa nhập gì. Sửa các dòng dưới đây rồi gửi lại cả tệp:`,
  rowLine: (row: number, problem: string) => `- Dòng ${row}: ${problem}`,
  moreRows: (count: number) => `- … và ${count} dòng khác`,
  problems: {
    missingName: 'thiếu tên cơ quan',
    duplicate: (name: string, row: number) => `"${name}" trùng với dòng ${row}`,
    unknownKind: (kind: string) => `loại "${kind}" không có (dùng: ${Object.values(agencyKindNames).join(', ')})`,
    formula: (column: string) => `cột "${column}" là công thức chưa có giá trị (mở tệp trong Excel, lưu lại rồi gửi)`,
    badTelegram: (value: string) => `tên Telegram "${value}" không hợp lệ (ví dụ: @nguyenvana)`,
    badPhone: (value: string) => `số điện thoại "${value}" không hợp lệ`,
    tooLong: (column: string) => `cột "${column}" dài quá 300 ký tự`,
  },
  // The changes
  summaryTitle: (network: string, file: string) => `Nhập danh sách cơ quan vào ${network} từ tệp ${file}:`,
  added: (count: number) => `- Thêm mới: ${count} cơ quan`,
  updated: (count: number) => `- Cập nhật: ${count} cơ quan đã có (thêm tên khác, loại, cán bộ dự kiến)`,
  unchanged: (count: number) => `- Không đổi: ${count} cơ quan`,
  examplesAdded: (names: string[]) => `  Ví dụ thêm mới: ${names.join('; ')}`,
  examplesUpdated: (names: string[]) => `  Ví dụ cập nhật: ${names.join('; ')}`,
  nothingDeleted: 'Không cơ quan nào bị xóa.',
  nothingToDo: (network: string) => `Danh sách trong tệp đã có đủ trong ${network}: không có gì thay đổi.`,
  confirmQuestion: 'Nhập các thay đổi trên?',
  confirm: 'Nhập',
  cancel: 'Hủy',
  cancelled: 'Đã hủy: không nhập gì.',
  done: (network: string, added: number, updated: number) =>
    `Đã nhập vào ${network}: thêm ${added}, cập nhật ${updated} cơ quan. Gửi mã mời cho các cơ quan chưa có cán bộ: /moi tatca.`,
  changedMeanwhile: 'Danh sách cơ quan vừa thay đổi trong lúc chờ xác nhận. Đây là các thay đổi tính lại:',
  pickNetwork: 'Nhập danh sách cơ quan vào mạng lưới nào?',
  notAdmin: 'Chỉ quản trị viên mạng lưới mới nhập được danh sách cơ quan.',
  noFiles: 'Nền tảng này chưa nhận được tệp. Gửi tệp qua Telegram, hoặc dùng lệnh "daumoi network agencies".',
  confirmPending: 'Bấm "Nhập" để nhập hoặc "Hủy" để bỏ (hoặc gõ /huy).',
  cli: {
    usage:
      'daumoi network agencies MẠNG_LƯỚI TỆP.xlsx|.csv [--dry-run] | daumoi network template [--out TỆP.xlsx]   nhập cơ quan từ bảng tính',
    unknownNetwork: (id: string) => `Không có mạng lưới "${id}". Xem danh sách: daumoi plan list`,
    unreadableFile: (file: string, reason: string) => `Không đọc được ${file}: ${reason}`,
    dryRun: 'Chạy thử: chưa ghi gì. Bỏ --dry-run để nhập.',
    written: (file: string) => `Đã ghi tệp mẫu ${file}`,
  },
};

export const handoverText = {
  description: 'Bàn giao cơ quan cho người kế nhiệm (cán bộ đầu mối; quản trị viên)',
  usage:
    'Gõ /bangiao <người kế nhiệm>: trả lời (reply) một tin nhắn của người đó trong nhóm, hoặc ghi mã người dùng ' +
    '(ví dụ telegram:123456) hay tên, @tên người dùng. Quản trị viên: /bangiao <cơ quan> cho <người>.',
  notOfficer:
    'Chỉ cán bộ đầu mối mới bàn giao được cơ quan của mình; quản trị viên mạng lưới: /bangiao <cơ quan> cho <người>.',
  confirmWho: (agency: string, lines: string[]) =>
    [`Bàn giao ${agency} cho ai? Kiểm tra mã người dùng rồi bấm đúng người:`, ...lines].join('\n'),
  pickLabel: (name: string, id: string) => `Bàn giao cho ${name} (${id})`,
  self: 'Bạn không thể bàn giao cho chính mình.',
  alreadyOfficer: (name: string, agency: string) => `${name} đã là cán bộ đầu mối của ${agency}.`,
  officerElsewhere: (name: string, agency: string) =>
    `${name} đang là cán bộ đầu mối của ${agency} trong cùng mạng lưới. Quản trị viên cần gỡ người đó khỏi ${agency} (/xoacanbo) trước.`,
  blocked: (name: string) => `${name} đang bị chặn nên không nhận bàn giao được.`,
  started: (agency: string, name: string, reachable: boolean) =>
    `Đã gửi đề nghị bàn giao ${agency} cho ${name}. Khi ${name} bấm "Nhận bàn giao", ${name} trở thành cán bộ đầu mối ` +
    'và bản nháp báo cáo đang làm chuyển sang người đó; hoạt động, báo cáo đã nộp vẫn ghi tên người đã làm.' +
    (reachable
      ? ''
      : `\n${name} chưa nhắn riêng cho bot nên chưa nhận được tin: nhờ ${name} nhắn riêng cho bot rồi gõ /bangiao nhan.`) +
    '\nHủy đề nghị: /bangiao huy.',
  offer: (from: string, agency: string, network: string) =>
    `${from} đề nghị bàn giao vai trò cán bộ đầu mối của ${agency} (${network}) cho bạn. Bạn có nhận không?`,
  accept: 'Nhận bàn giao',
  decline: 'Từ chối',
  nonePending: 'Không có đề nghị bàn giao nào đang chờ bạn.',
  pendingList: 'Các đề nghị bàn giao đang chờ bạn:',
  gone: 'Đề nghị bàn giao này không còn hiệu lực (đã hủy, đã xong hoặc quá hạn).',
  done: (agency: string, network: string, drafts: number) =>
    `Bạn đã là cán bộ đầu mối của ${agency} (${network}).` +
    (drafts > 0 ? ` ${drafts} bản nháp báo cáo đã chuyển sang bạn: gõ /baocao để làm tiếp.` : '') +
    ' Gõ /nhiemvu để xem nhiệm vụ.',
  doneByAdmin: (agency: string, name: string, previous: string[], drafts: number) =>
    `Đã bàn giao ${agency} cho ${name}.` +
    (previous.length > 0 ? ` Người trước: ${previous.join(', ')}.` : '') +
    (drafts > 0 ? ` ${drafts} bản nháp báo cáo đã chuyển theo.` : ''),
  doneNotice: (agency: string, name: string) =>
    `${name} đã nhận bàn giao ${agency}. Bạn không còn là cán bộ đầu mối của cơ quan này; ` +
    'các hoạt động, báo cáo bạn đã làm vẫn ghi tên bạn.',
  newOfficerNotice: (agency: string, network: string) =>
    `Quản trị viên đã giao bạn làm cán bộ đầu mối của ${agency} (${network}). Gõ /nhiemvu để xem nhiệm vụ.`,
  declined: 'Đã từ chối đề nghị bàn giao.',
  declinedNotice: (name: string, agency: string) => `${name} đã từ chối nhận bàn giao ${agency}.`,
  cancelled: (agency: string) => `Đã hủy đề nghị bàn giao ${agency}.`,
  nothingToCancel: 'Bạn không có đề nghị bàn giao nào đang chờ.',
};

export const invitationText = {
  usage:
    'Gõ /moi tatca [mạng lưới] [số ngày] để tạo mã mời cho mọi cơ quan chưa có cán bộ đầu mối (mặc định hết hạn sau 30 ngày).',
  badDays: (max: number) => `Số ngày hiệu lực phải từ 1 đến ${max}.`,
  pickNetwork: 'Tạo mã mời cho mạng lưới nào?',
  noneToInvite: (network: string) => `Mọi cơ quan của ${network} đã có cán bộ đầu mối: không cần mời thêm.`,
  created: (count: number, network: string, expires: string) =>
    `Đã tạo ${count} mã mời cho các cơ quan chưa có cán bộ đầu mối của ${network}, hết hạn ngày ${expires}. ` +
    'Bảng Excel có mã, đường dẫn và mã QR của từng cơ quan; tệp Word là giấy mời, mỗi cơ quan một trang, để ký và gửi.',
  replacedHead: (count: number) => `Thay ${count} mã cũ (đã hủy, không dùng được nữa):`,
  replacedLine: (agency: string, hints: string[]) => `- ${agency}: ${hints.map((h) => `mã …${h}`).join(', ')}`,
  moreReplaced: (count: number) => `- … và ${count} cơ quan khác (xem cột "Thay mã cũ" trong bảng Excel)`,
  noLink: 'Chưa có đường dẫn Telegram (bot chưa chạy trên Telegram): cán bộ nhắn riêng cho bot và gõ /dangky <mã>.',
  workbookName: 'Bảng mã mời',
  lettersName: 'Giấy mời',
  workbookCaption: (network: string) => `Mã mời các cơ quan của ${network}`,
  lettersCaption: (network: string) => `Giấy mời tham gia mạng lưới ${network} (rà soát, ký rồi gửi)`,
  fileBase: (network: string) => `moi-${network}`,
  sheet: {
    name: 'Mã mời',
    title: (network: string) => `Mã mời tham gia mạng lưới ${network}`,
    line: (expires: string) => `Mã dùng một lần, hết hạn ngày ${expires}.`,
    columns: [
      'STT',
      'Cơ quan, đơn vị',
      'Mã mời',
      'Đường dẫn',
      'Mã QR',
      'Cán bộ dự kiến',
      'Điện thoại',
      'Telegram',
      'Thay mã cũ',
    ],
  },
  letter: {
    number: (abbreviation: string | undefined) => `Số: …/GM-${abbreviation ?? '…'}`,
    title: 'GIẤY MỜI',
    subject: 'Tham gia mạng lưới truyền thông chính sách trên ứng dụng Đầu Mối',
    to: (agency: string) => `Kính gửi: ${agency}.`,
    intro: (issuer: string) =>
      `Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông ` +
      `chính sách, ${issuer} xây dựng mạng lưới cán bộ đầu mối truyền thông chính sách và dùng ứng dụng trò chuyện ` +
      'Đầu Mối để giao nhiệm vụ, ghi nhận hoạt động truyền thông, nhắc hạn và tổng hợp báo cáo.',
    ask: (agency: string, expires: string, officer: string | undefined) =>
      `Đề nghị ${agency} cử cán bộ đầu mối${officer ? ` (dự kiến: ${officer})` : ''} đăng ký trên ứng dụng ` +
      `trước ngày ${expires} theo một trong các cách sau:`,
    scan: '- Quét mã QR dưới đây bằng điện thoại: ứng dụng Telegram mở ra và tự gửi mã mời;',
    open: (link: string) => `- Hoặc mở đường dẫn: ${link};`,
    type: (code: string) => `- Hoặc nhắn riêng cho bot Đầu Mối và gõ: /dangky ${code}`,
    code: (code: string, expires: string) =>
      `Mã mời: ${code} (dùng một lần, hết hạn ngày ${expires}). Sau khi đăng ký, cán bộ gõ /trogiup để xem các lệnh.`,
    thanks: 'Trân trọng./.',
  },
  cli: {
    usage:
      'daumoi invite --network ID --out TỆP.xlsx [--days N] [--bot TÊN_BOT]   mã mời cho mọi cơ quan chưa có cán bộ (Excel và giấy mời Word)',
    missing: 'Thiếu --network hoặc --out: daumoi invite --network <id> --out <tệp.xlsx>',
    written: (xlsx: string, docx: string) => `Đã ghi ${xlsx} và ${docx}`,
    actor: 'Dòng lệnh daumoi',
  },
};
