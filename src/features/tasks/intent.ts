import type { Intent } from '../../bot/context.js';

// Free-text questions about tasks, matched on diacritics-free lowercase text.

const ME = '(toi|minh|em|chung toi|don vi (toi|minh)|co quan (toi|minh))';
// People shorten: "nv của tôi", "nhiệm vụ của tôi là j".
const NV = '(nhiem vu|nv|nvu)';
const GI = '(gi|j|chi)';
const WHAT = `(${GI}|nhung ${GI}|viec ${GI}|${NV} ${GI}|nhung ${NV} ${GI}|nhung viec ${GI})`;
const SHOW = '(xem |cho (toi )?xem |liet ke )?(cac )?';

/** "nhiệm vụ của tôi", "tôi phải làm gì (theo chỉ thị 07)?", "tôi được giao gì". */
const own = [
  new RegExp(`^${SHOW}${NV}( duoc giao)?( cua ${ME})?( la ${GI})?( theo .*)?$`),
  new RegExp(`^${ME} (phai|can|duoc giao|co nhiem vu) (lam )?${WHAT}( .*)?$`),
];

/** "nhiệm vụ của Sở Tư pháp", "Sở Tài chính được giao gì?". */
const ofAgency = [
  new RegExp(`^${SHOW}${NV} (duoc giao )?(cua )?(?<agency>.+)$`),
  new RegExp(`^(?<agency>.+?) (duoc giao|phai lam|can lam|co nhiem vu|co nhung nhiem vu) (lam )?${WHAT}( .*)?$`),
];

/** The agency the text asks about, or '' for the asker's own agency. */
export function taskQuestionArgs(normalized: string): string {
  if (own.some((p) => p.test(normalized))) return '';
  for (const pattern of ofAgency) {
    const agency = pattern.exec(normalized)?.groups?.agency;
    if (agency)
      return agency
        .replace(/ (theo|tai) (chi thi|ke hoach|cong van|van ban)\b.*$/, '')
        .replace(/ la (gi|j|chi)$/, '')
        .trim();
  }
  return '';
}

export const taskIntent: Intent = {
  command: 'nhiemvu',
  patterns: [...own, ...ofAgency],
  args: (normalized) => taskQuestionArgs(normalized),
};
