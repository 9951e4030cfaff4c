import type { Intent } from '../../bot/context.js';

// Free-text questions leaders ask about status, matched on diacritics-free lowercase text.

const WHO = '(ai|nhung ai|con ai|co quan nao|nhung co quan nao|don vi nao|nhung don vi nao)';

const statusPatterns = [
  /^(cho (toi |em )?(xem |biet ))?tinh hinh( |$)/,
  new RegExp(`^${WHO}( van| con)? chua (nop|gui|bao cao)( |$)`),
  /^bao nhieu (co quan|don vi) (da )?(nop|gui)( |$)/,
  /^tong hop( giup| cho| giup cho)?( toi| em| minh)?( tinh hinh| bao cao| so lieu)?( voi)?$/,
  // "cho tôi xem biểu đồ": the chart comes with the network view.
  /^(cho (toi |em |minh )?)?(xem |gui )?(cai |cac )?bieu do( tinh hinh| bao cao| nop bao cao)?( di| voi| giup| nhe)?$/,
];

// Words around the name in "tình hình (nộp báo cáo) của Sở Tư pháp thế nào".
const FILLER = [
  /^(cho (toi |em )?(xem |biet ))?tinh hinh\s*/,
  /^(chung|nop bao cao|gui bao cao|bao cao|hoat dong|truyen thong)(\s|$)/,
  /^(cua|o|tai)\s+/,
  /\s*(the nao|ra sao|sao roi|nhu the nao|hien nay|hom nay|ky nay|nay)$/,
];

/** The agency or network a "tình hình ..." question names, or '' for the general view. */
export function statusQuestionArgs(normalized: string): string {
  if (!normalized.startsWith('tinh hinh') && !/^cho (toi |em )?(xem |biet )tinh hinh/.test(normalized)) return '';
  return FILLER.reduce((rest, pattern) => rest.replace(pattern, '').trim(), normalized);
}

export const statusIntent: Intent = {
  command: 'tinhhinh',
  patterns: statusPatterns,
  args: (normalized) => statusQuestionArgs(normalized),
};

const EXPORT_LEAD =
  /^(xuat|tai|gui|lay)( ra| ve)?( giup| cho)?( toi| em| minh)?( giup)?( cai| cac)?( file| tep| ban| bang)?( )?/;
const EXPORT_FILLER = /(^| )(bao cao|so lieu|du lieu|tong hop|file|tep|giup|voi|nhe|di)(?= |$)/g;

/** "xuất file excel", "tải báo cáo word vĩnh phúc": /xuat with the format and network words that remain. */
export const exportIntent: Intent = {
  command: 'xuat',
  patterns: [
    /^(xuat|tai|gui|lay)( ra| ve)?( giup| cho)?( toi| em| minh)?( giup)?( cai| cac)?( file| tep| ban| bang)? (excel|word|xlsx|docx|bao cao|so lieu|du lieu)( |$)/,
  ],
  args: (normalized) => normalized.replace(EXPORT_LEAD, '').replace(EXPORT_FILLER, ' ').replace(/\s+/g, ' ').trim(),
};
