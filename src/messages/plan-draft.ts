// Vietnamese output of drafting a plan from a document (`daumoi plan draft`, and the chat flow).

const levelNames: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
const frequencyNames: Record<string, string> = {
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  'half-year': '6 tháng',
  yearly: 'hằng năm',
  once: 'một lần',
};

export const planDraftText = {
  usage:
    'daumoi plan draft FILE [--out plan.yaml] [--id slug]   soạn bản nháp kế hoạch từ văn bản (.docx, .pdf, .txt, .md)',
  missingFile: 'Thiếu tên tệp: daumoi plan draft FILE [--out plan.yaml] [--id slug]',
  badOption: (option: string) =>
    `Tùy chọn không hợp lệ: ${option}. Cách dùng: daumoi plan draft FILE [--out plan.yaml] [--id slug]`,
  badId: (id: string) => `Mã mạng lưới "${id}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang.`,
  outExists: (file: string) => `Tệp ${file} đã có; chọn tên khác bằng --out (bản nháp không ghi đè tệp có sẵn).`,
  unreadable: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}`,
  written: (file: string) =>
    `Đã ghi bản nháp: ${file}\nKiểm tra và sửa các điểm cần xem lại, rồi nhập bằng: daumoi plan import ${file}`,
  nothingWritten: 'Chưa ghi tệp nào.',

  // Why a file cannot be drafted from. Each says what to do instead.
  tooBig: (mb: number) => `Tệp quá lớn (giới hạn ${mb} MB). Hãy gửi riêng phần văn bản có các nhiệm vụ.`,
  spreadsheet: 'Đây là bảng tính, không phải văn bản. Hãy gửi công văn hoặc kế hoạch dạng .docx, .pdf hoặc .txt.',
  oldWord: 'Tệp Word cũ (.doc) chưa đọc được. Hãy mở bằng Word và lưu lại thành .docx rồi gửi lại.',
  unsupported: (ext: string) =>
    `Không đọc được loại tệp ${ext || '(không có đuôi)'}. Hãy gửi văn bản dạng .docx, .pdf (có lớp chữ), .txt hoặc .md.`,
  broken: (kind: string) =>
    `Tệp ${kind} bị hỏng hoặc không đúng định dạng, không mở được. Hãy lưu lại tệp rồi gửi lại.`,
  encrypted: 'Tệp PDF có mật khẩu. Hãy gỡ mật khẩu (hoặc lưu lại bản không khóa) rồi gửi lại.',
  noTextLayer:
    'Tệp PDF không có lớp chữ (có lẽ là bản chụp/quét). Hãy gửi bản .docx, hoặc PDF đã nhận dạng chữ (OCR), hoặc dán nội dung văn bản.',
  empty: 'Văn bản không có nội dung chữ.',
  noTasks:
    'Không tìm thấy nhiệm vụ nào: văn bản không có mục đánh số (1., a), -) hay đoạn giao việc cho cơ quan. Hãy kiểm tra lại đúng văn bản triển khai chưa.',
  invalidDraft: (count: number) => `Bản nháp chưa hợp lệ (${count} lỗi); đây là lỗi của bộ soạn, hãy báo lại:`,

  // The review summary.
  summaryTitle: (name: string, id: string, level: string) =>
    `Bản nháp kế hoạch: ${name} (${id}), ${levelNames[level] ?? level}`,
  documentLine: (issuer: string, number: string, date: string | undefined, subject: string) =>
    `Văn bản: ${issuer}, số ${number}${date ? `, ngày ${date}` : ''}: ${subject}`,
  agenciesTitle: (n: number) => `${n} cơ quan:`,
  agencyLine: (name: string, id: string, tasks: number, sections: string[], inactive: boolean) =>
    `  - ${name} (${id})${inactive ? ' [không còn hoạt động]' : ''}: ${tasks} nhiệm vụ riêng${sections.length ? ` (${sections.join(', ')})` : ''}`,
  tasksTitle: (n: number, forAll: number) => `${n} nhiệm vụ, trong đó ${forAll} nhiệm vụ giao cho tất cả cơ quan.`,
  deadlinesTitle: 'Hạn nhiệm vụ:',
  deadlineLine: (section: string, wording: string) => `  - mục ${section}: ${wording}`,
  noDeadlines: 'Hạn nhiệm vụ: văn bản không nêu hạn cụ thể cho nhiệm vụ nào.',
  dutyLine: (title: string, frequency: string, deadline: string, receiver: string) =>
    `Chế độ báo cáo: ${title}; kỳ ${frequencyNames[frequency] ?? frequency}; hạn ${deadline}; gửi ${receiver}.`,
  noDuty: 'Chế độ báo cáo: không có.',
  doubtsTitle: (n: number) => `Cần xem lại (${n}):`,
  noDoubts: 'Không có điểm nào cần xem lại.',
  doubtLine: (i: number, text: string) => `  ${i}. ${text}`,

  // Doubtful points, each a sentence the reviewer can act on.
  doubt: {
    numberBlank: (number: string) => `Số văn bản để trống ("${number}"): văn bản chưa ghi số hoặc là bản dự thảo.`,
    numberMissing: 'Không thấy số văn bản; đã ghi "(chưa rõ số)".',
    dateBlank: 'Ngày ban hành để trống hoặc thiếu; bản nháp chưa ghi ngày văn bản.',
    issuerGuessed: (issuer: string) =>
      `Không có khối tên cơ quan ban hành ở đầu văn bản; đoán là "${issuer}" từ nội dung.`,
    issuerMissing: 'Không xác định được cơ quan ban hành và địa bàn; hãy sửa network.name, network.level và issuer.',
    levelGuessed: (unit: string) => `Không rõ "${unit}" là cấp tỉnh hay cấp huyện; đã chọn cấp tỉnh.`,
    subjectMissing: 'Không thấy trích yếu (V/v ...); đã dùng tạm tên mạng lưới.',
    noNumbering: 'Văn bản không đánh số mục: mỗi đoạn giao việc là một nhiệm vụ ("đoạn 1", "đoạn 2"...).',
    forAll: (sections: string[]) =>
      `Mục ${sections.join(', ')} không nêu cơ quan riêng: đã giao cho tất cả cơ quan (agencies: all).`,
    groupAsAll: (section: string, names: string[]) =>
      `Mục ${section} giao cho "${names.join('; ')}": đã coi là tất cả cơ quan (agencies: all).`,
    partnerNotAssigned: (section: string, name: string) =>
      `Mục ${section} nhắc "phối hợp với ${name}" nhưng không nêu cơ quan chủ trì: chưa tạo nhiệm vụ phối hợp cho ${name}.`,
    successor: (name: string, successor: string) =>
      `${name} đã được sắp xếp lại (từ 1/3/2025 phần báo chí, thông tin cơ sở chuyển sang ${successor}): đã đánh dấu không còn hoạt động và thêm ${successor}.`,
    taskDeadlineNoYear: (section: string, wording: string) =>
      `Mục ${section} có hạn "${wording}" nhưng không ghi năm: chưa ghi hạn cho nhiệm vụ.`,
    taskDeadlineOnce: (section: string, wording: string) =>
      `Mục ${section} có hạn "${wording}": nếu cần thu kết quả đúng hạn, thêm một nghĩa vụ báo cáo một lần (frequency: once).`,
    taskCutOff: (section: string) => `Nội dung mục ${section} có vẻ bị cắt (kết thúc giữa câu hoặc bằng "…").`,
    wordNumbering: (n: number) =>
      `Số thứ tự của ${n} đoạn do Word tự đánh số (danh sách tự động) đã được dựng lại theo định dạng danh sách trong tệp; kiểm tra lại số mục của nhiệm vụ.`,
    cutOff: 'Văn bản có vẻ bị cắt: không thấy phần kết (Nơi nhận, chữ ký). Đã giữ phần có được; kiểm tra các mục cuối.',
    dutyNoFrequency: 'Văn bản không nêu kỳ báo cáo: đã chọn hằng năm (mạng lưới có thể sửa).',
    dutyOnce: (wording: string) =>
      `Văn bản không nêu kỳ báo cáo, chỉ nêu hạn "${wording}": đã coi là báo cáo một lần (mạng lưới có thể sửa).`,
    dutyNoDeadline: 'Văn bản không nêu hạn nộp báo cáo: đã chọn ngày 15/12 hằng năm (mạng lưới có thể sửa).',
    dutyReceiverUnknown: (receiver: string) =>
      `Nơi nhận báo cáo "${receiver}" không có trong danh sách cơ quan của kế hoạch.`,
    noDuty:
      'Không thấy chế độ báo cáo: bản nháp không có nghĩa vụ báo cáo (duties); thêm nếu mạng lưới cần thu báo cáo.',
  },

  // Values written into the draft.
  networkNote: (file: string) =>
    `Bản nháp soạn tự động từ tệp ${file}; cần rà soát các điểm cần xem lại trước khi nhập.`,
  unknownNumber: '(chưa rõ số)',
  unknownNetwork: 'Mạng lưới mới',
  successorNote:
    'Từ 1/3/2025 báo chí, phát thanh, truyền hình và thông tin cơ sở chuyển sang Sở Văn hóa, Thể thao và Du lịch; các chức năng khác chuyển sang Sở Khoa học và Công nghệ.',
  defaultDeadlineWording: 'ngày 15/12 hằng năm (hạn do mạng lưới chọn)',
  dutyNoteChosen: (wording: string) =>
    `Văn bản ghi "${wording}", không nêu đủ kỳ báo cáo và hạn nộp; phần thiếu là lựa chọn của mạng lưới, có thể sửa.`,
  dutyNoteSource: (wording: string) => `Theo văn bản: "${wording}".`,
  yamlComment: (file: string) =>
    ` Bản nháp kế hoạch soạn tự động từ ${file} (daumoi plan draft).\n Nội dung nhiệm vụ giữ nguyên văn bản gốc. Định dạng: docs/plan-format.md.`,

  /** The usual outline of a yearly report on Chỉ thị 07, as in every shipped plan. */
  template: {
    id: 'bao-cao-nam',
    title: 'Báo cáo kết quả thực hiện Chỉ thị số 07/CT-TTg về tăng cường công tác truyền thông chính sách',
    questions: [
      { id: 'ke-hoach-nam', type: 'yesno', section: 'I', prompt: 'Đơn vị đã ban hành kế hoạch truyền thông năm chưa?' },
      {
        id: 'chi-dao',
        type: 'text',
        section: 'I',
        prompt: 'Công tác lãnh đạo, chỉ đạo; các kế hoạch, văn bản đã ban hành',
        hint: 'Nêu số, ngày, trích yếu văn bản.',
      },
      { id: 'ket-qua-nhiem-vu', type: 'tasks', section: 'II', prompt: 'Kết quả thực hiện từng nhiệm vụ được giao' },
      { id: 'so-hop-bao', type: 'number', section: 'II', prompt: 'Số cuộc họp báo đã tổ chức', prefill: ['hop-bao'] },
      {
        id: 'so-tin-bai',
        type: 'number',
        section: 'II',
        prompt: 'Số tin, bài đăng trên cổng/trang thông tin điện tử',
        prefill: ['tin-bai-cong-tt'],
      },
      {
        id: 'so-bai-mxh',
        type: 'number',
        section: 'II',
        prompt: 'Số bài đăng trên trang mạng xã hội chính thức (Zalo, Facebook...)',
        prefill: ['bai-mxh'],
      },
      {
        id: 'so-tap-huan',
        type: 'number',
        section: 'II',
        prompt: 'Số lớp tập huấn, bồi dưỡng đã tổ chức hoặc cử người tham gia',
        prefill: ['tap-huan'],
      },
      { id: 'so-nguoi-tap-huan', type: 'number', section: 'II', prompt: 'Số lượt người tham gia tập huấn, bồi dưỡng' },
      {
        id: 'so-du-thao',
        type: 'number',
        section: 'II',
        prompt: 'Số dự thảo chính sách đã đăng lấy ý kiến',
        prefill: ['lay-y-kien-du-thao'],
      },
      {
        id: 'kinh-phi',
        type: 'number',
        section: 'II',
        prompt: 'Kinh phí đã chi cho truyền thông chính sách (đồng)',
        hint: 'Ví dụ 15000000. Bỏ qua nếu không có.',
        optional: true,
      },
      { id: 'uu-diem', type: 'text', section: 'III', prompt: 'Ưu điểm' },
      { id: 'han-che', type: 'text', section: 'III', prompt: 'Hạn chế và nguyên nhân' },
      {
        id: 'tu-danh-gia',
        type: 'choice',
        section: 'III',
        prompt: 'Tự đánh giá mức độ hoàn thành nhiệm vụ',
        options: ['Tốt', 'Khá', 'Trung bình', 'Yếu'],
      },
      { id: 'nhiem-vu-toi', type: 'text', section: 'IV', prompt: 'Nhiệm vụ, giải pháp kỳ tới' },
      {
        id: 'kho-khan',
        type: 'text',
        section: 'V',
        prompt: 'Khó khăn, vướng mắc (nếu có)',
        optional: true,
        marks: 'difficulty',
      },
      {
        id: 'de-xuat',
        type: 'text',
        section: 'V',
        prompt: 'Đề xuất, kiến nghị (nếu có)',
        optional: true,
        marks: 'proposal',
      },
    ],
  },
} as const;
