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
