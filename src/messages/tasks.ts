// Vietnamese strings of the task answers (/nhiemvu) and task search (/timkiem).

/** "4.a" -> "Mục 4.a"; a section already worded ("đoạn 2") keeps its words. */
const sectionLabel = (section: string) =>
  /^[0-9IVXLC]/.test(section) ? `Mục ${section}` : section.charAt(0).toUpperCase() + section.slice(1);

// Kind abbreviations of Nghị định 30/2020 (Phụ lục III); a number without one ("/UBND-TH2") is a công văn.
const documentKinds: Record<string, string> = {
  KH: 'Kế hoạch',
  QD: 'Quyết định',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  HD: 'Hướng dẫn',
  CTR: 'Chương trình',
};

const documentKind = (number: string): string => {
  const code = number.includes('/') ? number.split('/').at(-1)?.split('-')[0] : undefined;
  if (code === undefined) return 'Văn bản';
  return documentKinds[code.toUpperCase().replace('Đ', 'D')] ?? 'Công văn';
};

/** "634/STTTT-TTBCXB" -> "Công văn số 634/STTTT-TTBCXB"; a copy without its number ("/UBND-TH2") is named by kind and issuer. */
const documentLabel = (number: string, issuer: string): string =>
  /^\d/.test(number) ? `${documentKind(number)} số ${number}` : `${documentKind(number)} của ${issuer}`;

export const taskText = {
  commands: {
    tasks: 'Xem nhiệm vụ được giao (của bạn, hoặc /nhiemvu <cơ quan>)',
    search: 'Tìm nhiệm vụ theo từ khóa, ví dụ /timkiem kinh phí',
  },
  sectionLabel,
  title: (agency: string, network: string, count: number) => `Nhiệm vụ của ${agency} (${network}): ${count} nhiệm vụ`,
  pageOf: (page: number, pages: number) => ` - trang ${page}/${pages}`,
  ownHeading: 'Nhiệm vụ được giao riêng:',
  commonHeading: 'Nhiệm vụ chung của tất cả cơ quan, đơn vị:',
  documentLabel,
  item: (n: number, section: string, document: string) => `${n}. ${sectionLabel(section)} (${document})`,
  coordinate: 'Vai trò: phối hợp',
  deadline: (date: string) => `Hạn: ${date}`,
  recurrence: (text: string) => `Thực hiện: ${text}`,
  none: (agency: string) => `${agency} chưa có nhiệm vụ nào trong kế hoạch.`,
  next: 'Xem tiếp',
  noSuchPage: (pages: number) => `Chỉ có ${pages} trang.`,
  inactive: (name: string, note: string) => `Lưu ý: ${name} không còn hoạt động. ${note}`,
  successorChoice: (name: string) => `Nhiệm vụ của ${name}`,
  pickAgency: (query: string) => `Có nhiều cơ quan khớp với "${query}". Bạn muốn xem cơ quan nào?`,
  pickOwn: 'Bạn là cán bộ đầu mối của nhiều cơ quan. Xem nhiệm vụ của cơ quan nào?',
  searchTip: 'Tìm trong nội dung nhiệm vụ: /timkiem <từ khóa>.',

  searchUsage: 'Cách dùng: /timkiem <từ khóa>, ví dụ /timkiem kinh phí.',
  noHits: (query: string) => `Không tìm thấy nhiệm vụ nào có "${query}". Thử từ khóa khác, ngắn hơn.`,
  hitsTitle: (query: string, total: number, shown: number) =>
    `Kết quả tìm "${query}": ${total} nhiệm vụ` + (total > shown ? `, dưới đây là ${shown} kết quả khớp nhất.` : '.'),
  anyWordNote: 'Không có nhiệm vụ nào chứa đủ các từ; đây là những nhiệm vụ chứa một phần từ khóa.',
  hit: (n: number, network: string, section: string, document: string) =>
    `${n}. ${network} - ${sectionLabel(section)} (${document})`,
  assignedTo: (names: string) => `Giao cho: ${names}`,
  allAgencies: 'tất cả cơ quan, đơn vị',
} as const;
