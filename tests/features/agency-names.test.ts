import { afterEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../src/db/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An agency name that exists in two networks (Sở Tư pháp in Bình Định and in Vĩnh Phúc) for an admin of both.

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');
const BOTH = ['Sở Tư pháp (Tỉnh Bình Định)', 'Sở Tư pháp (Tỉnh Vĩnh Phúc)'];

describe('an agency name in two networks', () => {
  it('/baocao mo offers the agencies with their networks instead of a dead end', async () => {
    t = await createTestApp({ now: TODAY });
    const [reply] = await t.say('admin', '/baocao mo so tu phap');
    expect(reply!.text).not.toContain('khớp nhiều cơ quan: Sở Tư pháp; Sở Tư pháp');
    expect(reply!.choices!.map((c) => c.label)).toEqual(BOTH);
    const picked = await t.sayText('admin', '2');
    expect(picked).toContain('Sở Tư pháp');
    expect(picked).not.toContain('Không tìm thấy');
  });

  it.each(['so tu phap vinh phuc', 'Sở Tư pháp (Tỉnh Vĩnh Phúc)', 'vinh-phuc so-tu-phap', 'Sở Tư pháp tỉnh Vĩnh Phúc'])(
    'accepts the agency with its network: /baocao mokhoa %s',
    async (typed) => {
      t = await createTestApp({ now: TODAY });
      const [reply] = await t.say('admin', `/baocao mokhoa ${typed}`);
      expect(reply!.choices ?? []).toEqual([]);
      expect(reply!.text).not.toContain('Không tìm thấy');
      expect(reply!.text).toContain('Sở Tư pháp');
    },
  );

  it('/baocao xem and /nhiemvu offer the same menu', async () => {
    t = await createTestApp({ now: TODAY });
    for (const command of ['/baocao xem so tu phap', '/nhiemvu so tu phap', '/tinhhinh so tu phap']) {
      const [reply] = await t.say('admin', command);
      expect(reply!.choices!.map((c) => c.label)).toEqual(BOTH);
    }
    expect(await t.sayText('admin', '/nhiemvu so tu phap binh dinh')).not.toContain('Vĩnh Phúc');
  });

  it('asks an admin of both networks (by role) instead of taking the first network', async () => {
    t = await createTestApp({ now: TODAY });
    const lan = await t.registerOfficer('lan', 'vinh-phuc', 'so-tttt', 'Lê Thị Lan');
    for (const networkId of ['binh-dinh', 'vinh-phuc'])
      await grantRole(t.app.db, { personId: lan, networkId, role: 'admin', actorPersonId: lan, at: TODAY });
    for (const command of ['/baocao mo so tu phap', '/moi so tu phap']) {
      const [reply] = await t.say('lan', command);
      expect(reply!.choices!.map((c) => c.label)).toEqual(BOTH);
    }
  });

  it('takes the one agency an admin of one network may act on', async () => {
    t = await createTestApp({ now: TODAY });
    const lan = await t.registerOfficer('lan', 'vinh-phuc', 'so-tttt', 'Lê Thị Lan');
    await grantRole(t.app.db, { personId: lan, networkId: 'vinh-phuc', role: 'admin', actorPersonId: lan, at: TODAY });
    const [reply] = await t.say('lan', '/baocao mokhoa so tu phap');
    expect(reply!.choices ?? []).toEqual([]);
    expect(reply!.text).toContain('Sở Tư pháp');
    expect(reply!.text).not.toContain('Không tìm thấy');
  });
});

describe('/nhatky with an agency name in two networks', () => {
  it('takes the network named after the agency', async () => {
    t = await createTestApp({ now: TODAY });
    expect(await t.sayText('admin', '/nhatky so tu phap')).toContain('Có nhiều cơ quan trùng tên');
    for (const typed of ['/nhatky so tu phap vinh phuc', '/nhatky Sở Tư pháp tỉnh Vĩnh Phúc thang 11']) {
      const [reply] = await t.say('admin', typed);
      expect(reply!.text).not.toContain('Có nhiều cơ quan trùng tên');
      expect(reply!.text).toContain('Sở Tư pháp');
    }
  });
});
