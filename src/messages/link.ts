// Strings of /lienket: one person on Telegram, Zalo and the console.

const APP_NAMES: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', console: 'console' };
export const appName = (platform: string) => APP_NAMES[platform] ?? platform;

export const linkText = {
  command: 'Liên kết tài khoản Telegram và Zalo',
  code: (code: string, minutes: number) =>
    `Mã liên kết của bạn: ${code}\n(dùng một lần, hết hạn sau ${minutes} phút; không gửi mã này cho ai khác)\n\n` +
    `Mở Đầu Mối trên ứng dụng còn lại (Zalo hoặc Telegram) và gõ:\n/lienket ${code}\n\n` +
    'Hai tài khoản sẽ dùng chung một đăng ký, một lịch sử hoạt động và báo cáo.',
  linkedApps: (apps: string[]) => `Tài khoản đã liên kết: ${apps.join(', ')}.`,
  remindersVia: (app: string) => `Nhắc việc gửi qua: ${app}.`,
  chooseReminders: 'Chọn ứng dụng nhận nhắc việc:',
  receiveVia: (app: string) => `Nhận nhắc việc qua ${app}`,
  linked: (name: string, app: string) =>
    `Đã liên kết! Tài khoản ${app} này giờ thuộc về ${name}: dùng chung đăng ký, lịch sử hoạt động và báo cáo.\n` +
    'Gõ /lienket để chọn ứng dụng nhận nhắc việc.',
  linkedNotice: (app: string, displayName: string) =>
    `Tài khoản ${app} "${displayName}" vừa được liên kết với bạn bằng mã /lienket. ` +
    'Nếu không phải bạn làm, hãy báo ngay cho quản trị viên.',
  invalid: 'Mã liên kết không đúng hoặc đã được dùng. Gõ /lienket trên ứng dụng kia để lấy mã mới.',
  expired: 'Mã liên kết đã hết hạn. Gõ /lienket trên ứng dụng kia để lấy mã mới.',
  same: 'Hai tài khoản này đã được liên kết với nhau rồi.',
  tooManyAttempts: 'Bạn đã nhập sai mã liên kết quá nhiều lần. Vui lòng thử lại sau 1 giờ.',
  platformTaken: (app: string) =>
    `Không liên kết được: người tạo mã đã có một tài khoản ${app}. Hãy nhập mã trên ứng dụng còn lại; ` +
    'mỗi người chỉ liên kết một tài khoản trên mỗi ứng dụng.',
  agencyConflict: (network: string, kept: string, other: string) =>
    `Không liên kết được: trong ${network}, tài khoản tạo mã là đầu mối của ${kept}, còn tài khoản này là đầu mối của ` +
    `${other}. Nhờ quản trị viên xử lý trước rồi liên kết lại.`,
  confirm: (typer: string, issuer: string) =>
    [
      'Kiểm tra trước khi liên kết. Tài khoản bạn đang dùng:',
      typer,
      'sẽ nhập vào tài khoản đã tạo mã:',
      issuer,
      'Sau khi liên kết, hai tài khoản là một người: dùng chung đăng ký, quyền, lịch sử hoạt động và báo cáo. ' +
        'Chỉ bấm "Liên kết" nếu cả hai tài khoản đều là của bạn.',
    ].join('\n'),
  confirmLabel: 'Liên kết',
  declineLabel: 'Không liên kết',
  declined: 'Đã dừng, không liên kết tài khoản nào. Nếu ai đó đưa mã này cho bạn, hãy báo quản trị viên.',
  held: (kind: 'admin' | 'leader' | 'officer', network: string | null, agency?: string) =>
    kind === 'officer'
      ? `đầu mối ${agency ?? ''} (${network ?? ''})`
      : `${kind === 'admin' ? 'quản trị viên' : 'lãnh đạo'} ${network ? `mạng lưới ${network}` : 'mọi mạng lưới'}`,
  accessReversed: (held: string[]) =>
    `Chưa liên kết: tài khoản này có quyền mà tài khoản tạo mã không có (${held.join('; ')}). ` +
    'Liên kết theo chiều này sẽ trao các quyền đó cho tài khoản kia, nên mã phải được tạo trên tài khoản đang có quyền: ' +
    'gõ /lienket ở đây để lấy mã rồi nhập mã đó trên ứng dụng kia. Nếu tài khoản tạo mã không phải của bạn, đừng liên kết.',
  accessDiffers: (here: string[], there: string[]) =>
    `Không liên kết được: hai tài khoản giữ quyền khác nhau (tài khoản này: ${here.join('; ')}; ` +
    `tài khoản tạo mã: ${there.join('; ')}). Liên kết sẽ trao quyền của mỗi bên cho bên kia, nên cần quản trị viên ` +
    'mạng lưới xử lý trước: thu hồi quyền không còn đúng (/capquyen thu ..., /xoacanbo), rồi liên kết lại.',
  preferredSet: (app: string) => `Từ nay nhắc việc sẽ gửi qua ${app}.`,
  preferredUnreachable: (app: string) =>
    `Chưa gửi nhắc việc qua ${app} được: hãy nhắn riêng cho Đầu Mối trên ${app} ít nhất một lần ` +
    '(và liên kết bằng /lienket) rồi thử lại.',
  preferredUsage: 'Gõ /lienket nhan telegram hoặc /lienket nhan zalo để chọn nơi nhận nhắc việc.',
} as const;
