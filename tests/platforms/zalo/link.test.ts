import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureActor,
  findActivity,
  findAgencyBySlug,
  insertActiveMembership,
  insertActivity,
  listAudit,
  listLinkedChats,
  listOutgoing,
} from '../../../src/db/index.js';
import { linkText } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

const zalo = { platform: 'zalo' as const };
const codeIn = (text: string) => /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(text)?.[1] ?? '';

async function zaloOfficer(userId: string, agencySlug: string): Promise<number> {
  const actor = await ensureActor(t.app.db, { platform: 'zalo', userId, name: userId, privateChatId: userId }, []);
  const agency = (await findAgencyBySlug(t.app.db, 'vinh-phuc', agencySlug))!;
  await insertActiveMembership(t.app.db, {
    personId: actor.personId,
    networkId: 'vinh-phuc',
    agencyId: agency.id,
    decidedBy: null,
    at: t.clock.now,
  });
  return actor.personId;
}

/** Types the code, checks the confirmation names both accounts, then presses "Liên kết". */
async function link(userId: string, code: string, options = {}): Promise<string> {
  const [ask] = await t.say(userId, `/lienket ${code}`, options);
  const confirm = ask?.choices?.find((c) => c.label === linkText.confirmLabel);
  if (!confirm) return ask?.text ?? '';
  return t.sayText(userId, '', { ...options, choice: confirm.id });
}

const personOf = async (platform: 'zalo' | 'console', userId: string) =>
  (await ensureActor(t.app.db, { platform, userId, name: userId }, [])).personId;

describe('/lienket: one person on two apps', () => {
  it('moves the typing account into the person who issued the code, with their registration and activities', async () => {
    t = await createTestApp();
    const consolePerson = await personOf('console', 'lan');
    const zaloPerson = await zaloOfficer('z-lan', 'so-tu-phap');
    const agency = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
    const activityId = await insertActivity(
      t.app.db,
      {
        networkId: 'vinh-phuc',
        agencyId: agency.id,
        authorPersonId: zaloPerson,
        typeId: 'hop-bao',
        date: '2026-11-20',
        title: 'Họp báo quý IV',
        link: null,
        quantity: null,
        participants: null,
        taskId: null,
        attachments: [],
      },
      t.clock.now,
    );
    const code = codeIn(await t.sayText('z-lan', '/lienket', zalo));
    expect(code).not.toBe('');

    expect(await link('lan', code.toLowerCase())).toContain('Đã liên kết');

    const linked = await ensureActor(t.app.db, { platform: 'console', userId: 'lan', name: 'lan' }, []);
    expect(linked.personId).toBe(zaloPerson);
    expect(linked.memberships.map((m) => m.agencySlug)).toEqual(['so-tu-phap']);
    expect((await findActivity(t.app.db, activityId))?.authorPersonId).toBe(zaloPerson);
    expect((await listLinkedChats(t.app.db, zaloPerson)).chats.map((c) => c.platform)).toEqual(['console', 'zalo']);
    expect(
      (await listAudit(t.app.db)).some((a) => a.action === 'person.merge' && a.detail.from === consolePerson),
    ).toBe(true);
    const notices = await listOutgoing(t.app.db, 'zalo');
    expect(notices).toEqual([
      expect.objectContaining({ chatId: 'z-lan', text: expect.stringContaining('console "lan" vừa được liên kết') }),
    ]);
  });

  it('refuses a used, an expired or a same-app code, and a code typed by the person who issued it', async () => {
    t = await createTestApp();
    const first = codeIn(await t.sayText('an', '/lienket'));
    expect(await t.sayText('an', `/lienket ${first}`)).toContain('đã được liên kết với nhau');
    expect(await t.sayText('binh', `/lienket ${first}`)).toContain('đã có một tài khoản console');
    expect(await link('z-an', first, zalo)).toContain('Đã liên kết');
    expect(await t.sayText('z-khac', `/lienket ${first}`, zalo)).toContain('không đúng hoặc đã được dùng');
    const second = codeIn(await t.sayText('an', '/lienket'));
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect(await t.sayText('z-khac', `/lienket ${second}`, zalo)).toContain('đã hết hạn');
    expect(await personOf('zalo', 'z-khac')).not.toBe(await personOf('console', 'an'));
  });

  it('refuses to merge two people who represent different agencies of one network, and changes nothing', async () => {
    t = await createTestApp();
    const consolePerson = await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const zaloPerson = await zaloOfficer('z-lan', 'so-noi-vu');
    const code = codeIn(await t.sayText('lan', '/lienket'));
    const reply = await t.sayText('z-lan', `/lienket ${code}`, zalo);
    expect(reply).toContain('Không liên kết được');
    expect(reply).toContain('Sở Tư pháp');
    expect(await personOf('zalo', 'z-lan')).toBe(zaloPerson);
    expect(await personOf('console', 'lan')).toBe(consolePerson);
    expect(
      (await ensureActor(t.app.db, { platform: 'zalo', userId: 'z-lan', name: 'z-lan' }, [])).memberships[0]
        ?.agencySlug,
    ).toBe('so-noi-vu');
  });

  it('keeps one membership when both identities represent the same agency', async () => {
    t = await createTestApp();
    const consolePerson = await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    await zaloOfficer('z-lan', 'so-tu-phap');
    const code = codeIn(await t.sayText('lan', '/lienket'));
    expect(await link('z-lan', code, zalo)).toContain('Đã liên kết');
    const actor = await ensureActor(t.app.db, { platform: 'console', userId: 'lan', name: 'lan' }, []);
    expect(actor.personId).toBe(consolePerson);
    expect(actor.memberships).toHaveLength(1);
  });

  it('stops accepting codes after five wrong guesses in an hour', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('an', '/lienket'));
    for (let i = 0; i < 5; i++) expect(await t.sayText('z-x', '/lienket AAAA-AAAA', zalo)).toContain('không đúng');
    expect(await t.sayText('z-x', `/lienket ${code}`, zalo)).toContain('quá nhiều lần');
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
    expect(await t.sayText('z-x', `/lienket ${code}`, zalo)).toContain('đã hết hạn');
  });

  it('lets a linked person choose the app reminders go to, by number on Zalo', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('lan', '/lienket'));
    await link('z-lan', code, zalo);
    const [menu] = await t.say('z-lan', '/lienket', zalo);
    expect(menu?.text).toContain('Tài khoản đã liên kết: console, Zalo.');
    expect(menu?.choices?.map((c) => c.label)).toEqual(['Nhận nhắc việc qua console', 'Nhận nhắc việc qua Zalo']);
    expect(await t.sayText('z-lan', '2', zalo)).toContain('Từ nay nhắc việc sẽ gửi qua Zalo.');
    expect((await listLinkedChats(t.app.db, await personOf('console', 'lan'))).preferred).toBe('zalo');
    expect(await t.sayText('lan', '/lienket nhận telegram')).toContain('Chưa gửi nhắc việc qua Telegram');
  });
});
