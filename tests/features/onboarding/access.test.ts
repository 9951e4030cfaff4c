import { afterEach, describe, expect, it } from 'vitest';
import {
  createDraft,
  ensurePeriod,
  findAgencyBySlug,
  findDraft,
  insertActivity,
  listAgencyDuties,
  listAudit,
  listOutgoing,
} from '../../../src/db/index.js';
import { periodsBetween } from '../../../src/kernel/calendar/periods.js';
import { addDays, toVnDate } from '../../../src/kernel/calendar/vn-time.js';
import { accessText, onboarding } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll, sqlGet, sqlRun } from '../../support/sql.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const codeIn = (text: string) => /: ([A-Z2-9]{8})\n/.exec(text)?.[1] ?? '';
const auditActions = async (app: TestApp) => (await listAudit(app.app.db, 200)).map((e) => e.action);

/** Lan is the officer of Sở Tư pháp Vĩnh Phúc, with an activity and a report draft she holds. */
async function officerWithHistory(app: TestApp) {
  const db = app.app.db;
  const lan = await app.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Thị Lan');
  const agency = (await findAgencyBySlug(db, 'vinh-phuc', 'so-tu-phap'))!;
  const activityId = await insertActivity(
    db,
    {
      networkId: 'vinh-phuc',
      agencyId: agency.id,
      authorPersonId: lan,
      typeId: 'hop-bao',
      date: '2026-11-20',
      title: 'Họp báo',
      link: null,
      quantity: null,
      participants: null,
      taskId: null,
      attachments: [],
    },
    app.clock.now,
  );
  const duty = (await listAgencyDuties(db, 'vinh-phuc', 'so-tu-phap'))[0]!;
  const today = toVnDate(app.clock.now);
  const period = await ensurePeriod(
    db,
    duty.id,
    periodsBetween(duty.spec, addDays(today, -30), addDays(today, 400))[0]!,
  );
  const key = { periodId: period.id, agencyId: agency.id };
  await createDraft(
    db,
    { ...key, personId: lan, answers: {}, attachments: [], baseVersion: 0, at: app.clock.now },
    undefined,
  );
  return { lan, activityId, key };
}

describe('/xoacanbo removes an officer from an agency', () => {
  it('lists who the officer is, ends the membership on the button, tells them, keeps history, releases drafts', async () => {
    t = await createTestApp();
    const { lan, activityId, key } = await officerWithHistory(t);
    const [list] = await t.say('admin', '/xoacanbo Sở Tư pháp Vĩnh Phúc');
    expect(list!.text).toContain('Nguyễn Thị Lan [console:lan]');
    const button = list!.choices!.find((c) => c.label === accessText.removeLabel('Nguyễn Thị Lan'))!;
    expect(button.id).toMatch(/^\/xoacanbo cb \d+$/);
    expect(await t.sayText('admin', '', { choice: button.id })).toBe(
      accessText.removed('Nguyễn Thị Lan', 'Sở Tư pháp', 1),
    );
    // Pressed twice (or by a second admin): nothing left to remove.
    expect(await t.sayText('admin', '', { choice: button.id })).toBe(accessText.officerGone);
    expect(await t.sayText('lan', '/nhiemvu')).toContain(onboarding.notRegistered.split('\n')[0]!);
    const db = t.app.db;
    const row = (await sqlGet<{ status: string; endedAt: number | null }>(
      db,
      'SELECT status, ended_at AS endedAt FROM memberships WHERE person_id = ?',
      lan,
    ))!;
    expect(row.status).toBe('left');
    expect(row.endedAt).toBe(t.clock.now.getTime());
    const author = await sqlGet(db, 'SELECT author_person_id AS a FROM activities WHERE id = ?', activityId);
    expect(author).toEqual({ a: lan });
    expect((await findDraft(db, key))!.updatedAt.getTime()).toBe(0);
    const told = (await listOutgoing(db, 'console')).filter((m) => m.chatId === 'lan');
    expect(told.map((m) => m.text)).toEqual([accessText.removedNotice('Sở Tư pháp', 'Tỉnh Vĩnh Phúc')]);
    expect(await auditActions(t)).toContain('membership.end');
  });

  it('refuses officers and admins of another network, even with a forged button', async () => {
    t = await createTestApp();
    await officerWithHistory(t);
    const [list] = await t.say('admin', '/xoacanbo Sở Tư pháp Vĩnh Phúc');
    const id = list!.choices![0]!.id;
    expect(await t.sayText('lan', id)).toBe(onboarding.adminOnly);
    await t.say('bd', '/start');
    await sqlRun(
      t.app.db,
      "INSERT INTO roles (person_id, network_id, role) SELECT person_id, 'binh-dinh', 'admin' FROM identities WHERE user_id = 'bd'",
    );
    expect(await t.sayText('bd', id)).toBe(onboarding.notAdminOf('Tỉnh Vĩnh Phúc'));
    expect(await auditActions(t)).not.toContain('membership.end');
  });
});

