// Vietnamese text of the calendar layer: reporting period labels, date and holiday-table errors.

const romanQuarters = ['I', 'II', 'III', 'IV'] as const;

export const calendarMessages = {
  period: {
    year: (year: number) => `năm ${year}`,
    quarter: (quarter: number, year: number) => `quý ${romanQuarters[quarter - 1]}/${year}`,
    halfYear: (half: number, year: number) => `6 tháng ${half === 1 ? 'đầu' : 'cuối'} năm ${year}`,
    month: (month: number, year: number) => `tháng ${month}/${year}`,
  },
  invalidDate: (text: string) => `Ngày "${text}" không hợp lệ, vui lòng kiểm tra lại.`,
  holidayTable: {
    invalid: (path: string, details: string) => `Bảng ngày nghỉ ${path} không hợp lệ:\n${details}`,
    badDate: 'ngày phải có dạng YYYY-MM-DD và là ngày có thật',
    duplicate: (date: string) => `ngày ${date} được ghi nhiều lần`,
    workdayNotWeekend: (date: string) => `ngày làm bù ${date} không phải thứ Bảy hoặc Chủ nhật`,
  },
  duty: {
    missingDay: (dutyId: string) => `Nhiệm vụ báo cáo "${dutyId}" thiếu ngày hạn nộp (deadline.day).`,
    missingDate: (dutyId: string) => `Nhiệm vụ báo cáo "${dutyId}" thiếu ngày hạn nộp (deadline.date).`,
  },
};
