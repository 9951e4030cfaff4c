// Vietnamese strings about agencies merged away and the successors that took their work over.

export const successionText = {
  receiverMoved: (from: string, to: string) =>
    `Văn bản giao ${from} nhận báo cáo; ${from} đã được sắp xếp lại nên báo cáo nay gửi ${to}.`,
  inheritedFrom: (from: string) => `(kế thừa từ ${from})`,
  inviteSuccessor: (name: string) => `Mời cán bộ đầu mối của ${name}`,
  agencyReplaced: (name: string, note: string, successor: string) =>
    `${name} không còn hoạt động. ${note}\nCơ quan kế thừa: ${successor}. Bạn có muốn tạo mã mời cho ${successor} không?`,
};
