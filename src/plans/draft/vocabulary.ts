// The conventions of Vietnamese administrative documents the drafter relies on, as data. Names are matched
// after normalize() (no diacritics, lower case), so "Sở Thông tin - Truyền thông" and "SỞ THÔNG TIN VÀ..." differ
// only where the words differ.

import type { PlanAgency } from '../../kernel/plan.js';

type Kind = PlanAgency['kind'];

/** Words an agency name starts with when it is the subject of a numbered item. Case-sensitive on purpose. */
export const agencyStart =
  /^(Sở|Ban|Văn phòng|Công chức|Các|UBND|Ủy ban|Uỷ ban|Đài|Báo|Cổng|Hội|Công an|Phòng|Trung tâm|Tạp chí|Đoàn|Bộ|Viện|Chi cục|Cục|Kho bạc|Bảo hiểm|Mặt trận|Liên đoàn|Bộ Chỉ huy|Thủ trưởng|Chủ tịch|Trưởng)\s/u;

/** Lower-case verbs that end the subject of an item ("Sở Tài chính chủ trì, ..."). */
export const subjectEnd =
  /\s(chủ trì|phối hợp|thực hiện|triển khai|tham mưu|hướng dẫn|đôn đốc|theo dõi|có trách nhiệm|chịu trách nhiệm|xây dựng|tổ chức|bố trí|chủ động|căn cứ|tăng cường|là cơ quan|nghiêm túc|rà soát|quán triệt|cung cấp|khẩn trương|cập nhật|tuyên truyền|biên soạn|định hướng)(?=[\s,.;:]|$)/u;

/** A group addressee: "Các sở, ban, ngành", "UBND các huyện, thành phố", "Thủ trưởng các cơ quan". */
export const groupStart = /^(cac|ubnd cac|uy ban nhan dan cac|thu truong cac|chu tich ubnd cac|cac co quan)\b/;

/** Where one group ends and the next starts inside a comma list of addressees. */
export const groupSplit = /[,;]\s+(?=(?:các|UBND|Ủy ban|Uỷ ban|Thủ trưởng|Chủ tịch)\s)/u;

export interface KnownAgency {
  id: string;
  name: string;
  short?: string;
  aliases?: string[];
  kind: Kind;
}

/** Agencies common to most networks, with the short ids and names the shipped plans use. */
export const knownAgencies: KnownAgency[] = [
  { id: 'so-tttt', name: 'Sở Thông tin và Truyền thông', short: 'Sở TT&TT', aliases: ['STTTT', 'Sở TTTT', 'Sở Thông tin - Truyền thông'], kind: 'so' },
  { id: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', short: 'Sở VHTTDL', aliases: ['SVHTTDL', 'Sở VH-TT-DL', 'Sở VHTT&DL'], kind: 'so' },
  { id: 'so-tu-phap', name: 'Sở Tư pháp', aliases: ['STP', 'Sở TP'], kind: 'so' },
  { id: 'so-noi-vu', name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'], kind: 'so' },
  { id: 'so-ngoai-vu', name: 'Sở Ngoại vụ', aliases: ['SNgV', 'Sở NgV'], kind: 'so' },
  { id: 'so-tai-chinh', name: 'Sở Tài chính', aliases: ['STC', 'Sở TC'], kind: 'so' },
  { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', short: 'Sở KH&CN', aliases: ['SKHCN'], kind: 'so' },
  { id: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh', short: 'VP UBND tỉnh', aliases: ['VP UBND', 'VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh'], kind: 'so' },
  { id: 'ban-tuyen-giao', name: 'Ban Tuyên giáo Đảng ủy', short: 'BTG Đảng ủy', aliases: ['Ban Tuyên giáo', 'BTG'], kind: 'ban' },
  { id: 'cong-chuc-van-phong', name: 'Công chức Văn phòng UBND xã', short: 'VP UBND xã', aliases: ['Văn phòng - Thống kê'], kind: 'cong-chuc' },
  { id: 'cong-chuc-vhxh', name: 'Công chức Văn hóa - xã hội', short: 'Công chức VHXH', aliases: ['VHXH', 'VH-XH', 'Văn hóa - xã hội'], kind: 'cong-chuc' },
  { id: 'cong-chuc-tu-phap', name: 'Công chức Tư pháp', aliases: ['Tư pháp - Hộ tịch', 'TP-HT'], kind: 'cong-chuc' },
  { id: 'cong-chuc-tai-chinh', name: 'Công chức Tài chính - Kế toán', aliases: ['Tài chính - Kế toán', 'TC-KT'], kind: 'cong-chuc' },
];

/** Agencies that no longer exist: the drafter marks them inactive and adds their successor. */
export const reorganised: { from: string; to: string; since: string }[] = [
  { from: 'so-tttt', to: 'so-vhttdl', since: '2025-03-01' },
];

/** Kind of an agency from how its name starts (normalized). */
export function kindOf(normalizedName: string): Kind {
  const rules: [RegExp, Kind][] = [
    [/^(cac )?co quan trung uong/, 'trung-uong'],
    [/^(cac )?(co quan bao chi|bao |dai |tap chi)/, 'bao-chi'],
    [/^(cac )?(ubnd|uy ban nhan dan)/, 'ubnd'],
    [/^cong chuc/, 'cong-chuc'],
    [/^(cac )?so\b/, 'so'],
    [/^van phong/, 'so'],
    [/^(cac )?phong\b/, 'nganh'],
    [/^(cac )?ban\b/, 'ban'],
    [/^(hoi|doan|mat tran|lien doan)\b/, 'doan-the'],
  ];
  return rules.find(([re]) => re.test(normalizedName))?.[1] ?? 'khac';
}
