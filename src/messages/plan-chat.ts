// Vietnamese messages of /kehoach: an admin drafts a network's plan from a document in the chat.

export const planChatText = {
  description: 'Tạo mạng lưới từ văn bản kế hoạch (.docx, .pdf, .txt): /kehoach moi',
  usage:
    'Gõ /kehoach moi rồi gửi tệp văn bản kế hoạch (.docx, .pdf có lớp chữ, .txt, .md) hoặc dán nội dung văn bản. ' +
    'Cũng có thể gửi thẳng tệp vào chat riêng với bot.',
  busy: 'Bạn đang dở một thao tác khác. Hoàn tất nó, hoặc gõ /huy, rồi gõ lại /kehoach moi.',
  ask: (files: boolean) =>
    files
      ? 'Gửi tệp văn bản kế hoạch (.docx, .pdf có lớp chữ, .txt hoặc .md, tối đa 10 MB), hoặc dán nội dung văn bản vào đây. Gõ /huy để thôi.'
      : 'Dán nội dung văn bản kế hoạch vào đây (ứng dụng này không chuyển tệp cho bot; muốn gửi tệp, dùng Telegram). Gõ /huy để thôi.',
  askAgain: (files: boolean) =>
    files
      ? 'Gửi tệp hoặc dán nội dung văn bản kế hoạch, hoặc gõ /huy.'
      : 'Dán nội dung văn bản kế hoạch, hoặc gõ /huy.',
  reading: (file: string) => `Đã nhận tệp ${file}.`,
  noFiles: 'Ứng dụng này không chuyển tệp cho bot. Hãy dán nội dung văn bản, hoặc gửi tệp qua Telegram.',
  notADocument: 'Đây là ảnh, không phải tệp văn bản. Hãy gửi tệp .docx, .pdf, .txt hoặc .md, hoặc dán nội dung.',
  downloadFailed: 'Chưa tải được tệp từ ứng dụng. Hãy gửi lại tệp sau ít phút.',
  oneFile: 'Mỗi lần chỉ đọc một tệp: đã đọc tệp đầu tiên.',
  tryAnother: 'Chưa tạo gì. Gửi tệp khác, dán nội dung văn bản, hoặc gõ /huy.',
  startOver: 'Chưa tạo gì. Gõ /kehoach moi để gửi văn bản khác hoặc dán nội dung.',
  pasteKept: (parts: number, chars: number) =>
    `Đã giữ ${parts} phần đã dán (${chars.toLocaleString('vi-VN')} ký tự). Nếu văn bản còn phần sau, dán tiếp; nếu không, gửi văn bản khác hoặc gõ /huy.`,
  pasteMore: (parts: number, chars: number) =>
    `Đã nhận phần ${parts} (tổng ${chars.toLocaleString('vi-VN')} ký tự). Văn bản dài có thể bị ứng dụng cắt thành nhiều tin: ` +
    'dán tiếp phần sau, hoặc bấm "Soạn bản nháp" khi đã dán hết.',
  pasteTooLong: (max: number) =>
    `Văn bản dán quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự); phần vừa dán chưa được thêm. Hãy gửi văn bản dạng tệp.`,
  draftButton: 'Soạn bản nháp',
  classified: 'Văn bản có đóng dấu mật: bot không nhận tài liệu mật. Chưa tạo gì.',

  // The review.
  replaced: 'Đã thay bản nháp trước bằng văn bản mới.',
  targetNew: (id: string) => `Khi xác nhận: tạo mạng lưới MỚI với mã ${id}; bạn sẽ là quản trị viên của mạng lưới này.`,
  targetReplace: (name: string, id: string) =>
    `Khi xác nhận: THAY kế hoạch của mạng lưới có sẵn ${name} (${id}). Cơ quan, nhiệm vụ hoặc nghĩa vụ báo cáo đã có dữ liệu thì không được bỏ.`,
  idTaken: (id: string, name: string) =>
    `Mã ${id} đã là của mạng lưới ${name}. Bấm "Chọn mạng lưới" để thay kế hoạch của mạng lưới đó, hoặc "Đổi tên, mã" để tạo mạng lưới mới với mã khác.`,
  actions: 'Sửa bản nháp bằng các nút dưới đây, hoặc bấm "Xác nhận" để tạo mạng lưới.',
  buttons: {
    confirm: 'Xác nhận',
    rename: 'Đổi tên, mã',
    target: 'Chọn mạng lưới',
    drop: 'Bỏ một cơ quan',
    cancel: 'Hủy',
    back: 'Quay lại',
    newNetwork: 'Tạo mạng lưới mới',
    replace: (name: string) => `Thay kế hoạch: ${name}`,
  },

  // Edits.
  askRename: (name: string, id: string) =>
    `Tên hiện tại: ${name}; mã: ${id}.\nGõ tên mới (ví dụ: Xã Cẩm Thành), hoặc gõ "mã " và mã mới (ví dụ: mã cam-thanh-2): chữ thường không dấu, số, dấu gạch ngang.`,
  renamed: (name: string) => `Đã đổi tên thành: ${name}.`,
  reIded: (id: string) => `Đã đổi mã thành: ${id}.`,
  badId: (id: string) =>
    `Mã "${id}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, bắt đầu bằng chữ hoặc số.`,
  idOfOther: (id: string, name: string) =>
    `Mã ${id} đã là của mạng lưới ${name}; mã mới không được trùng. Muốn thay kế hoạch của mạng lưới đó, bấm "Chọn mạng lưới".`,
  askTarget:
    'Tạo mạng lưới mới, hay thay kế hoạch của một mạng lưới có sẵn (bạn là quản trị viên)? Thay kế hoạch giữ cán bộ, hoạt động, báo cáo đã có.',
  noOwnNetworks: 'Bạn chưa quản trị mạng lưới nào có sẵn: bản nháp sẽ tạo mạng lưới mới.',
  moreNetworks: (n: number) => `(còn ${n} mạng lưới khác: gõ mã mạng lưới để chọn)`,
  targetChosenNew: (id: string) => `Sẽ tạo mạng lưới mới (${id}).`,
  targetChosenReplace: (name: string) => `Sẽ thay kế hoạch của ${name}; tên và mã lấy theo mạng lưới có sẵn.`,
  networkGone: 'Mạng lưới này không còn, hoặc bạn không còn là quản trị viên của nó. Chọn lại.',
  askDrop: 'Bỏ cơ quan nào khỏi bản nháp (nhận nhầm)? Nhiệm vụ chỉ giao cho cơ quan đó cũng bị bỏ.',
  dropped: (name: string, tasks: number) =>
    `Đã bỏ ${name}${tasks > 0 ? ` và ${tasks} nhiệm vụ chỉ giao cho cơ quan này` : ''}.`,
  lastAgency: 'Không bỏ được cơ quan cuối cùng: kế hoạch cần ít nhất một cơ quan.',
  lastTasks: 'Không bỏ được: bỏ cơ quan này thì kế hoạch không còn nhiệm vụ nào.',
  agencyGone: 'Cơ quan đó không còn trong bản nháp. Chọn lại.',
  editInvalid: (errors: string[]) =>
    `Không sửa được, bản nháp sẽ không hợp lệ:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
  unknownAnswer: 'Chưa rõ bạn muốn sửa gì. Chọn một nút dưới đây, gửi văn bản khác, hoặc gõ /huy.',

  // Confirming.
  idNowTaken: (id: string) =>
    `Mã ${id} vừa được một mạng lưới khác dùng. Đổi mã, hoặc chọn thay kế hoạch của mạng lưới đó; chưa tạo gì.`,
  notAdminAnyMore: 'Bạn không còn là quản trị viên: chưa tạo gì.',
  created: (name: string, id: string, c: { agencies: number; tasks: number; duties: number }) =>
    `Đã tạo mạng lưới ${name} (${id}): ${c.agencies} cơ quan, ${c.tasks} nhiệm vụ, ${c.duties} nghĩa vụ báo cáo. ` +
    `Bạn là quản trị viên của mạng lưới. Tiếp theo: /moi <cơ quan> để mời cán bộ đầu mối, /thietlap ${id} trong nhóm chat của mạng lưới.`,
  updated: (name: string, id: string, c: { agencies: number; tasks: number; duties: number }) =>
    `Đã cập nhật kế hoạch của ${name} (${id}): ${c.agencies} cơ quan, ${c.tasks} nhiệm vụ, ${c.duties} nghĩa vụ báo cáo.`,
  unchanged: (name: string) => `Kế hoạch của ${name} giống hệt bản đang dùng; không có gì thay đổi.`,
  refusedKept: 'Bản nháp vẫn được giữ: sửa bằng các nút dưới đây, hoặc gõ /huy.',
  yamlCaption: (id: string) =>
    `Tệp kế hoạch ${id}.yaml: giữ lại để sửa, rồi nhập lại bằng daumoi plan import ${id}.yaml (docs/plan-format.md).`,
  yamlLink: (url: string) => `Tệp kế hoạch (YAML, để sửa và nhập lại bằng daumoi plan import): ${url}`,
  yamlNoFile:
    'Ứng dụng này không gửi được tệp: lấy tệp kế hoạch bằng lệnh daumoi plan trên máy chủ, hoặc qua Telegram.',
  cancelled: 'Đã hủy bản nháp kế hoạch; chưa tạo mạng lưới nào.',

  // A document sent with no conversation open.
  notAdminDocument:
    'Tệp này chưa được lưu. Muốn đính kèm vào một hoạt động, gõ /ghinhan rồi gửi tệp trong lúc ghi nhận. ' +
    '(Tạo mạng lưới từ văn bản kế hoạch chỉ dành cho quản trị viên.)',
} as const;
