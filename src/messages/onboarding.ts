// Vietnamese strings of roles, group binding, invites, registration and approval.

const roleNames = { admin: 'quản trị', leader: 'lãnh đạo' } as const;
const requestStatus: Record<string, string> = {
  active: 'đã duyệt',
  rejected: 'đã từ chối',
  left: 'đã hủy',
  pending: 'đang chờ',
};
const at = (agency: string, network: string) => `${agency} (${network})`;

export const onboarding = {
  commands: {
    grant: 'Cấp quyền lãnh đạo/quản trị mạng lưới; thu hồi: /capquyen thu ...',
    setup: 'Gắn nhóm chat với một mạng lưới (quản trị viên, trong nhóm)',
    invite: 'Tạo mã mời cán bộ đầu mối của một cơ quan (quản trị viên)',
    register: 'Đăng ký làm cán bộ đầu mối: /dangky <mã mời>, hoặc /dangky để chọn cơ quan',
    approve: 'Xem, duyệt yêu cầu đăng ký cán bộ đầu mối (quản trị viên)',
  },
  adminOnly: 'Chỉ quản trị viên mới dùng được lệnh này.',
  notAdminOf: (network: string) => `Bạn không phải quản trị viên của mạng lưới ${network}.`,
  networkNotFound: (input: string, known: string) => `Không tìm thấy mạng lưới "${input}". Các mạng lưới: ${known}.`,
  networkAmbiguous: (input: string, found: string) =>
    `"${input}" khớp với nhiều mạng lưới: ${found}. Hãy gõ mã mạng lưới.`,
  agencyLabel: at,

  // /capquyen
  roleNames,
  personNotFound: (handle: string) =>
    `Không tìm thấy người dùng "${handle}". Người đó cần nhắn cho bot ít nhất một lần; ` +
    'hoặc trả lời (reply) một tin nhắn của họ trong nhóm rồi gõ lệnh.',
  personAmbiguous: (handle: string, names: string) =>
    `Có nhiều người tên "${handle}" (${names}). Hãy dùng @tên_người_dùng hoặc trả lời (reply) tin nhắn của người đó.`,
  granted: (person: string, role: keyof typeof roleNames, network: string) =>
    `Đã cấp quyền ${roleNames[role]} mạng lưới ${network} cho ${person}.`,
  alreadyHas: (person: string, role: keyof typeof roleNames, network: string) =>
    `${person} đã có quyền ${roleNames[role]} mạng lưới ${network}.`,
  revoked: (person: string, role: keyof typeof roleNames, network: string) =>
    `Đã thu hồi quyền ${roleNames[role]} mạng lưới ${network} của ${person}.`,
  notHeld: (person: string, role: keyof typeof roleNames, network: string) =>
    `${person} không có quyền ${roleNames[role]} mạng lưới ${network} nên không có gì để thu hồi.`,
  configAdmin: (person: string) =>
    `${person} là quản trị viên theo cấu hình ADMINS của máy chủ; quyền này chỉ đổi được trong cấu hình.`,
  noticeGranted: (role: keyof typeof roleNames, network: string) =>
    `Bạn vừa được cấp quyền ${roleNames[role]} mạng lưới ${network}.`,
  noticeRevoked: (role: keyof typeof roleNames, network: string) =>
    `Quyền ${roleNames[role]} mạng lưới ${network} của bạn đã được thu hồi.`,

  // /thietlap
  setupUsage: (known: string) =>
    `Cách dùng (trong nhóm): /thietlap <mạng lưới>, ví dụ /thietlap Vĩnh Phúc. Các mạng lưới: ${known}.`,
  setupGroupOnly:
    'Lệnh /thietlap dùng trong nhóm chat cần gắn với mạng lưới: hãy thêm bot vào nhóm rồi gõ lệnh trong nhóm đó.',
  notGroupAdmin: 'Bạn cần là quản trị viên của nhóm này mới gắn được nhóm với mạng lưới.',
  groupAdminUnknown: 'Không kiểm tra được quyền quản trị nhóm trên nền tảng này nên chưa gắn được nhóm.',
  bound: (title: string | undefined, network: string) =>
    `Đã gắn ${title ? `nhóm "${title}"` : 'nhóm này'} với mạng lưới ${network}. Thông báo và nhắc hạn chung của mạng lưới sẽ gửi vào nhóm này.`,
  rebound: (previous: string) => `Trước đây nhóm gắn với mạng lưới ${previous}.`,

  // /moi
  inviteUsage: 'Cách dùng: /moi <tên cơ quan>, ví dụ /moi Sở Tư pháp.',
  agencyNotFound: (query: string) =>
    `Không tìm thấy cơ quan "${query}". Thử tên đầy đủ hoặc tên viết tắt, ví dụ: Sở Tư pháp, STP, Tư pháp.`,
  pickAgency: (query: string) => `Có nhiều cơ quan khớp với "${query}". Bạn chọn cơ quan nào?`,
  agencyInactive: (name: string, note: string) => `${name} không còn hoạt động. ${note}`,
  inviteCreated: (code: string, agency: string, network: string, expires: string, link?: string) =>
    [
      `Mã mời cán bộ đầu mối của ${at(agency, network)}: ${code}`,
      `Mã chỉ dùng được một lần, hết hạn ngày ${expires}. Mã chỉ hiện lần này: bot không lưu lại mã.`,
      link ? `Gửi đường dẫn này cho cán bộ, bấm vào là đăng ký: ${link}` : '',
      `Hoặc cán bộ nhắn riêng cho bot: /dangky ${code}`,
    ]
      .filter(Boolean)
      .join('\n'),

  // /dangky, /start <mã>
  registered: (agency: string, network: string) =>
    `Đăng ký thành công! Bạn là cán bộ đầu mối của ${at(agency, network)}.\n` +
    'Gõ "nhiệm vụ của tôi" hoặc /nhiemvu để xem nhiệm vụ được giao.',
  alreadyRegistered: (agency: string, network: string) =>
    `Bạn đã là cán bộ đầu mối của ${at(agency, network)} rồi. Gõ /nhiemvu để xem nhiệm vụ.`,
  memberOther: (current: string, network: string, invited: string) =>
    `Bạn đang là cán bộ đầu mối của ${current} trong mạng lưới ${network}. Mỗi người chỉ đại diện cho một cơ quan ` +
    `trong một mạng lưới, nên chưa đăng ký được cho ${invited}. Liên hệ quản trị viên nếu cần chuyển cơ quan.`,
  pickNetwork: 'Bạn là cán bộ đầu mối thuộc mạng lưới nào? Chọn một mạng lưới (gõ /huy để dừng):',
  noNetworks: 'Chưa có mạng lưới nào đang hoạt động. Hãy liên hệ quản trị viên.',
  networkNotUnderstood: 'Tôi chưa nhận ra mạng lưới đó. Hãy chọn một mạng lưới trong danh sách (hoặc /huy để dừng):',
  askAgency: (network: string) =>
    `Mạng lưới ${network}. Cơ quan của bạn tên là gì? Gõ tên hoặc tên viết tắt, ví dụ: Sở Tư pháp hoặc STP.`,
  confirmAgency: (query: string, agency: string) =>
    `Cơ quan khớp với "${query}": ${agency}. Đúng là cơ quan của bạn? Bấm nút (hoặc gõ "có") để gửi yêu cầu ` +
    'đăng ký, hoặc gõ lại tên cơ quan nếu chưa đúng.',
  confirmAgencyLabel: (agency: string) => `Đúng, gửi yêu cầu: ${agency}`,
  pickAgencyIn: (query: string) => `Các cơ quan khớp với "${query}". Chọn cơ quan của bạn:`,
  agencyNotFoundIn: (query: string, network: string) =>
    `Không tìm thấy cơ quan "${query}" trong mạng lưới ${network}. Chọn trong danh sách hoặc gõ tên khác:`,
  requestFiled: (agency: string, network: string) =>
    `Đã gửi yêu cầu đăng ký làm cán bộ đầu mối của ${at(agency, network)}. Quản trị viên sẽ xem xét ` +
    'và bot sẽ báo kết quả cho bạn. Nếu có mã mời, gõ /dangky <mã> để đăng ký ngay.',
  memberIn: (agency: string, network: string) =>
    `Bạn đã là cán bộ đầu mối của ${agency} trong mạng lưới ${network}. ` +
    'Mỗi người chỉ đại diện cho một cơ quan trong một mạng lưới.',
  adminNotice: (id: number, person: string, agency: string, network: string) =>
    `Yêu cầu đăng ký #${id}: ${person} xin làm cán bộ đầu mối của ${at(agency, network)}.\n` +
    `Duyệt: /duyet ${id} ok\nTừ chối: /duyet ${id} khong`,
  approveLabel: 'Duyệt',
  rejectLabel: 'Từ chối',

  // /duyet
  approveUsage: 'Cách dùng: /duyet để xem các yêu cầu; /duyet <số> ok để duyệt, /duyet <số> khong để từ chối.',
  noPending: 'Không có yêu cầu đăng ký nào đang chờ duyệt.',
  pendingTitle: (count: number) => `Có ${count} yêu cầu đăng ký đang chờ duyệt:`,
  pendingLine: (id: number, person: string, agency: string, network: string, date: string) =>
    `#${id} ${person} - ${at(agency, network)}, gửi ngày ${date}`,
  pendingFooter: 'Gõ /duyet <số> ok để duyệt hoặc /duyet <số> khong để từ chối.',
  approveChoice: (id: number) => `Duyệt #${id}`,
  rejectChoice: (id: number) => `Từ chối #${id}`,
  requestNotFound: (id: number) => `Không có yêu cầu đăng ký #${id}.`,
  alreadyDecided: (id: number, status: string) =>
    `Yêu cầu #${id} đã được xử lý trước đó (${requestStatus[status] ?? status}).`,
  approved: (person: string, agency: string, network: string) =>
    `Đã duyệt: ${person} là cán bộ đầu mối của ${at(agency, network)}.`,
  rejected: (person: string, agency: string) => `Đã từ chối yêu cầu của ${person} (${agency}).`,
  memberMeanwhile: (person: string, id: number) =>
    `${person} đã đăng ký cho một cơ quan khác trong mạng lưới này nên yêu cầu #${id} được hủy.`,
  applicantApproved: (agency: string, network: string) =>
    `Yêu cầu của bạn đã được duyệt: bạn là cán bộ đầu mối của ${at(agency, network)}. ` +
    'Gõ "nhiệm vụ của tôi" để xem nhiệm vụ được giao.',
  applicantRejected: (agency: string, network: string) =>
    `Yêu cầu làm cán bộ đầu mối của ${at(agency, network)} chưa được duyệt. ` +
    'Nếu có nhầm lẫn, hãy liên hệ quản trị viên hoặc gõ /dangky để gửi lại.',

  // Questions about "my" agency from someone who is not registered
  notRegistered:
    'Bạn chưa đăng ký là cán bộ đầu mối của cơ quan nào nên tôi chưa biết nhiệm vụ của bạn.\n' +
    '- Có mã mời: gõ /dangky <mã>.\n' +
    '- Chưa có mã: gõ /dangky để chọn cơ quan và chờ quản trị viên duyệt.\n' +
    'Bạn vẫn xem được nhiệm vụ của bất kỳ cơ quan nào, ví dụ: /nhiemvu Sở Tư pháp.',
  pendingOnly: (agency: string, network: string) =>
    `Yêu cầu làm cán bộ đầu mối của ${at(agency, network)} đang chờ quản trị viên duyệt. ` +
    'Trong lúc chờ, bạn vẫn xem được nhiệm vụ của cơ quan:',
  seeTasksOf: (agency: string) => `Nhiệm vụ của ${agency}`,

  // The one refusal of officer-only commands (/ghinhan, /nhatky, /baocao, /hanbaocao ...)
  notOfficer:
    'Lệnh này dành cho cán bộ đầu mối, mà bạn chưa là cán bộ đầu mối của cơ quan nào.\n' +
    '- Có mã mời: gõ /dangky <mã>.\n' +
    '- Chưa có mã: gõ /dangky để chọn cơ quan và chờ quản trị viên duyệt.',
  officerPending: (agency: string, network: string) =>
    `Yêu cầu làm cán bộ đầu mối của ${at(agency, network)} đang chờ quản trị viên duyệt. ` +
    'Sau khi được duyệt, bạn dùng được lệnh này.',
} as const;
