// Vietnamese output of `daumoi plan validate | import | list`.

const levelNames: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };

export const planCliText = {
  usage: [
    'daumoi plan validate FILE     kiểm tra tệp kế hoạch (YAML), báo lỗi kèm dòng',
    'daumoi plan import FILE       nhập hoặc cập nhật kế hoạch (nhập lại không tạo bản trùng)',
    'daumoi plan list              liệt kê các mạng lưới đã nhập',
    'daumoi plan draft FILE [--out plan.yaml] [--id slug]   soạn bản nháp kế hoạch từ văn bản (.docx, .pdf, .txt, .md)',
  ].join('\n  '),
  missingFile: (sub: string) => `Thiếu tên tệp: daumoi plan ${sub} FILE`,
  unreadable: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}`,
  invalid: (file: string, count: number) => `Tệp ${file} có ${count} lỗi, chưa nhập được:`,
  valid: (
    file: string,
    name: string,
    id: string,
    c: { documents: number; agencies: number; tasks: number; duties: number; templates: number },
  ) =>
    `Tệp ${file} hợp lệ: mạng lưới ${name} (${id}), ${c.documents} văn bản, ${c.agencies} cơ quan, ` +
    `${c.tasks} nhiệm vụ, ${c.duties} nghĩa vụ báo cáo, ${c.templates} mẫu báo cáo.`,
  imported: (name: string, id: string, c: { agencies: number; tasks: number; duties: number }) =>
    `Đã nhập kế hoạch ${name} (${id}): ${c.agencies} cơ quan, ${c.tasks} nhiệm vụ, ${c.duties} nghĩa vụ báo cáo.`,
  unchanged: (name: string, id: string) => `Kế hoạch ${name} (${id}) giống hệt lần nhập trước; không có gì thay đổi.`,
  refusedAgencies: (items: string[]) =>
    'Không nhập được: kế hoạch mới bỏ những cơ quan đã có cán bộ đăng ký, hoạt động hoặc báo cáo:\n' +
    items.map((i) => `  - ${i}`).join('\n') +
    '\nHãy giữ các cơ quan này trong tệp (có thể đặt active: false và ghi successor cho cơ quan kế thừa) rồi nhập lại.',
  refusedTasks: (items: string[]) =>
    'Không nhập được: kế hoạch mới bỏ những nhiệm vụ đã có hoạt động ghi nhận gắn với chúng:\n' +
    items.map((i) => `  - ${i}`).join('\n') +
    '\nHãy giữ các nhiệm vụ này trong tệp (có thể sửa nội dung) rồi nhập lại.',
  refusedDuties: (items: string[]) =>
    'Không nhập được: kế hoạch mới bỏ những nghĩa vụ báo cáo đã có báo cáo được nộp hoặc đang soạn:\n' +
    items.map((i) => `  - ${i}`).join('\n') +
    '\nHãy giữ các nghĩa vụ báo cáo này trong tệp rồi nhập lại.',
  agencyItem: (slug: string, name?: string) => (name ? `${name} (${slug})` : slug),
  taskItem: (slug: string, section?: string) => (section ? `mục ${section} (${slug})` : slug),
  listEmpty: 'Chưa có mạng lưới nào. Nhập kế hoạch bằng: daumoi plan import FILE',
  listTitle: (count: number) => `Có ${count} mạng lưới:`,
  listLine: (n: { id: string; name: string; level: string; active: boolean; agencies: number; tasks: number }) =>
    `  ${n.id}: ${n.name} (${levelNames[n.level] ?? n.level}${n.active ? '' : ', không còn hoạt động'}) - ` +
    `${n.agencies} cơ quan, ${n.tasks} nhiệm vụ`,
} as const;
