import { ensureActor, findAgencyBySlug, insertActiveMembership } from '../../src/db/index.js';
import { resolveStatusPeriod } from '../../src/features/status/summary.js';
import { makeLeader, at } from './status-data.js';
import type { TestApp } from './test-app.js';
import { insertActivityRows, insertSubmissionRow, upsertPeriod } from '../../src/db/seed.js';

// Cẩm Thành in 2026 for the web tests, people on Telegram: a leader, an admin (ADMINS), two officers.
// Ban Tuyên giáo has submitted (twice) and logged two activities; every other reporting agency is missing.

export const LEADER = 501;
export const ADMIN = 500;
export const OFFICER_BTG = 502;
export const OFFICER_TP = 503;

export async function seedCamThanh(t: TestApp): Promise<void> {
  const db = t.app.db;
  await makeLeader(t, String(LEADER), 'cam-thanh', 'telegram');
  const btg = await officer(t, OFFICER_BTG, 'Trần Văn Bình', 'ban-tuyen-giao');
  await officer(t, OFFICER_TP, 'Lê Thị Hoa', 'cong-chuc-tu-phap');
  const agency = (await findAgencyBySlug(db, 'cam-thanh', 'ban-tuyen-giao'))!.id;
  await insertActivityRows(
    db,
    [
      {
        networkId: 'cam-thanh',
        agencyId: agency,
        personId: btg,
        typeId: 'hop-bao',
        date: '2026-04-01',
        title: 'Họp báo quý I',
      },
      {
        networkId: 'cam-thanh',
        agencyId: agency,
        personId: btg,
        typeId: 'tap-huan',
        date: '2026-09-12',
        title: 'Tập huấn cán bộ thôn',
      },
    ],
    t.clock.now,
  );
  const { duty, period } = await resolveStatusPeriod(db, 'cam-thanh', t.clock.now);
  const periodId = await upsertPeriod(db, duty!.id, period);
  for (const submittedAt of [at('2026-11-02T08:30:00'), at('2026-11-10T15:00:00')]) {
    await insertSubmissionRow(db, {
      periodId,
      agencyId: agency,
      personId: btg,
      late: false,
      submittedAt,
      answers: { 'so-hop-bao': 1 },
    });
  }
}

async function officer(t: TestApp, userId: number, name: string, slug: string): Promise<number> {
  const actor = await ensureActor(
    t.app.db,
    { platform: 'telegram', userId: String(userId), name, privateChatId: String(userId) },
    [],
  );
  const agency = (await findAgencyBySlug(t.app.db, 'cam-thanh', slug))!;
  await insertActiveMembership(t.app.db, {
    personId: actor.personId,
    networkId: 'cam-thanh',
    agencyId: agency.id,
    decidedBy: null,
    at: t.clock.now,
  });
  return actor.personId;
}
