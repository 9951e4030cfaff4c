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
