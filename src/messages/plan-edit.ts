// Vietnamese messages of the /kehoach review's fix-ups: rename or merge agencies, move a task, set the reporting
// deadline (the other review messages are in plan-chat.ts).

const frequencyNames: Record<string, string> = {
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  'half-year': '6 tháng',
  yearly: 'hằng năm',
  once: 'một lần',
};

export const planEditText = {
  buttons: {
    renameAgency: 'Đổi tên cơ quan',
    merge: 'Gộp hai cơ quan',
    move: 'Chuyển nhiệm vụ',
    deadline: 'Hạn báo cáo',
    frequency: (f: string) => frequencyNames[f] ?? f,
  },
  typedHint:
    'Cũng có thể gõ thẳng, ví dụ: "đổi tên Sở VHTTDL thành Sở Văn hóa, Thể thao và Du lịch", "gộp Sở VHTTDL vào Sở Văn hóa, Thể thao và Du lịch", "chuyển 2.đ sang Sở Tư pháp", "hạn báo cáo 13/12".',
  pickAgainNote: 'Nút đó thuộc bản nháp trước khi sửa. Chọn lại.',
  noAgencyNamed: (typed: string) =>
    `Không có cơ quan nào trong bản nháp khớp với "${typed}". Chọn một nút, hoặc gõ lại tên.`,
  manyAgencies: (typed: string, names: string[]) =>
    `"${typed}" khớp với nhiều cơ quan: ${names.join('; ')}. Gõ đủ tên hơn, hoặc chọn một nút.`,

  // Rename an agency.
  askRenameWhich: 'Đổi tên cơ quan nào? Chọn, hoặc gõ tên (không cần dấu).',
  askNewName: (name: string) => `Tên hiện tại: ${name}. Gõ tên mới; tên cũ được giữ làm tên gọi khác để vẫn tìm được.`,
  sameName: 'Tên mới giống tên hiện tại: chưa đổi gì.',
  nameOfOther: (name: string) =>
    `Tên đó đã là của ${name} trong bản nháp. Nếu đây là một cơ quan, dùng "Gộp hai cơ quan".`,
  agencyRenamed: (from: string, to: string) => `Đã đổi tên ${from} thành ${to} (tên cũ giữ làm tên gọi khác).`,

  // Merge two agencies.
  askMergeFrom:
    'Gộp hai cơ quan bị nhận thành hai: trước hết chọn cơ quan sẽ BỎ (tên của nó được giữ làm tên gọi khác).',
  askMergeInto: (name: string) =>
    `Gộp ${name} vào cơ quan nào (cơ quan được GIỮ)? Nhiệm vụ và nghĩa vụ báo cáo của ${name} chuyển sang cơ quan đó.`,
  mergeSelf: 'Chọn một cơ quan khác với cơ quan sẽ bỏ.',
  merged: (from: string, into: string, tasks: number, duties: number) =>
    `Đã gộp ${from} vào ${into}: ${tasks} nhiệm vụ${duties > 0 ? ` và ${duties} nghĩa vụ báo cáo` : ''} chuyển sang ${into}; tên ${from} giữ làm tên gọi khác.`,

  // Move a task.
  askMoveWhich: (more: number) =>
    `Chuyển nhiệm vụ nào? Chọn, hoặc gõ số mục như in trong văn bản (ví dụ 2.đ, III.4; không dấu: 2.dd).${more > 0 ? ` (còn ${more} nhiệm vụ khác không có nút: gõ số mục)` : ''}`,
  taskButton: (section: string, owners: string, coordinate: boolean) =>
    `${section}: ${owners}${coordinate ? ' (phối hợp)' : ''}`,
  allAgencies: 'tất cả cơ quan',
  noSection: (typed: string) => `Bản nháp không có mục "${typed}". Chọn một nút, hoặc gõ số mục như trong tóm tắt.`,
  manyTasks: (section: string) => `Mục ${section} có nhiều nhiệm vụ: chọn nhiệm vụ cần chuyển.`,
  askMoveTo: (section: string, owners: string) => `Mục ${section} đang giao cho ${owners}. Chuyển sang cơ quan nào?`,
  alreadyThere: (section: string, name: string) => `Mục ${section} đã giao cho ${name}: chưa đổi gì.`,
  taskGone: 'Nhiệm vụ đó không còn trong bản nháp. Chọn lại.',
  moved: (section: string, from: string, to: string) => `Đã chuyển mục ${section} từ ${from} sang ${to}.`,

  // The reporting deadline.
  askDuty: 'Đặt hạn cho nghĩa vụ báo cáo nào?',
  askFrequency: (title: string) =>
    `Văn bản không nêu kỳ báo cáo của "${title}". Chọn kỳ báo cáo (hoặc gõ: hằng năm, hằng quý, 6 tháng, hằng tháng, một lần).`,
  badFrequency: 'Chưa rõ kỳ báo cáo. Chọn một nút, hoặc gõ: hằng năm, hằng quý, 6 tháng, hằng tháng, một lần.',
  askDeadline: (frequency: string, current: string) => {
    const example =
      frequency === 'yearly'
        ? 'ngày và tháng, ví dụ 13/12 hoặc "ngày 15 tháng 12"'
        : frequency === 'once'
          ? 'ngày, tháng và năm, ví dụ 29/4/2027'
          : 'ngày trong tháng, ví dụ "ngày 20" (từ ngày 15 trở đi: tháng cuối kỳ; trước ngày 15: tháng sau kỳ)';
    return `Kỳ báo cáo ${frequencyNames[frequency] ?? frequency}; hạn hiện tại: ${current}. Gõ hạn nộp mới: ${example}.`;
  },
  badDeadline: (frequency: string) =>
    frequency === 'once'
      ? 'Chưa đọc được hạn: gõ đủ ngày, tháng, năm, ví dụ 29/4/2027 hoặc "ngày 29 tháng 4 năm 2027".'
      : frequency === 'yearly'
        ? 'Chưa đọc được hạn: gõ ngày và tháng, ví dụ 13/12 hoặc "ngày 15 tháng 12".'
        : 'Chưa đọc được hạn: gõ ngày trong tháng, ví dụ "ngày 20".',
  dutyGone: 'Nghĩa vụ báo cáo đó không còn trong bản nháp. Chọn lại.',
  newDutyTitle: 'Báo cáo kết quả triển khai thực hiện',
  newDutyNote: 'Nghĩa vụ báo cáo do quản trị viên thêm khi rà soát bản nháp (văn bản không nêu chế độ báo cáo).',
  newDuty: (receiver: string) =>
    `Văn bản không nêu chế độ báo cáo: sẽ thêm một nghĩa vụ báo cáo của tất cả cơ quan, gửi ${receiver}.`,
  wordingYearly: (day: number, month: number) => `ngày ${day}/${month} hằng năm`,
  wordingOnce: (day: number, month: number, year: number) => `ngày ${day}/${month}/${year}`,
  wordingRecurring: (day: number, after: number) => `ngày ${day} ${after > 0 ? 'tháng sau kỳ' : 'tháng cuối kỳ'}`,
  deadlineSet: (title: string, frequency: string, wording: string) =>
    `Đã đặt hạn "${title}": kỳ ${frequencyNames[frequency] ?? frequency}, hạn ${wording}.`,
} as const;
