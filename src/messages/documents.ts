// Vietnamese text of generated documents: the status chart, the workbook and the report draft.

const agencyStatus = { 'on-time': 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi' } as const;
const taskStatus = { done: 'Đã hoàn thành', 'in-progress': 'Đang thực hiện', 'not-started': 'Chưa thực hiện' } as const;

export const documentMessages = {
  agencyStatus,
  taskStatus,
  yes: 'Có',
  no: 'Không',
  chart: {
    period: (label: string) => `Kỳ báo cáo: ${label}`,
    statusHeading: (total: number) => `Tình hình gửi báo cáo (${total} cơ quan)`,
    statusLegend: (status: keyof typeof agencyStatus, count: number) => `${agencyStatus[status]}: ${count}`,
    pendingHeading: 'Chưa gửi hoặc trễ hạn:',
    allOnTime: 'Tất cả cơ quan đã gửi báo cáo đúng hạn.',
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
    summary: ['STT', 'Cơ quan, đơn vị', 'Tình trạng', 'Thời điểm gửi', 'Số báo cáo'],
    submissions: ['Cơ quan, đơn vị', 'Thời điểm gửi', 'Trễ hạn', 'Lần gửi'],
    tasks: ['Cơ quan, đơn vị', 'Mục', 'Nhiệm vụ', 'Tình trạng', 'Ghi chú'],
    activities: ['STT', 'Ngày', 'Cơ quan, đơn vị', 'Loại hoạt động', 'Nội dung', 'Số lượng', 'Số người tham dự', 'Liên kết'],
    byType: ['Loại hoạt động', 'Kỳ này', 'Kỳ trước', 'Tăng/giảm'],
    byAgencyName: 'Cơ quan, đơn vị',
    total: 'Tổng',
    children: ['Đơn vị cấp dưới', 'Đã gửi', 'Phải gửi', 'Số hoạt động'],
    omitted: (shown: number, omitted: number) =>
      `Chỉ liệt kê ${shown.toLocaleString('vi-VN')} hoạt động gần nhất; ${omitted.toLocaleString('vi-VN')} hoạt động cũ hơn không được đưa vào bảng này.`,
  },
} as const;
