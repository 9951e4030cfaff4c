// Strings of the local console chat.

export const consoleText = {
  adminName: 'Quản trị',
  banner: (user: string) =>
    'Đầu Mối - chế độ thử trên máy (console). Gõ /trogiup để xem lệnh, /as <tên> để đổi người dùng, ' +
    '/nhom <tên nhóm> để vào một nhóm thử, /rieng để quay về tin nhắn riêng, /thoat để thoát.\n' +
    `Bạn đang là: ${user} (quản trị viên; gõ /as Quản trị để quay lại vai này)`,
  switchedUser: (user: string) => `Bạn đang là: ${user}`,
  switchedGroup: (group: string) =>
    `Bạn đang nhắn trong nhóm thử "${group}". Nhắc tới bot bằng @daumoi hoặc dùng lệnh.`,
  switchedPrivate: 'Bạn đang nhắn riêng với bot.',
  fileSaved: (path: string) => `[Tệp đã lưu: ${path}]`,
  outgoing: (to: string, text: string) => `[Tin gửi tới ${to}] ${text}`,
  prompt: (user: string, where: string) => `${user}${where} > `,
  bye: 'Tạm biệt!',
} as const;
