import { afterEach, describe, expect, it } from 'vitest';
import { findActivity, findConversation, listActivities, listAudit } from '../../../src/db/index.js';
import { activityText, onboarding } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

// /sua and /ghinhan check permission again when saving, as /xoa does when deleting: an officer removed from the
// agency (or blocked, or moved) between the start and "Lưu" changes nothing.

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ONE_LINER = '/ghinhan họp báo hôm qua: Họp báo quý IV về dự thảo nghị quyết học phí';

/** The admin removes An from Sở Tư pháp through /xoacanbo's button. */
async function removeAn(app: TestApp): Promise<void> {
  const [list] = await app.say('admin', '/xoacanbo Sở Tư pháp Vĩnh Phúc');
  await app.say('admin', '', { choice: list!.choices![0]!.id });
}

describe('saving an activity checks permission again', () => {
  it('/sua: an officer removed after starting the edit cannot save it; the activity stays as it was', async () => {
    t = await createTestApp();
    await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
    await t.say('an', ONE_LINER);
    await t.say('an', 'Lưu');
    const id = (await listActivities(t.app.db, { limit: 1, offset: 0 })).rows[0]!.id;
    expect(await t.sayText('an', `/sua ${id}`)).toContain(`Sửa hoạt động #${id}`);
    await t.say('an', 'Sửa tiêu đề');
    await t.say('an', 'Tiêu đề đã bị sửa');
    await removeAn(t);
    expect(await t.sayText('an', 'Lưu')).toBe(activityText.otherAgency(id));
    expect((await findActivity(t.app.db, id))!.title).toBe('Họp báo quý IV về dự thảo nghị quyết học phí');
    expect(await findConversation(t.app.db, { platform: 'console', chatId: 'an', userId: 'an' })).toBeUndefined();
    expect((await listAudit(t.app.db, 50)).map((a) => a.action)).not.toContain('activity.update');
    // Starting again is refused too: the author is no longer an officer of the agency.
    expect(await t.sayText('an', `/sua ${id}`)).toBe(activityText.otherAgency(id));
  });

  it('/ghinhan: an officer removed before pressing "Lưu" logs nothing for the agency', async () => {
    t = await createTestApp();
    await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
    await t.say('an', ONE_LINER);
    await removeAn(t);
    expect(await t.sayText('an', 'Lưu')).toBe(onboarding.notOfficer);
    expect(await sqlGet(t.app.db, 'SELECT count(*) AS n FROM activities')).toEqual({ n: 0 });
  });
});
