// Vietnamese text of generated documents: the status chart, the workbook and the report draft.

const agencyStatus = { 'on-time': 'Đúng hạn', late: 'Nộp muộn', missing: 'Chưa nộp' } as const;
const taskStatus = { done: 'Đã hoàn thành', 'in-progress': 'Đang thực hiện', 'not-started': 'Chưa thực hiện' } as const;

export const documentMessages = {
  agencyStatus,
  taskStatus,
  yes: 'Có',
  no: 'Không',
  chart: {
    period: (label: string) => `Kỳ báo cáo: ${label}`,
    statusHeading: (total: number) => `Tình hình nộp báo cáo (${total} cơ quan)`,
    statusLegend: (status: keyof typeof agencyStatus, count: number) => `${agencyStatus[status]}: ${count}`,
    pendingHeading: 'Chưa nộp hoặc nộp muộn:',
    allOnTime: 'Tất cả cơ quan đã nộp báo cáo đúng hạn.',
    more: (count: number) => `… và ${count} cơ quan khác`,
    monthHeading: 'Hoạt động truyền thông theo tháng',
    monthLabel: (month: number, year: number) => `${month}/${String(year).slice(2)}`,
    noData: 'Chưa có dữ liệu',
  },
  workbook: {
    sheets: {
      summary: 'Tổng hợp',
      submissions: 'Báo cáo',
      tasks: 'Nhiệm vụ',
      activities: 'Hoạt động',
      byType: 'Theo loại',
      byAgency: 'Theo cơ quan',
      children: 'Cấp dưới',
    },
    summary: ['STT', 'Cơ quan, đơn vị', 'Cán bộ đầu mối', 'Tình trạng', 'Thời điểm nộp', 'Số báo cáo'],
    title: (network: string) => network,
    periodLine: (label: string, from: string, to: string) => `Kỳ báo cáo: ${label} (số liệu từ ${from} đến ${to})`,
    generatedLine: (at: string) => `Xuất lúc ${at}`,
    noOfficer: '(chưa có cán bộ)',
    submissions: ['Cơ quan, đơn vị', 'Thời điểm nộp', 'Nộp muộn', 'Lần nộp'],
    tasks: ['Cơ quan, đơn vị', 'Mục', 'Nhiệm vụ', 'Tình trạng', 'Ghi chú'],
    activities: [
      'STT',
      'Ngày',
      'Cơ quan, đơn vị',
      'Loại hoạt động',
      'Nội dung',
      'Số lượng',
      'Số người tham dự',
      'Liên kết',
    ],
    byType: ['Loại hoạt động', 'Kỳ này', 'Kỳ trước', 'Tăng/giảm'],
    byAgencyName: 'Cơ quan, đơn vị',
    total: 'Tổng',
    children: ['Đơn vị cấp dưới', 'Đã gửi', 'Phải gửi', 'Số hoạt động'],
    omitted: (shown: number, omitted: number) =>
      `Chỉ liệt kê ${shown.toLocaleString('vi-VN')} hoạt động gần nhất; ${omitted.toLocaleString('vi-VN')} hoạt động cũ hơn không được đưa vào bảng này.`,
  },
  /** Said in the files and by /xuat and `daumoi export` when nobody reported and nothing was logged. */
  emptyPeriod: (label: string) =>
    `Kỳ báo cáo ${label} chưa có số liệu: chưa cơ quan, đơn vị nào nộp báo cáo và chưa ghi nhận hoạt động nào.`,
  emptyFilesNote: 'Tệp vẫn được tạo nhưng chỉ có khung trống, chưa có số liệu.',
  report: {
    noData: '(chưa có số liệu)',
    motto: { country: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', slogan: 'Độc lập - Tự do - Hạnh phúc' },
    number: (abbreviation: string | undefined) => `Số: …/BC-${abbreviation ?? '…'}`,
    dateLine: (place: string, date: { day: string; month: string; year: string }) =>
      `${place}, ngày ${date.day} tháng ${date.month} năm ${date.year}`,
    title: 'BÁO CÁO',
    subject: (period: string) =>
      `Kết quả thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách ${period}`,
    to: 'Kính gửi:',
    opening: (period: string) =>
      `Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, trên cơ sở báo cáo của các cơ quan, đơn vị, kết quả thực hiện ${period} như sau:`,
    sections: {
      I: 'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, BAN HÀNH KẾ HOẠCH',
      II: 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      III: 'III. ĐÁNH GIÁ CHUNG',
      IV: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      V: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
    },
    assessmentPlaceholders: ['1. Ưu điểm', '2. Hạn chế', '3. Nguyên nhân'],
    numberTotal: (total: string, breakdown: string) => `Tổng số: ${total} (${breakdown}).`,
    yesNoCount: (label: string, count: number, agencies: string) =>
      `- ${label}: ${count} cơ quan, đơn vị (${agencies}).`,
    agencyAnswer: (agency: string, answer: string) => `- ${agency}: ${answer}`,
    submissionSummary: (submitted: number, total: number, onTime: number, late: number) =>
      `Có ${submitted}/${total} cơ quan, đơn vị đã nộp báo cáo (${onTime} đúng hạn, ${late} nộp muộn).`,
    missingAgencies: (count: number, names: string) => `Còn ${count} cơ quan, đơn vị chưa nộp báo cáo: ${names}.`,
    activityTotal: (total: number, breakdown: string) =>
      total === 0
        ? 'Trong kỳ, chưa ghi nhận hoạt động truyền thông chính sách nào.'
        : `Trong kỳ, các cơ quan, đơn vị đã thực hiện ${total} hoạt động truyền thông chính sách, gồm: ${breakdown}.`,
    agencyActivities: (total: number, breakdown: string) =>
      total === 0
        ? 'Trong kỳ chưa ghi nhận hoạt động truyền thông nào.'
        : `Trong kỳ đã thực hiện ${total} hoạt động truyền thông: ${breakdown}.`,
    typeCount: (type: string, count: number) => `${type} ${count}`,
    child: (name: string, submitted: number, expected: number, activities: number) =>
      `- ${name}: ${submitted}/${expected} đơn vị đã nộp báo cáo; ${activities} hoạt động truyền thông.`,
    childrenHeading: 'Kết quả của cấp dưới:',
    notSubmitted: 'Chưa nộp báo cáo trong kỳ.',
    lateNote: (date: string) => `Báo cáo nộp muộn (ngày ${date}).`,
    task: (section: string, text: string, status: string, note: string | undefined) =>
      `- ${text}${section ? ` (mục ${section})` : ''}: ${status}${note ? ` (${note})` : ''}.`,
    idleAgencies: (count: number, names: string) =>
      `Còn ${count} cơ quan, đơn vị chưa nộp báo cáo và chưa ghi nhận hoạt động truyền thông nào trong kỳ: ${names}.`,
    answer: (prompt: string, answer: string) => `- ${prompt}: ${answer}`,
    issueHeadings: { difficulty: 'Khó khăn, vướng mắc', proposal: 'Đề xuất, kiến nghị' },
    issue: (text: string, agency: string) => `- ${text} (${agency}).`,
    closing: (period: string) =>
      `Trên đây là báo cáo kết quả thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ ${period}./.`,
    recipientsHeading: 'Nơi nhận:',
    recipientsAsAbove: '- Như trên;',
    recipientsDefault: ['- Các cơ quan, đơn vị trong mạng lưới;', '- Lưu: VT, …'],
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
    signHint: '(Ký, ghi rõ họ tên)',
    signerName: '[Họ và tên]',
    annex: {
      title: 'Phụ lục I',
      subtitle: 'SỐ LIỆU KẾT QUẢ THỰC HIỆN CHỈ THỊ SỐ 07/CT-TTg',
      attached: (number: string) => `(Kèm theo Báo cáo ${number.replace('Số: ', 'số ')})`,
      byType: '1. Hoạt động truyền thông chính sách theo loại',
      byTypeHeader: { no: 'STT', type: 'Loại hoạt động', current: 'Kỳ này', previous: 'Kỳ trước', change: 'Tăng/giảm' },
      submissions: '2. Tình hình nộp báo cáo của các cơ quan, đơn vị',
      submissionsHeader: { status: 'Tình trạng', count: 'Số cơ quan, đơn vị', share: 'Tỷ lệ' },
      other: '3. Số liệu khác',
      otherHeader: { item: 'Nội dung', value: 'Số liệu' },
      total: 'Tổng cộng',
    },
  },
} as const;
