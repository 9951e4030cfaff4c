import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureActor,
  findAgencyBySlug,
  insertMembershipRequest,
  listAudit,
  listOutgoing,
} from '../../../src/db/index.js';
import { accessText } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll, sqlGet } from '../../support/sql.js';

// Each registration request is a notice to every admin: one open request per person and network, a cap per
// network, and names without bidi-override or zero-width characters wherever they are stored or shown.

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** /dangky without a code, Vĩnh Phúc, the agency typed, confirmed: the last reply's text. */
async function request(app: TestApp, userId: string, agency: string, name = userId): Promise<string> {
  const networks = await app.say(userId, '/dangky', { name });
  const vp = networks[0]!.choices!.findIndex((c) => c.label === 'Tỉnh Vĩnh Phúc') + 1;
  await app.say(userId, String(vp), { name });
  await app.say(userId, agency, { name });
  return app.sayText(userId, 'có', { name });
}

const adminNotices = async (app: TestApp) =>
  (await listOutgoing(app.app.db, 'console')).filter(
    (m) => m.chatId === 'admin' && m.text.startsWith('Yêu cầu đăng ký #'),
  );

describe('registration requests are limited', () => {
  it('keeps one open request per person and network: a second is refused and the admins are not told again', async () => {
    t = await createTestApp();
    await t.say('admin', '/trogiup');
    expect(await request(t, 'minh', 'tai chinh')).toContain('Đã gửi yêu cầu');
    expect(await request(t, 'minh', 'tu phap')).toBe(
      accessText.requestPending('Sở Tài chính', 'Tỉnh Vĩnh Phúc', '21/11/2026'),
    );
    expect(await request(t, 'minh', 'tai chinh')).toContain('đang chờ quản trị viên duyệt');
    expect(await adminNotices(t)).toHaveLength(1);
    const refused = (await listAudit(t.app.db, 50)).filter((a) => a.action === 'membership.request_refused');
    expect(refused.map((a) => a.detail.reason)).toEqual(['pending', 'pending']);
  });

  it('takes no more requests in a network with 50 waiting, and says how to register instead', async () => {
    t = await createTestApp();
    const db = t.app.db;
    const agency = (await findAgencyBySlug(db, 'vinh-phuc', 'so-tai-chinh'))!;
    for (let i = 0; i < 50; i++) {
      const { personId } = await ensureActor(db, { platform: 'console', userId: `p${i}`, name: `P${i}` }, []);
      await insertMembershipRequest(db, {
        personId,
        networkId: 'vinh-phuc',
        agencyId: agency.id,
        at: t.clock.now,
        notices: () => [],
      });
    }
    await t.say('admin', '/trogiup');
    expect(await request(t, 'minh', 'tai chinh')).toBe(accessText.requestsFull('Tỉnh Vĩnh Phúc'));
    expect(await adminNotices(t)).toHaveLength(0);
    expect(await sqlGet(db, "SELECT count(*) AS n FROM memberships WHERE status = 'pending'")).toEqual({
      n: 50,
    });
  });
});

describe('names are stored and shown without bidi overrides or zero-width characters', () => {
  it("strips them from the name in the person, the identity, the admins' notice and the request list", async () => {
    t = await createTestApp();
    await t.say('admin', '/trogiup');
    const disguised = 'Tr\u202eần Thị\u200b Bình\u2066';
    expect(await request(t, 'binh', 'tai chinh', disguised)).toContain('Đã gửi yêu cầu');
    const notices = await adminNotices(t);
    expect(notices[0]!.text).toContain('Trần Thị Bình xin làm cán bộ đầu mối');
    const stored = JSON.stringify(
      await sqlAll(t.app.db, 'SELECT p.name, i.display_name FROM persons p JOIN identities i ON i.person_id = p.id'),
    );
    expect(stored).not.toMatch(/[\u202e\u200b\u2066]/);
    expect(await t.sayText('admin', '/duyet')).toContain('Trần Thị Bình - Sở Tài chính');
  });

  it('strips them from texts before they are stored or repeated back', async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const preview = await t.sayText('lan', '/ghinhan họp báo\u200b về\u202e đầu tư hôm nay');
    expect(preview).toContain('Tiêu đề: Họp báo về đầu tư');
    expect(preview).not.toMatch(/[\u202e\u200b]/);
    const state = JSON.stringify(await sqlAll(t.app.db, 'SELECT state FROM conversations'));
    expect(state).toContain('Họp báo về đầu tư');
    expect(state).not.toMatch(/[\u202e\u200b]/);
  });
});
