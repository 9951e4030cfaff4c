import { afterEach, describe, expect, it } from 'vitest';
import { blockPerson, ensureActor, findAgencyBySlug, grantRole, listJoinStates } from '../../../src/db/index.js';
import { statusText } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { seedBigNetwork } from '../../../src/db/seed.js';

// `/tinhhinh thamgia`: joined = an approved officer who is not blocked; invited = an open invite and no officer.

let t: TestApp;
afterEach(async () => t?.close());

async function world(): Promise<{ total: number }> {
  t = await createTestApp();
  await t.registerOfficer('ngoaivu', 'vinh-phuc', 'so-ngoai-vu', 'Cán bộ Ngoại vụ');
  const blocked = await t.registerOfficer('noivu', 'vinh-phuc', 'so-noi-vu', 'Cán bộ Nội vụ');
  await blockPerson(t.app.db, { personId: blocked, actorPersonId: blocked, at: t.clock.now });
  const justice = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
  expect(await t.sayText('admin', `/moi #${justice.id}`)).toContain('Sở Tư pháp');
  const leader = await ensureActor(t.app.db, { platform: 'console', userId: 'lanhdao', name: 'Lãnh đạo' }, []);
  await grantRole(t.app.db, {
    personId: leader.personId,
    networkId: 'vinh-phuc',
    role: 'leader',
    actorPersonId: leader.personId,
    at: t.clock.now,
  });
  return { total: (await listJoinStates(t.app.db, 'vinh-phuc', t.clock.now)).length };
}

describe('/tinhhinh thamgia', () => {
  it('counts agencies with an officer, lists the invited and the not invited, and sends the chart', async () => {
    const { total } = await world();
    const replies = await t.say('lanhdao', '/tinhhinh thamgia');
    const text = replies[0]!.text;
    expect(text).toContain('THAM GIA MẠNG LƯỚI: Tỉnh Vĩnh Phúc');
    // The blocked officer of Sở Nội vụ does not count.
    expect(text).toContain(`Đã tham gia: 1/${total} cơ quan`);
    expect(text).toMatch(/Đã mời, chưa tham gia \(1\):\n- Sở Tư pháp/);
    expect(text).toMatch(new RegExp(`Chưa mời \\(${total - 2}\\):`));
    expect(text).toContain('- Sở Nội vụ');
    expect(text).not.toContain('- Sở Ngoại vụ');
    const chart = replies.find((r) => r.file)?.file;
    expect(chart?.kind).toBe('photo');
    expect(chart?.data.subarray(1, 4).toString()).toBe('PNG');
  });

  it('is typed in words, without diacritics, and as /status joined', async () => {
    await world();
    const first = (await t.say('lanhdao', '/tinhhinh thamgia'))[0]!.text;
    expect((await t.say('lanhdao', '/tinhhinh tham gia vinh phuc'))[0]!.text).toBe(first);
    expect((await t.say('lanhdao', '/status joined'))[0]!.text).toBe(first);
  });

  it('cuts long lists with the command that shows them all, which sends no chart', async () => {
    t = await createTestApp();
    await seedBigNetwork(t.app.db, { networks: 1, agenciesPerNetwork: 60, activities: 0, prefix: 'tinh' });
    const text = (await t.say('admin', '/tinhhinh thamgia tinh'))[0]!.text;
    const cut = /… và (\d+) cơ quan khác \(xem đủ: (\/tinhhinh thamgia tinh ds)\)/.exec(text);
    expect(cut, text).not.toBeNull();
    expect(text.split('\n').length).toBeLessThanOrEqual(25);
    const full = await t.say('admin', cut![2]!);
    expect(full).toHaveLength(1);
    expect(full[0]!.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(60);
  });

  it('refuses officers and strangers', async () => {
    await world();
    expect(await t.sayText('ngoaivu', '/tinhhinh thamgia')).toBe(statusText.notLeader('Tỉnh Vĩnh Phúc'));
    expect(await t.sayText('nguoila', '/tinhhinh thamgia vinh-phuc')).toBe(statusText.notMember);
  });
});
