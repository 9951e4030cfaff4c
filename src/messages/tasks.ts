// Vietnamese strings of the task answers (/nhiemvu) and task search (/timkiem).

/** "4.a" -> "Mục 4.a"; a section already worded ("đoạn 2") keeps its words. */
const sectionLabel = (section: string) =>
  /^[0-9IVXLC]/.test(section) ? `Mục ${section}` : section.charAt(0).toUpperCase() + section.slice(1);

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
  item: (n: number, section: string, document: string) => `${n}. ${sectionLabel(section)} (văn bản ${document})`,
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
    `${n}. ${network} - ${sectionLabel(section)} (văn bản ${document})`,
  assignedTo: (names: string) => `Giao cho: ${names}`,
  allAgencies: 'tất cả cơ quan, đơn vị',
} as const;
