// Vietnamese strings of taking access back (/xoacanbo, /chan, /bochan, /moi ds, /moi huy) and of naming a person.

export interface PersonLine {
  name: string;
  ids: string;
  firstSeen: string;
}

const who = (p: PersonLine) => `${p.name} [${p.ids}], lần đầu nhắn bot ngày ${p.firstSeen}`;

export const accessText = {
  commands: {
    removeOfficer: 'Xóa cán bộ đầu mối khỏi cơ quan (quản trị viên)',
    block:
      'Chặn một người dùng bot: trả lời tin nhắn của họ hoặc /chan telegram:<id>, kể cả người chưa nhắn bot (quản trị viên)',
    unblock: 'Bỏ chặn một người dùng (quản trị viên)',
  },
  identity: (platform: string, userId: string, username: string | null) =>
    `${platform}:${userId}${username ? ` @${username}` : ''}`,
  who,

  // Naming a person beyond doubt
  personUsage:
    'Hãy chỉ rõ người đó: trả lời (reply) một tin nhắn của họ rồi gõ lệnh, hoặc gõ mã nền tảng, ví dụ telegram:123456. ' +
    'Tên hiển thị do người dùng tự đặt nên không dùng để xác định người.',
  personUnknown: (id: string) => `Bot chưa thấy người dùng ${id}. Người đó cần nhắn cho bot ít nhất một lần.`,

  // /xoacanbo
  removeUsage: 'Cách dùng: /xoacanbo <tên cơ quan>, ví dụ /xoacanbo Sở Tư pháp.',
  noOfficers: (agency: string) => `${agency} hiện không có cán bộ đầu mối nào.`,
  pickOfficer: (agency: string, lines: string[]) =>
    [
      `Cán bộ đầu mối của ${agency}:`,
      ...lines.map((l, i) => `${i + 1}. ${l}`),
      'Bấm để xóa người đó khỏi cơ quan:',
    ].join('\n'),
  officerLine: (p: PersonLine, since: string) => `${who(p)}, đầu mối từ ngày ${since}`,
  removeLabel: (name: string) => `Xóa ${name}`,
  officerGone: 'Người này không còn là cán bộ đầu mối của cơ quan (có thể đã được xóa trước đó).',
  removed: (name: string, agency: string, drafts: number) =>
    `Đã xóa ${name} khỏi danh sách cán bộ đầu mối của ${agency}. Các hoạt động và báo cáo cũ vẫn giữ tên người đó.` +
    (drafts > 0 ? ` ${drafts} bản nháp báo cáo người đó đang giữ đã được mở cho cán bộ khác.` : ''),
  removedNotice: (agency: string, network: string) =>
    `Bạn không còn là cán bộ đầu mối của ${agency} (${network}). Nếu có nhầm lẫn, hãy liên hệ quản trị viên.`,

  // /chan, /bochan
  blocked: (p: PersonLine) => `Đã chặn ${who(p)}. Bot sẽ không trả lời người này nữa.`,
  blockedBeforeContact: (id: string) =>
    `Đã chặn ${id}. Người này chưa từng nhắn bot; nếu họ nhắn, bot sẽ từ chối ngay từ tin nhắn đầu tiên.`,
  alreadyBlocked: (name: string) => `${name} đã bị chặn từ trước.`,
  unblocked: (name: string) => `Đã bỏ chặn ${name}.`,
  notBlocked: (name: string) => `${name} không bị chặn.`,
  cannotBlockSelf: 'Bạn không thể tự chặn mình.',
  cannotBlockAdmin: (name: string) =>
    `${name} là quản trị viên: hãy thu hồi quyền quản trị (/capquyen thu ...) trước khi chặn.`,
  blockedNotice:
    'Tài khoản của bạn đã bị quản trị viên tạm ngừng sử dụng bot. Nếu có nhầm lẫn, hãy liên hệ quản trị viên mạng lưới.',

  // /moi ds, /moi huy: codes are stored hashed, so an invite is named by its number and last two characters.
  noOpenInvites: 'Không có mã mời nào đang còn hiệu lực.',
  openInvites: (lines: string[]) =>
    [
      'Các mã mời còn hiệu lực (bot chỉ lưu dạng mã hóa nên không xem lại được mã; cần mã mới thì gõ /moi <cơ quan>):',
      ...lines,
      'Hủy một mã: bấm nút, hoặc gõ /moi huy #<số> hay /moi huy <mã>.',
    ].join('\n'),
  inviteName: (id: number, hint: string) => `#${id} (mã …${hint})`,
  inviteLine: (name: string, agency: string, network: string, expires: string) =>
    `${name} - ${agency} (${network}), hết hạn ngày ${expires}`,
  cancelInviteLabel: (name: string, agency: string) => `Hủy ${name} ${agency}`,
  cancelUsage: 'Cách dùng: /moi huy #<số> (số trong /moi ds) hoặc /moi huy <mã mời>.',
  inviteCancelled: (name: string) => `Đã hủy mã mời ${name}: mã không dùng được nữa.`,
  inviteNotOpen: (name: string) => `Mã mời ${name} không còn hiệu lực (đã dùng, đã hủy hoặc hết hạn), không cần hủy.`,
  inviteNotFound: (ref: string) => `Không tìm thấy mã mời ${ref}. Xem các mã còn hiệu lực: /moi ds.`,

  // Floods: past the limit messages are dropped, with this once per flood window.
  floodNotice:
    'Bạn đang gửi quá nhiều tin nhắn trong thời gian ngắn. Các tin nhắn trong vài giây tới sẽ bị bỏ qua, ' +
    'không được xử lý: vui lòng chờ khoảng 10 giây rồi gửi lại điều bạn cần.',

  // /dangky without a code: one open request per person and network, a cap per network.
  requestPending: (agency: string, network: string, since: string) =>
    `Bạn đã có một yêu cầu đăng ký làm đầu mối của ${agency} (${network}) gửi ngày ${since}, đang chờ quản trị viên duyệt. ` +
    'Bot không gửi thêm yêu cầu. Nếu chọn nhầm cơ quan, hãy nhờ quản trị viên từ chối yêu cầu cũ rồi đăng ký lại, ' +
    'hoặc xin quản trị viên một mã mời (/dangky <mã>).',
  requestsFull: (network: string) =>
    `${network} đang có quá nhiều yêu cầu đăng ký chờ duyệt nên tạm thời không nhận thêm. ` +
    'Vui lòng xin quản trị viên một mã mời (/dangky <mã>) hoặc thử lại sau.',

  // /dangky <mã>, /start <mã>
  codeInvalid:
    'Mã mời không dùng được: mã không đúng, đã được dùng, đã bị hủy hoặc đã hết hạn. ' +
    'Kiểm tra lại mã hoặc xin quản trị viên mã mới. Nếu chưa có mã, gõ /dangky để chọn cơ quan và chờ duyệt.',
  tooManyCodes: (minutes: number) =>
    `Bạn đã nhập sai mã mời quá nhiều lần. Vui lòng chờ ${minutes} phút rồi thử lại, ` +
    'hoặc gõ /dangky để chọn cơ quan và chờ quản trị viên duyệt.',
} as const;

/** /capquyen: naming the person beyond doubt. */
export const grantText = {
  usage:
    'Cách dùng:\n' +
    '/capquyen <người> lanhdao|quantri <mạng lưới> để cấp quyền\n' +
    '/capquyen thu <người> lanhdao|quantri <mạng lưới> để thu hồi\n' +
    'Người: trả lời (reply) tin nhắn của người đó rồi gõ lệnh, hoặc mã nền tảng (telegram:123456); ' +
    'gõ tên hoặc @tên_người_dùng thì bot hỏi lại để bạn chọn đúng người.\n' +
    'Ví dụ: /capquyen telegram:123456 lanhdao Vĩnh Phúc',
  confirm: (grant: boolean, role: string, network: string, lines: string[]) =>
    [
      `Tên và @tên_người_dùng do người dùng tự đặt. Kiểm tra đúng người trước khi ${grant ? 'cấp' : 'thu hồi'} quyền ${role} mạng lưới ${network}:`,
      ...lines.map((l, i) => `${i + 1}. ${l}`),
      'Bấm vào người đúng:',
    ].join('\n'),
  pickLabel: (name: string, id: string) => `${name} (${id})`,
} as const;