describe('/moi ds and /moi huy', () => {
  it('lists open invites by number and hint and cancels one: the code no longer registers anyone', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('admin', '/moi Sở Tài chính Vĩnh Phúc'));
    const name = accessText.inviteName(1, code.slice(-2));
    const [list] = await t.say('admin', '/moi ds');
    expect(list!.text).toContain(`${name} - Sở Tài chính (Tỉnh Vĩnh Phúc), hết hạn ngày 28/11/2026`);
    expect(list!.text).not.toContain(code);
    const button = list!.choices!.find((c) => c.label === accessText.cancelInviteLabel(name, 'Sở Tài chính'))!;
    expect(button.id).toBe('/moi huy #1');
    expect(await t.sayText('admin', '', { choice: button.id })).toBe(accessText.inviteCancelled(name));
    expect(await t.sayText('admin', '/moi ds')).toBe(accessText.noOpenInvites);
    expect(await t.sayText('admin', `/moi huy ${code.toLowerCase()}`)).toBe(accessText.inviteNotOpen(name));
    expect(await t.sayText('hoa', `/dangky ${code}`)).not.toContain('Đăng ký thành công');
    expect(await auditActions(t)).toContain('invite.cancel');
  });

  it('cancels by the typed code too, and answers an unknown number or code as not found', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('admin', '/moi Sở Tài chính Vĩnh Phúc'));
    expect(await t.sayText('admin', '/moi huy #99')).toBe(accessText.inviteNotFound('#99'));
    expect(await t.sayText('admin', '/moi huy ZZZZ2222')).toBe(accessText.inviteNotFound('ZZZZ2222'));
    expect(await t.sayText('admin', `/moi huy ${code.slice(0, 4)}-${code.slice(4)}`)).toBe(
      accessText.inviteCancelled(accessText.inviteName(1, code.slice(-2))),
    );
  });

  it('stores only a hash of the code: neither the invites table nor the audit log holds it', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('admin', '/moi Sở Tài chính Vĩnh Phúc'));
    expect(code).toHaveLength(8);
    const rows = JSON.stringify(await sqlAll(t.app.db, 'SELECT * FROM invites'));
    const audit = JSON.stringify(await listAudit(t.app.db, 200));
    expect(rows).not.toContain(code);
    expect(audit).not.toContain(code);
    expect(await t.sayText('hoa', `/dangky ${code}`)).toContain('Sở Tài chính');
    expect(JSON.stringify(await listAudit(t.app.db, 200))).not.toContain(code);
  });
});

describe('/chan and /bochan', () => {
  it('a blocked person is refused before any command, told once, then ignored and logged; unblocking restores', async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Thị Lan');
    expect(await t.sayText('admin', '/chan Nguyễn Thị Lan')).toBe(accessText.personUsage);
    expect(await t.sayText('admin', '/chan console:lan')).toContain('Đã chặn Nguyễn Thị Lan [console:lan]');
    expect(await t.sayText('lan', '/nhiemvu')).toBe(accessText.blockedNotice);
    expect(await t.say('lan', '/trogiup')).toEqual([]);
    expect(await t.say('lan', 'nhiệm vụ của tôi')).toEqual([]);
    expect(t.logs.filter((l) => l.msg === 'message from a blocked person refused')).toHaveLength(3);
    expect(await t.sayText('admin', '/bochan console:lan')).toBe(accessText.unblocked('Nguyễn Thị Lan'));
    expect(await t.sayText('lan', '/nhiemvu')).toContain('Sở Tư pháp');
    expect(await auditActions(t)).toEqual(expect.arrayContaining(['person.block', 'person.unblock']));
  });

  it('blocks a platform id before its first message; an ADMINS id cannot be, and nothing is recorded for it', async () => {
    t = await createTestApp({ env: { ADMINS: 'console:admin,telegram:777' } });
    expect(await t.sayText('admin', '/chan telegram:999')).toBe(accessText.blockedBeforeContact('telegram:999'));
    expect(await t.sayText('999', '/start', { platform: 'telegram', name: 'Spam' })).toBe(accessText.blockedNotice);
    expect(await t.say('999', '/dangky', { platform: 'telegram' })).toEqual([]);
    expect(await t.sayText('admin', '/chan telegram:777')).toBe(accessText.cannotBlockAdmin('telegram:777'));
    const ids = await sqlAll(t.app.db, "SELECT user_id AS id FROM identities WHERE platform = 'telegram'");
    expect(ids).toEqual([{ id: '999' }]);
    expect(await auditActions(t)).toContain('person.block');
  });

  it('blocks the author of the replied-to message in a group; never an admin, never by display name', async () => {
    t = await createTestApp();
    const group = { id: 'vp', title: 'Nhóm' };
    await t.say('spam', 'xin chào', { name: 'Quản trị', group });
    const replyTo = { id: 'spam', name: 'Quản trị' };
    expect(await t.sayText('admin', '/chan', { group, replyTo })).toContain('Đã chặn Quản trị [console:spam]');
    expect(await t.sayText('spam', '/start')).toBe(accessText.blockedNotice);
    expect(await t.sayText('admin', '/chan console:admin')).toBe(accessText.cannotBlockSelf);
    expect(await t.sayText('lan', '/chan console:admin')).toBe(onboarding.adminOnly);
  });
});

describe('/trogiup', () => {
  it('shows the commands that take access back to admins only', async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const officer = await t.sayText('lan', '/trogiup');
    const admin = await t.sayText('admin', '/trogiup');
    for (const command of ['/xoacanbo', '/chan', '/bochan', '/moi ds', '/moi huy #<số>', 'kể cả người chưa nhắn bot']) {
      expect(officer).not.toContain(command);
      expect(admin).toContain(command);
    }
  });
});
