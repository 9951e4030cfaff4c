import { afterEach, describe, expect, it } from 'vitest';
import {
  countActivitiesByType,
  findAgencyBySlug,
  grantRole,
  insertActivity,
  softDeleteActivity,
  type ActivityInput,
} from '../../../src/db/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

async function agencyId(slug: string): Promise<number> {
  return (await findAgencyBySlug(t.app.db, 'vinh-phuc', slug))!.id;
}

/** Stores activities directly: listing is under test here, not the conversation. */
async function seed(personId: number, slug: string, entries: Partial<ActivityInput>[]): Promise<number[]> {
  const base = {
    networkId: 'vinh-phuc',
    agencyId: await agencyId(slug),
    authorPersonId: personId,
    link: null,
    quantity: null,
    participants: null,
    taskId: null,
    attachments: [],
  };
  const ids: number[] = [];
  for (const entry of entries) {
    ids.push(
      await insertActivity(
        t.app.db,
        { typeId: 'hop-bao', date: '2026-11-10', title: 'Họp báo', ...base, ...entry },
        t.clock.now,
      ),
    );
  }
  return ids;
}

const idsIn = (text: string) => [...text.matchAll(/#(\d+) ·/g)].map((m) => Number(m[1]));

describe('/nhatky', () => {
  it('pages through 23 entries newest first with buttons that carry the filters', async () => {
    t = await createTestApp();
    const an = await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    const days = Array.from({ length: 23 }, (_, i) => ({
      date: `2026-10-${String(i + 1).padStart(2, '0')}`,
      title: `Tin số ${i + 1}`,
    }));
    const ids = await seed(an, 'so-tu-phap', days);
    const first = await t.say('an', '/nhatky tháng 10');
    expect(first[0]!.text).toContain('Nhật ký hoạt động của Sở Tư pháp (tháng 10/2026): 23 mục, trang 1/3.');
    expect(idsIn(first[0]!.text)).toEqual([...ids].reverse().slice(0, 10));
    const next = first[0]!.choices!.find((c) => c.label === 'Trang sau')!;
    expect(Buffer.byteLength(next.id)).toBeLessThanOrEqual(60);
    const second = await t.say('an', 'Trang sau');
    expect(idsIn(second[0]!.text)).toEqual([...ids].reverse().slice(10, 20));
    const third = await t.say('an', '', { choice: `${next.id.replace('trang 2', 'trang 3')}` });
    expect(idsIn(third[0]!.text)).toEqual(ids.slice(0, 3).reverse());
    expect(third[0]!.choices!.map((c) => c.label)).toEqual(['Trang trước']);
    expect(await t.sayText('an', '/nhatky tháng 10 trang 9')).toBe('Không có trang đó; nhật ký có 3 trang.');
  });

  it('filters by month and by type, and leaves out deleted entries', async () => {
    t = await createTestApp();
    const an = await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    const [press, , , gone] = await seed(an, 'so-tu-phap', [
      { typeId: 'hop-bao', date: '2026-11-03' },
      { typeId: 'tap-huan', date: '2026-11-04', title: 'Tập huấn' },
      { typeId: 'hop-bao', date: '2026-10-20', title: 'Họp báo tháng 10' },
      { typeId: 'hop-bao', date: '2026-11-05', title: 'Đã xóa' },
    ]);
    await softDeleteActivity(t.app.db, gone!, { actorPersonId: an, at: t.clock.now });
    expect(idsIn(await t.sayText('an', '/nhatky'))).toHaveLength(3);
    expect(idsIn(await t.sayText('an', '/nhatky 11/2026'))).toHaveLength(2);
    expect(idsIn(await t.sayText('an', 'xem nhật ký tháng 11'))).toHaveLength(2);
    const filtered = await t.sayText('an', '/nhatky họp báo tháng 11');
    expect(filtered).toContain('(tháng 11/2026, loại "Họp báo"): 1 mục.');
    expect(idsIn(filtered)).toEqual([press]);
    expect(await t.sayText('an', '/nhatky tháng 3')).toContain('Chưa có hoạt động nào của Sở Tư pháp');
    expect(await t.sayText('an', '/nhatky linh tinh')).toContain('Tôi chưa hiểu "linh tinh"');
  });

  it('lets a leader and an admin name an agency, fully or in part, but not an officer of another agency', async () => {
    t = await createTestApp();
    const an = await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    await t.registerOfficer('binh', 'vinh-phuc', 'so-noi-vu');
    const lan = await t.registerOfficer('lan', 'vinh-phuc', 'so-tttt');
    await grantRole(t.app.db, {
      personId: lan,
      networkId: 'vinh-phuc',
      role: 'leader',
      actorPersonId: an,
      at: t.clock.now,
    });
    await seed(an, 'so-tu-phap', [{ title: 'Họp báo của Sở Tư pháp' }]);

    expect(await t.sayText('lan', '/nhatky sở tư pháp')).toContain('Nhật ký hoạt động của Sở Tư pháp: 1 mục.');
    expect(await t.sayText('lan', '/nhatky tư pháp họp báo')).toContain('Họp báo của Sở Tư pháp');
    expect(await t.sayText('admin', '/nhatky')).toContain('Bạn muốn xem nhật ký của cơ quan nào?');
    const ambiguous = await t.say('admin', '/nhatky so tu phap thang 11');
    expect(ambiguous[0]!.text).toBe('Có nhiều cơ quan trùng tên. Chọn cơ quan:');
    expect(await t.sayText('admin', 'Sở Tư pháp (Tỉnh Vĩnh Phúc)')).toContain('Sở Tư pháp (tháng 11/2026): 1 mục.');
    expect(await t.sayText('binh', '/nhatky sở tư pháp')).toBe(
      'Bạn chỉ xem được nhật ký của cơ quan mình (Sở Nội vụ). Lãnh đạo và quản trị viên mới xem được cơ quan khác.',
    );
    expect(await t.sayText('binh', `/nhatky dv:${await agencyId('so-tu-phap')}`)).toContain(
      'chỉ xem được nhật ký của cơ quan mình',
    );
  });
});

describe('countActivitiesByType', () => {
  it('counts per type with sums of participants and quantity, by agency or network and date range', async () => {
    t = await createTestApp();
    const an = await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    const binh = await t.registerOfficer('binh', 'vinh-phuc', 'so-noi-vu');
    const [, , gone] = await seed(an, 'so-tu-phap', [
      { typeId: 'tap-huan', date: '2026-11-02', participants: 40, quantity: 1 },
      { typeId: 'tap-huan', date: '2026-11-09', participants: 60 },
      { typeId: 'tap-huan', date: '2026-11-10', participants: 1000 },
      { typeId: 'hop-bao', date: '2026-12-01' },
    ]);
    await seed(binh, 'so-noi-vu', [{ typeId: 'hop-bao', date: '2026-11-15', participants: 25 }]);
    await softDeleteActivity(t.app.db, gone!, { actorPersonId: an, at: t.clock.now });

    const agency = await countActivitiesByType(t.app.db, {
      agencyId: await agencyId('so-tu-phap'),
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(agency).toEqual([{ typeId: 'tap-huan', count: 2, participants: 100, quantity: 1 }]);
    const network = await countActivitiesByType(t.app.db, { networkId: 'vinh-phuc' });
    expect(network).toEqual([
      { typeId: 'hop-bao', count: 2, participants: 25, quantity: 0 },
      { typeId: 'tap-huan', count: 2, participants: 100, quantity: 1 },
    ]);
    expect(await countActivitiesByType(t.app.db, { networkId: 'cam-thanh' })).toEqual([]);
  });
});
