// Vietnamese text of deadline reminders, leaders' digests, leave (/tatnhac, /batnhac) and `daumoi remind`.

const weekdays = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

export interface ReminderFacts {
  dutyTitle: string;
  networkName: string;
  /** "năm 2026"; empty for a one-off duty. */
  periodLabel: string;
  /** "13/12/2026" */
  deadline: string;
  deadlineWeekday: number;
  /** Deadline minus the day the message goes out. */
  daysLeft: number;
  /** Set when the deadline falls on a day off: the holiday's name, or '' for a plain weekend. */
  dayOff?: string;
}

const weekday = (day: number): string => weekdays[day] ?? '';
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function dateWithWeekday(date: string, day: number): string {
  return `${capitalize(weekday(day))}, ${date}`;
}

function subject(f: ReminderFacts): string {
  const period = f.periodLabel ? `, kỳ ${f.periodLabel}` : '';
  return `${f.dutyTitle}${period} (${f.networkName})`;
}

function daysLeft(n: number): string {
  if (n > 1) return `còn ${n} ngày`;
  if (n === 1) return 'còn 1 ngày (hạn là ngày mai)';
  if (n === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${-n} ngày`;
}

function deadlineLine(f: ReminderFacts): string {
  return `Hạn nộp: ${dateWithWeekday(f.deadline, f.deadlineWeekday)} - ${daysLeft(f.daysLeft)}.`;
}

/** Only worth saying while the deadline is ahead: "trước ngày X" is not extended, so submit earlier. */
function dayOffLine(f: ReminderFacts): string[] {
  if (f.dayOff === undefined || f.daysLeft < 0) return [];
  const what = f.dayOff ? `ngày nghỉ (${f.dayOff})` : weekday(f.deadlineWeekday);
  return [`Lưu ý: ${f.deadline} là ${what}, nên nộp trong ngày làm việc trước đó.`];
}

export const reminderText = {
  officer: (f: ReminderFacts, agencyName: string): string =>
    [
      `${f.daysLeft < 0 ? 'Quá hạn báo cáo' : 'Nhắc hạn báo cáo'}: ${subject(f)}.`,
      `Đơn vị: ${agencyName} (chưa nộp).`,
      deadlineLine(f),
      ...dayOffLine(f),
      f.daysLeft < 0
        ? 'Gõ /baocao để nộp ngay; báo cáo sẽ được ghi nhận là nộp muộn.'
        : 'Gõ /baocao để bắt đầu (hoặc tiếp tục) báo cáo.',
      'Đang nghỉ phép? Gõ /tatnhac <đến ngày> để tạm dừng nhắc.',
    ].join('\n'),

  group: (f: ReminderFacts, missing: string[], total: number): string =>
    [
      `${f.daysLeft < 0 ? 'Quá hạn báo cáo' : 'Nhắc hạn báo cáo'}: ${subject(f)}.`,
      deadlineLine(f),
      ...dayOffLine(f),
      `Còn ${missing.length}/${total} đơn vị chưa nộp:`,
      ...missing.map((name) => `- ${name}`),
      'Cán bộ đầu mối của các đơn vị trên nhắn riêng /baocao cho bot để nộp.',
    ].join('\n'),

  digest: (
    f: ReminderFacts,
    counts: { submitted: number; total: number; onTime: number; late: number },
    missing: string[],
  ): string =>
    [
      `Tổng hợp sau hạn: ${subject(f)}, hạn ${f.deadline}.`,
      `Đã nộp: ${counts.submitted}/${counts.total} đơn vị (đúng hạn: ${counts.onTime}, nộp muộn: ${counts.late}).`,
      ...(missing.length === 0
        ? ['Tất cả đơn vị đã nộp.']
        : [`Chưa nộp (${missing.length}):`, ...missing.map((name) => `- ${name}`)]),
    ].join('\n'),
};

export const muteText = {
  descriptionMute: 'Tạm dừng nhắc hạn báo cáo khi nghỉ phép',
  descriptionUnmute: 'Bật lại nhắc hạn báo cáo',
  usage: 'Gõ /tatnhac <đến ngày>, ví dụ: /tatnhac 20/12 hoặc /tatnhac thứ hai tuần sau.',
  badDate: (text: string) => `Không đọc được ngày "${text}". ${muteText.usage}`,
  impossibleDate: (text: string) =>
    `"${text}" không phải là ngày có thật. Bạn kiểm tra lại ngày, tháng. ${muteText.usage}`,
  notFuture: 'Ngày tạm dừng nhắc phải sau hôm nay.',
  datePassed: (date: string) => `Ngày ${date} đã qua. Ngày tạm dừng nhắc phải sau hôm nay.`,
  tooFar: (max: number, last: string) => `Chỉ tạm dừng nhắc được tối đa ${max} ngày (đến ${last}).`,
  muted: (until: string) =>
    `Đã tạm dừng nhắc hạn báo cáo đến hết ngày ${until}. Cán bộ khác của đơn vị vẫn nhận nhắc, ` +
    'và đơn vị vẫn có tên trong danh sách chưa nộp ở nhóm. Gõ /batnhac để bật lại sớm hơn.',
  unmuted: 'Đã bật lại nhắc hạn báo cáo.',
  notMuted: 'Nhắc hạn báo cáo đang bật, không cần bật lại.',
};

export const remindCliText = {
  usage: 'daumoi remind [--now THỜI_ĐIỂM_ISO] [--dry-run]   chạy nhắc hạn một lần (--dry-run: chỉ in, không gửi)',
  badNow: (value: string) => `Thời điểm không hợp lệ: "${value}" (ví dụ 2026-12-07T08:30:00+07:00).`,
  unknownOption: (value: string) => `Tùy chọn không hợp lệ: ${value}`,
  header: (when: string, dryRun: boolean) =>
    `Nhắc hạn tính tại ${when}${dryRun ? ' (chạy thử, không gửi, không ghi)' : ''}:`,
  officer: (agency: string, person: string, chat: string) => `[cán bộ] ${agency} · ${person} · ${chat}`,
  group: (title: string, chat: string) => `[nhóm] ${title} · ${chat}`,
  leader: (person: string, chat: string) => `[lãnh đạo] ${person} · ${chat}`,
  sendAt: (when: string) => `  gửi lúc ${when}`,
  none: 'Không có nhắc hạn nào đến lượt gửi.',
  dryRunTotal: (n: number) => `Tổng cộng ${n} tin sẽ được gửi.`,
  queued: (n: number) =>
    `Đã xếp ${n} tin vào hàng đợi gửi. Bot đang chạy (daumoi start) sẽ gửi đi; chạy lại lệnh này không gửi trùng.`,
};
