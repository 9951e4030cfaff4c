import { ensureActor, findAgencyBySlug, grantRole, listAgencies } from '../../src/db/index.js';
import { resolveStatusPeriod } from '../../src/features/status/summary.js';
import type { Platform } from '../../src/kernel/message.js';
import type { TestApp } from './test-app.js';
import { insertActivityRows, insertSubmissionRow, type SeedActivityRow, upsertPeriod } from '../../src/db/seed.js';

// Vĩnh Phúc's yearly period 2026 runs 15/12/2025-14/12/2026, due 15/12/2026; the previous one 15/12/2024-
// 14/12/2025. STATUS_NOW is five days after the deadline, still within the week the period stays current.

export const STATUS_NOW = new Date('2026-12-20T09:00:00+07:00');

/** Agencies that owe Vĩnh Phúc's report: 13 active, less Sở VHTTDL, which receives it in Sở TT&TT's place. */
export const VINH_PHUC_ACTIVE_AGENCIES = 12;
export const at = (local: string): Date => new Date(`${local}+07:00`);

export async function makeLeader(
  t: TestApp,
  userId: string,
  networkId: string,
  platform: Platform = 'console',
): Promise<number> {
  const actor = await ensureActor(t.app.db, { platform, userId, name: userId, privateChatId: userId }, []);
  await grantRole(t.app.db, {
    personId: actor.personId,
    networkId,
    role: 'leader',
    actorPersonId: actor.personId,
    at: t.clock.now,
  });
  return actor.personId;
}

export async function agencyId(t: TestApp, networkId: string, slug: string): Promise<number> {
  const agency = await findAgencyBySlug(t.app.db, networkId, slug);
  if (!agency) throw new Error(`No agency ${slug} in ${networkId}`);
  return agency.id;
}

/**
 * Current period: Sở Tư pháp 3 activities and an on-time report with a difficulty and a proposal; Sở Nội vụ 1
 * activity (plus a deleted one) and a second version filed late; Sở Tài chính 1 activity on the first day.
 * Previous period: 2 activities. Outside both, and in Cẩm Thành: activities that must not count.
 */
export async function seedVinhPhuc(t: TestApp, personId: number): Promise<void> {
  const db = t.app.db;
  const [stp, snv, stc, vh] = await Promise.all(
    ['so-tu-phap', 'so-noi-vu', 'so-tai-chinh', 'so-vhttdl'].map((s) => agencyId(t, 'vinh-phuc', s)),
  );
  const camThanh = (await listAgencies(db, 'cam-thanh'))[0]!.id;
  const row = (networkId: string, agency: number, typeId: string, date: string, deleted = false): SeedActivityRow => ({
    networkId,
    agencyId: agency,
    personId,
    typeId,
    date,
    deleted,
  });
  await insertActivityRows(
    db,
    [
      row('vinh-phuc', stp!, 'hop-bao', '2026-03-10'),
      row('vinh-phuc', stp!, 'tin-bai-cong-tt', '2026-10-01'),
      row('vinh-phuc', stp!, 'tin-bai-cong-tt', '2026-11-20'),
      row('vinh-phuc', snv!, 'tap-huan', '2026-05-05'),
      row('vinh-phuc', snv!, 'hop-bao', '2026-06-01', true),
      row('vinh-phuc', stc!, 'hop-bao', '2025-12-15'),
      row('vinh-phuc', stp!, 'hop-bao', '2025-12-14'),
      row('vinh-phuc', vh!, 'bai-mxh', '2025-06-01'),
      row('vinh-phuc', vh!, 'bai-mxh', '2024-12-14'),
      row('cam-thanh', camThanh, 'hop-bao', '2026-04-01'),
    ],
    t.clock.now,
  );
  const { duty, period } = await resolveStatusPeriod(db, 'vinh-phuc', t.clock.now);
  const periodId = await upsertPeriod(db, duty!.id, period);
  await insertSubmissionRow(db, {
    periodId,
    agencyId: stp!,
    personId,
    late: false,
    submittedAt: at('2026-11-18T10:15:00'),
    answers: {
      'so-hop-bao': 2,
      'chi-dao': 'Ban hành Kế hoạch số 15/KH-STP.',
      'ke-hoach-nam': true,
      'ket-qua-nhiem-vu': { 'nv-1a': { status: 'done' } },
    },
    issues: [
      { kind: 'difficulty', text: 'Thiếu kinh phí thuê chuyên gia.' },
      { kind: 'proposal', text: 'Đề nghị bố trí kinh phí truyền thông riêng.' },
    ],
  });
  await insertSubmissionRow(db, {
    periodId,
    agencyId: snv!,
    personId,
    late: false,
    submittedAt: at('2026-12-01T08:00:00'),
    answers: {},
    issues: [{ kind: 'difficulty', text: 'Ý kiến của bản cũ' }],
  });
  await insertSubmissionRow(db, {
    periodId,
    agencyId: snv!,
    personId,
    late: true,
    submittedAt: at('2026-12-17T16:30:00'),
    answers: { 'so-hop-bao': 0 },
  });
}
