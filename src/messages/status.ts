// Vietnamese strings of leaders' views: /tinhhinh (status), /xuat (export) and `daumoi export`.

const n = (value: number): string => value.toLocaleString('vi-VN');
const signed = (value: number): string => (value > 0 ? `+${n(value)}` : n(value));

export const statusText = {
  commands: {
    status: 'Tình hình báo cáo, hoạt động của mạng lưới (lãnh đạo); của cơ quan mình (cán bộ đầu mối)',
    export: 'Xuất bảng tổng hợp Excel và dự thảo báo cáo Word (lãnh đạo)',
  },
  title: (network: string) => `TÌNH HÌNH: ${network}`,
  agencyTitle: (agency: string, network: string) => `${agency} (${network})`,
  period: (label: string, deadline: string, daysLeft: number) =>
    `Kỳ báo cáo ${label}, hạn ${deadline} (${dueIn(daysLeft)})`,
  noDuty: (label: string) => `Mạng lưới chưa có chế độ báo cáo định kỳ; số liệu hoạt động tính cho ${label}.`,
  noAgencies: 'Mạng lưới chưa có cơ quan, đơn vị nào được đăng ký trong kế hoạch.',
  submitted: (submitted: number, expected: number, onTime: number, late: number) =>
    submitted === 0
      ? `Đã nộp: 0/${expected} cơ quan`
      : `Đã nộp: ${submitted}/${expected} cơ quan (${onTime} đúng hạn, ${late} nộp muộn)`,
  allSubmitted: 'Tất cả cơ quan đã nộp báo cáo.',
  missingHead: (count: number) => `Chưa nộp (${count}):`,
  activitiesHead: (current: number, previous: number | undefined) =>
    previous === undefined
      ? `Hoạt động kỳ này: ${n(current)}`
      : `Hoạt động kỳ này: ${n(current)} (kỳ trước ${n(previous)}, ${signed(current - previous)})`,
  noActivities: (previous: number | undefined) =>
    previous
      ? `Chưa ghi nhận hoạt động nào trong kỳ (kỳ trước ${n(previous)}).`
      : 'Chưa ghi nhận hoạt động nào trong kỳ.',
  typeLine: (name: string, current: number, previous: number | undefined) =>
    previous === undefined ? `- ${name}: ${n(current)}` : `- ${name}: ${n(current)} (kỳ trước ${n(previous)})`,
  mostActive: (list: string) => `Tích cực nhất: ${list}`,
  leastActive: (list: string) => `Ít hoạt động nhất: ${list}`,
  agencyCount: (name: string, count: number) => `${name} (${n(count)})`,
  issuesHead: (count: number) => `Khó khăn, đề xuất mới (${count}):`,
  issueKind: { difficulty: 'Khó khăn', proposal: 'Đề xuất' } as const,
  issueLine: (kind: string, agency: string, text: string) => `- ${kind} (${agency}): ${text}`,
  childrenHead: (count: number) => `Cấp dưới (${count} mạng lưới):`,
  childLine: (name: string, submitted: number, expected: number, activities: number) =>
    `- ${name}: nộp ${submitted}/${expected}, ${n(activities)} hoạt động`,
  childLineNoDuty: (name: string, activities: number) => `- ${name}: ${n(activities)} hoạt động`,
  moreAgencies: (count: number, command: string) => `… và ${count} cơ quan khác (xem đủ: ${command})`,
  missingTitle: (network: string, period: string, count: number, expected: number) =>
    `CHƯA NỘP BÁO CÁO: ${network}, kỳ ${period} (${count}/${expected} cơ quan)`,
  missingNone: (network: string, period: string) => `${network}: tất cả cơ quan đã nộp báo cáo kỳ ${period}.`,
  missingNoDuty: (network: string) => `${network} chưa có chế độ báo cáo định kỳ nên không có danh sách chưa nộp.`,
  moreTypes: (count: number) => `… và ${count} loại khác`,
  moreIssues: (count: number) => `… và ${count} ý kiến khác (xem /xuat)`,
  moreChildren: (count: number) => `… và ${count} mạng lưới khác`,
  footer: 'Chi tiết: /tinhhinh <tên cơ quan>. Xuất Excel, Word: /xuat',

  report: {
    onTime: (at: string, number: string, version: number) =>
      `Báo cáo: đã nộp đúng hạn lúc ${at} (số ${number}${version > 1 ? `, lần ${version}` : ''})`,
    late: (at: string, number: string, version: number) =>
      `Báo cáo: nộp muộn lúc ${at} (số ${number}${version > 1 ? `, lần ${version}` : ''})`,
    missing: 'Báo cáo: chưa nộp.',
    missingOfficer: 'Báo cáo: chưa nộp. Gõ /baocao để làm báo cáo.',
    notExpected: 'Cơ quan không phải nộp báo cáo kỳ này.',
  },
  issueOwn: (kind: string, text: string) => `- ${kind}: ${text}`,

  chartCaption: (network: string, label: string) => `Biểu đồ tình hình ${network}, kỳ ${label}`,
  fileLink: (what: string, url: string) => `${what}: ${url}`,
  chartName: 'Biểu đồ',
  noFiles:
    'Nền tảng này chưa gửi được tệp. Mở bot trên Telegram hoặc nhờ quản trị viên chạy lệnh "daumoi export" để lấy biểu đồ và tệp tổng hợp.',

  notMember:
    'Bạn chưa thuộc mạng lưới nào nên chưa xem được tình hình. Nếu bạn là cán bộ đầu mối, gõ /dangky <mã mời> để đăng ký; ' +
    'nếu bạn là lãnh đạo, đề nghị quản trị viên cấp quyền.',
  notLeader: (network: string) =>
    `Chỉ lãnh đạo và quản trị viên của ${network} mới xem được tình hình chung. Gõ /tinhhinh để xem tình hình cơ quan mình.`,
  otherAgency: 'Cán bộ đầu mối chỉ xem được tình hình cơ quan mình. Gõ /tinhhinh để xem.',
  chooseNetwork: 'Bạn muốn xem mạng lưới nào?',
  chooseAgency: (query: string) => `Có nhiều cơ quan khớp với "${query}". Bạn muốn xem cơ quan nào?`,
  unknownTarget: (query: string) =>
    `Không tìm thấy mạng lưới hay cơ quan nào tên "${query}". Gõ /tinhhinh để xem tình hình chung, hoặc /tinhhinh <tên cơ quan>.`,
  unknownPeriod: (key: string) =>
    `Không có kỳ báo cáo "${key}" trong mạng lưới này. Kỳ viết dạng 2026 (năm), 2026-H1 (6 tháng), 2026-Q4 (quý) hoặc 2026-11 (tháng).`,
  networkHint: 'Gõ /tinhhinh <tên mạng lưới> để xem mạng lưới khác.',

  export: {
    onlyLeaders: 'Chỉ lãnh đạo và quản trị viên của mạng lưới mới xuất được tệp tổng hợp.',
    chooseNetwork: 'Bạn muốn xuất tệp của mạng lưới nào?',
    unknownNetwork: (query: string) => `Không tìm thấy mạng lưới "${query}". Ví dụ: /xuat vinh phuc, /xuat excel 2026.`,
    workbookCaption: (network: string, label: string) => `Bảng tổng hợp ${network}, ${label}`,
    draftCaption: (network: string, label: string) => `Dự thảo báo cáo ${network}, ${label} (cần rà soát trước khi ký)`,
    workbookName: 'Bảng tổng hợp Excel',
    draftName: 'Dự thảo báo cáo Word',
  },

  document: {
    issuer: (network: string) => `ỦY BAN NHÂN DÂN ${network.toLocaleUpperCase('vi')}`,
    abbreviation: 'UBND',
    /** Level words dropped from a network's name in the date line ("Tỉnh Vĩnh Phúc" -> "Vĩnh Phúc"). */
    levelWords: /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu,
    parentRecipient: (parent: string) =>
      `Ủy ban nhân dân ${parent.charAt(0).toLocaleLowerCase('vi')}${parent.slice(1)}`,
    // Since 1/3/2025 policy communication at national level is led by this ministry (domain.md).
    provinceRecipient: 'Bộ Văn hóa, Thể thao và Du lịch',
    // Since 1/7/2025 there is no district level: a commune reports to its province; the leader fills in the name.
    upperRecipient: 'Ủy ban nhân dân tỉnh …',
  },

  cli: {
    usage:
      'daumoi export --network ID [--period KỲ] [--format xlsx|docx] --out TỆP   xuất bảng tổng hợp hoặc dự thảo báo cáo',
    missingNetwork: 'Thiếu mạng lưới: daumoi export --network <id> --out <tệp>',
    missingOut: 'Thiếu tệp đích: daumoi export --network <id> --out <tệp.xlsx|tệp.docx>',
    badFormat: (format: string) => `Định dạng "${format}" không hỗ trợ: dùng xlsx hoặc docx.`,
    badOption: (option: string) => `Tùy chọn không hợp lệ: ${option}`,
    unknownNetwork: (id: string) => `Không có mạng lưới "${id}". Xem danh sách: daumoi plan list`,
    written: (file: string, network: string, label: string) => `Đã xuất ${file} (${network}, ${label})`,
    unwritable: (file: string, reason: string) => `Không ghi được tệp ${file}: ${reason}`,
  },
} as const;

function dueIn(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'hạn là hôm nay';
  return `đã quá hạn ${-daysLeft} ngày`;
}
