import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, listAudit } from '../../../src/db/index.js';
import { ALL_ANSWERS, chatAs, sendAll, textOf } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('discarding a report draft', () => {
  it('is written to the audit log: who, which period and agency', async () => {
    t = await createTestApp({ now: new Date('2026-11-21T09:00:00+07:00') });
    const personId = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
    const agency = (await findAgencyBySlug(t.app.db, 'cam-thanh', 'cong-chuc-tu-phap'))!;
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...ALL_ANSWERS]);
    await send('Hủy bản nháp');
    expect(textOf(await send('Xóa bản nháp'))).toBe('Đã xóa bản nháp.');
    const period = (await sqlGet(t.app.db, "SELECT id FROM periods WHERE key = '2026'")) as { id: number };
    const entry = (await listAudit(t.app.db, 50)).find((a) => a.action === 'report.draft.discard');
    expect(entry).toMatchObject({ actorPersonId: personId, detail: { periodId: period.id, agencyId: agency.id } });
  });
});
