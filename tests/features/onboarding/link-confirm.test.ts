import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, listAudit } from '../../../src/db/index.js';
import { linkText, onboarding } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlRun } from '../../support/sql.js';

// /lienket <mã> links only after the typer has seen both accounts and confirmed, and never hands one account's
// roles or agency to a person who did not hold them (an admin who types someone else's code must not make them admin).

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const zalo = { platform: 'zalo' as const };
const codeIn = (text: string) => /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(text)?.[1] ?? '';
const personOf = async (app: TestApp, platform: 'zalo' | 'console', userId: string) =>
  (await ensureActor(app.app.db, { platform, userId, name: userId }, [])).personId;
const actions = async (app: TestApp) => (await listAudit(app.app.db, 100)).map((a) => a.action);
const grantLeader = (app: TestApp, personId: number) =>
  sqlRun(app.app.db, "INSERT INTO roles (person_id, network_id, role) VALUES (?, 'vinh-phuc', 'leader')", personId);

describe('/lienket <mã> asks before linking', () => {
  it('shows who is linked (name, platform, id, @username) and merges only on the button, which carries the ids', async () => {
    t = await createTestApp();
    const officer = await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Thị Lan');
    const code = codeIn(await t.sayText('lan', '/lienket'));
    const zaloPerson = await personOf(t, 'zalo', 'z-lan');
    const [ask] = await t.say('z-lan', `/lienket ${code}`, { ...zalo, name: 'Lan Zalo', username: 'lanzalo' });
    expect(ask!.text).toContain('z-lan [zalo:z-lan @lanzalo], lần đầu nhắn bot ngày');
    expect(ask!.text).toContain('Nguyễn Thị Lan [console:lan], lần đầu nhắn bot ngày');
    expect(ask!.choices!.map((c) => c.label)).toEqual([linkText.confirmLabel, linkText.declineLabel]);
    const confirm = ask!.choices![0]!.id;
    expect(confirm).toBe(`/lienket ok ${officer} ${code.replace('-', '')}`);
    expect(await personOf(t, 'zalo', 'z-lan')).toBe(zaloPerson);
    expect(await actions(t)).not.toContain('person.merge');

    expect(await t.sayText('z-lan', '', { ...zalo, choice: confirm })).toContain('Đã liên kết');
    expect(await personOf(t, 'zalo', 'z-lan')).toBe(officer);
    const merge = (await listAudit(t.app.db, 100)).find((a) => a.action === 'person.merge');
    expect(merge?.detail).toEqual({ into: officer, from: zaloPerson, confirmedBy: zaloPerson });
    // Pressed again: the code is used, nothing more happens.
    expect(await t.sayText('z-lan', '', { ...zalo, choice: confirm })).toBe(linkText.invalid);
  });

  it('declining links nothing and is audited; a button naming another issuer links nothing', async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const other = await personOf(t, 'console', 'binh');
    const code = codeIn(await t.sayText('lan', '/lienket'));
    const zaloPerson = await personOf(t, 'zalo', 'z-lan');
    const [ask] = await t.say('z-lan', `/lienket ${code}`, zalo);
    expect(await t.sayText('z-lan', '', { ...zalo, choice: ask!.choices![1]!.id })).toBe(linkText.declined);
    expect(await actions(t)).toContain('identity.link_declined');
    const forged = `/lienket ok ${other} ${code.replace('-', '')}`;
    expect(await t.sayText('z-lan', forged, zalo)).toBe(linkText.invalid);
    expect(await personOf(t, 'zalo', 'z-lan')).toBe(zaloPerson);
    expect(await actions(t)).not.toContain('person.merge');
  });
});

describe('/lienket never hands roles to a person who did not hold them', () => {
  it("an admin typing a stranger's code is refused (even with the button typed by hand) and told which way works", async () => {
    t = await createTestApp();
    const stranger = await personOf(t, 'zalo', 'z-mallory');
    const code = codeIn(await t.sayText('z-mallory', '/lienket', zalo));
    const reply = await t.sayText('admin', `/lienket ${code}`);
    expect(reply).toBe(linkText.accessReversed([linkText.held('admin', null)]));
    expect(reply).toContain('gõ /lienket ở đây');
    const admin = await personOf(t, 'console', 'admin');
    expect(await t.sayText('admin', `/lienket ok ${stranger} ${code.replace('-', '')}`)).toBe(
      linkText.accessReversed([linkText.held('admin', null)]),
    );
    expect(await personOf(t, 'console', 'admin')).toBe(admin);
    expect(await t.sayText('z-mallory', '/moi ds', zalo)).toBe(onboarding.adminOnly);
    expect(await actions(t)).toContain('identity.link_refused');
    expect(await actions(t)).not.toContain('person.merge');
  });

  it("a leader typing an officer's code is refused with /capquyen named: each holds what the other lacks", async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const leader = await personOf(t, 'zalo', 'z-binh');
    await grantLeader(t, leader);
    const code = codeIn(await t.sayText('lan', '/lienket'));
    const reply = await t.sayText('z-binh', `/lienket ${code}`, zalo);
    expect(reply).toBe(
      linkText.accessDiffers(
        [linkText.held('leader', 'Tỉnh Vĩnh Phúc')],
        [linkText.held('officer', 'Tỉnh Vĩnh Phúc', 'Sở Tư pháp')],
      ),
    );
    expect(reply).toContain('/capquyen');
    expect(await personOf(t, 'zalo', 'z-binh')).toBe(leader);
  });

  it('links when the typing account holds nothing the issuer lacks (the leader issues, a new account types)', async () => {
    t = await createTestApp();
    const leader = await personOf(t, 'zalo', 'z-binh');
    await grantLeader(t, leader);
    const code = codeIn(await t.sayText('z-binh', '/lienket', zalo));
    const [ask] = await t.say('binh', `/lienket ${code}`);
    expect(await t.sayText('binh', '', { choice: ask!.choices![0]!.id })).toContain('Đã liên kết');
    expect(await personOf(t, 'console', 'binh')).toBe(leader);
  });
});
