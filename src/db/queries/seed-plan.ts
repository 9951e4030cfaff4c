import type { Db } from '../client.js';

// The plan part of seeded networks: one yearly duty for every agency and a short report template.

/** Ids of the shipped activity type catalog (plans/activity-types.yaml), commonest first. */
export const seedTypeIds = [
  'tin-bai-cong-tt',
  'bai-mxh',
  'thong-tin-co-so',
  'hop-bao',
  'phong-van',
  'thong-cao',
  'giao-ban-bao-chi',
  'lay-y-kien-du-thao',
  'tap-huan',
  'doi-thoai-toa-dam',
  'theo-doi-du-luan',
  'cai-chinh-tin-gia',
  'dat-hang-bao-chi',
  'ke-hoach-truyen-thong',
  'nhan-su-phat-ngon',
  'kinh-phi',
  'xu-ly-khung-hoang',
];

export const SEED_DUTY = 'bao-cao-nam';
export const SEED_TEMPLATE = 'bao-cao-nam';

export const seedDutySpec = {
  id: SEED_DUTY,
  title: 'Báo cáo kết quả thực hiện Chỉ thị 07/CT-TTg hằng năm',
  kind: 'dinh-ky',
  reporters: 'all',
  receiver: 'UBND',
  frequency: 'yearly',
  cutoff: 'nd09',
  deadline: { day: 15, month: 12, wording: 'trước ngày 15/12' },
  template: SEED_TEMPLATE,
};

export const seedTemplateSpec = {
  id: SEED_TEMPLATE,
  title: 'Báo cáo kết quả thực hiện Chỉ thị 07/CT-TTg',
  questions: [
    { id: 'chi-dao', type: 'text', section: 'I', prompt: 'Công tác lãnh đạo, chỉ đạo', optional: false },
    {
      id: 'so-tin-bai',
      type: 'number',
      section: 'II',
      prompt: 'Số tin, bài đăng trên cổng/trang thông tin điện tử',
      optional: false,
    },
    { id: 'kho-khan', type: 'text', section: 'V', prompt: 'Khó khăn, vướng mắc', optional: true, marks: 'difficulty' },
    { id: 'de-xuat', type: 'text', section: 'V', prompt: 'Đề xuất, kiến nghị', optional: true, marks: 'proposal' },
  ],
};

export function seedDuty(db: Db, networkId: string): number {
  const row = db.sqlite
    .prepare('INSERT INTO duties (network_id, slug, spec, active) VALUES (?, ?, ?, 1)')
    .run(networkId, SEED_DUTY, JSON.stringify(seedDutySpec));
  return Number(row.lastInsertRowid);
}

export function seedTemplate(db: Db, networkId: string): void {
  db.sqlite
    .prepare('INSERT INTO templates (network_id, slug, spec) VALUES (?, ?, ?)')
    .run(networkId, SEED_TEMPLATE, JSON.stringify(seedTemplateSpec));
}
