import { afterEach, describe, expect, it } from 'vitest';
import { findActorByPerson, findPersonByPlatformId } from '../../../src/db/index.js';
import { onboarding } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const rolesOf = async (app: TestApp, platform: string, userId: string) => {
  const card = await findPersonByPlatformId(app.app.db, platform, userId);
  return (await findActorByPerson(app.app.db, card!.personId, []))!.roles;
};

describe('/capquyen gives a role only to a person identified beyond doubt', () => {
  it('a display name brings up who is behind it (platform, id, @username, first seen) and grants nothing yet', async () => {
    t = await createTestApp();
    // Someone renamed herself after the leader-to-be; she is the only "Trần Thị Bình" the bot knows.
    await t.say('evil', '/start', { name: 'Tran Thi Binh', platform: 'telegram', username: 'binh_that' });
    const [reply] = await t.say('admin', '/capquyen Trần Thị Bình lanhdao vinh-phuc');
    // First seen is the database's own clock (the row's creation), not the test clock.
    expect(reply!.text).toMatch(/Tran Thi Binh \[telegram:evil @binh_that\], lần đầu nhắn bot ngày \d\d\/\d\d\/\d{4}/);
    expect(await rolesOf(t, 'telegram', 'evil')).toEqual([]);
    const card = await findPersonByPlatformId(t.app.db, 'telegram', 'evil');
    expect(reply!.choices).toEqual([
      { id: `/capquyen #${card!.personId} lanhdao vinh-phuc`, label: 'Tran Thi Binh (telegram:evil @binh_that)' },
    ]);
    // The admin checked and it is the right person after all: the button carries the person id.
    expect(await t.sayText('admin', '', { choice: reply!.choices![0]!.id })).toBe(
      onboarding.granted('Tran Thi Binh', 'leader', 'Tỉnh Vĩnh Phúc'),
    );
    expect(await rolesOf(t, 'telegram', 'evil')).toEqual([{ networkId: 'vinh-phuc', role: 'leader' }]);
  });

  it('an @username also asks first; a platform id or a reply grants at once', async () => {
    t = await createTestApp();
    await t.say('111', '/start', { name: 'Trần Thị Bình', platform: 'telegram', username: 'binh' });
    await t.say('222', 'xin chào', { name: 'Lê Văn Cường', group: { id: 'g' } });
    expect(await t.sayText('admin', '/capquyen @binh lanhdao vinh-phuc')).toContain('[telegram:111 @binh]');
    expect(await rolesOf(t, 'telegram', '111')).toEqual([]);
    expect(await t.sayText('admin', '/capquyen telegram:111 lanhdao vinh-phuc')).toBe(
      onboarding.granted('Trần Thị Bình', 'leader', 'Tỉnh Vĩnh Phúc'),
    );
    const replyTo = { id: '222', name: 'Lê Văn Cường' };
    expect(await t.sayText('admin', '/capquyen quantri vinh-phuc', { group: { id: 'g' }, replyTo })).toBe(
      onboarding.granted('Lê Văn Cường', 'admin', 'Tỉnh Vĩnh Phúc'),
    );
    expect(await t.sayText('admin', '/capquyen #99999 lanhdao vinh-phuc')).toContain('#99999');
  });

  it('forgets a username the person dropped, so whoever takes it later is not mistaken for them', async () => {
    t = await createTestApp();
    await t.say('111', '/start', { name: 'Bình', platform: 'telegram', username: 'binh_vp' });
    await t.say('111', '/start', { name: 'Bình', platform: 'telegram' });
    expect((await findPersonByPlatformId(t.app.db, 'telegram', '111'))!.identities[0]!.username).toBeNull();
    expect(await t.sayText('admin', '/capquyen @binh_vp lanhdao vinh-phuc')).toBe(
      onboarding.personNotFound('@binh_vp'),
    );
  });
});
