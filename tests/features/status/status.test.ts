import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindGroup, countPeriodReports, ensureActor } from '../../../src/db/index.js';
import { resolveStatusPeriod } from '../../../src/features/status/summary.js';
import type { Reply } from '../../../src/kernel/message.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../../src/documents/chart.js';
import { MAX_LINES } from '../../../src/features/status/summary-text.js';
import {
  agencyId,
  makeLeader,
  seedVinhPhuc,
  STATUS_NOW,
  VINH_PHUC_ACTIVE_AGENCIES,
} from '../../support/status-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { insertActivityRows, insertSubmissionRow, seedBigNetwork, upsertPeriod } from '../../../src/db/seed.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectChart(reply: Reply | undefined): void {
  expect(reply?.file?.kind).toBe('photo');
  const png = reply!.file!.data;
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
}

const lines = (text: string): string[] => text.split('\n');

describe('/tinhhinh on a seeded network', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: STATUS_NOW });
    const leader = await makeLeader(t, 'lanhdao', 'vinh-phuc');
    await seedVinhPhuc(t, leader);
    await t.registerOfficer('stp', 'vinh-phuc', 'so-tu-phap');
    await t.registerOfficer('xa', 'cam-thanh', 'cong-chuc-tu-phap');
  });
  afterAll(() => t.close());

  it('gives a leader submitted X/Y, the missing agencies, activity counts against the previous period and new issues', async () => {
    const [summary, chart] = await t.say('lanhdao', '/tinhhinh');
    const text = summary!.text;
    expect(text).toContain('TÌNH HÌNH: Tỉnh Vĩnh Phúc');
    expect(text).toContain('Kỳ báo cáo năm 2026, hạn 15/12/2026 (đã quá hạn 5 ngày)');
    expect(text).toContain(`Đã nộp: 2/${VINH_PHUC_ACTIVE_AGENCIES} cơ quan (1 đúng hạn, 1 nộp muộn)`);
    expect(text).toContain(`Chưa nộp (${VINH_PHUC_ACTIVE_AGENCIES - 2}):\n- Sở, ban, ngành tỉnh`);
    expect(text).toContain('- Sở Tài chính');
    expect(text).not.toMatch(/^- Sở Tư pháp$/m);
    // Deleted activities, other networks and days outside the two periods do not count.
    expect(text).toContain('Hoạt động kỳ này: 5 (kỳ trước 2, +3)');
    expect(text).toContain('- Họp báo: 2 (kỳ trước 1)');
    expect(text).toContain('- Tin, bài trên cổng/trang thông tin điện tử: 2 (kỳ trước 0)');
    expect(text).toContain('Tích cực nhất: Sở Tư pháp (3), Sở Nội vụ (1), Sở Tài chính (1)');
    expect(text).toContain('Ít hoạt động nhất: Sở, ban, ngành tỉnh (0)');
    expect(text).toContain('Khó khăn, đề xuất mới (2):\n- Khó khăn (Sở Tư pháp): Thiếu kinh phí thuê chuyên gia.');
    expect(text).toContain('- Đề xuất (Sở Tư pháp): Đề nghị bố trí kinh phí truyền thông riêng.');
    expect(text).not.toContain('Ý kiến của bản cũ');
    expect(lines(text).length).toBeLessThanOrEqual(MAX_LINES);
    expectChart(chart);
  });

  it.each(['ai chưa nộp báo cáo?', 'Ai chưa nộp?', 'tình hình báo cáo thế nào?', 'Tổng hợp giúp tôi'])(
    'answers "%s" with the summary and the chart',
    async (question) => {
      const replies = await t.say('lanhdao', question);
      expect(replies[0]!.text).toContain(`Chưa nộp (${VINH_PHUC_ACTIVE_AGENCIES - 2}):`);
      expectChart(replies[1]);
    },
  );

  it('shows one agency in detail on request, by name or in free text', async () => {
    for (const question of ['/tinhhinh so tu phap', 'tình hình của Sở Tư pháp thế nào?']) {
      const replies = await t.say('lanhdao', question);
      expect(replies).toHaveLength(1);
      const text = replies[0]!.text;
      expect(text).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
      expect(text).toContain('Báo cáo: đã nộp đúng hạn lúc 10:15 18/11/2026');
      expect(text).toContain('Hoạt động kỳ này: 3 (kỳ trước 1, +2)');
      expect(text).toContain('- Khó khăn: Thiếu kinh phí thuê chuyên gia.');
    }
    expect(await t.sayText('lanhdao', '/tinhhinh so noi vu')).toContain('Báo cáo: nộp muộn lúc 16:30 17/12/2026');
  });

  it('shows an officer their own agency line only, with no chart', async () => {
    const replies = await t.say('stp', '/tinhhinh');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    expect(replies[0]!.text).not.toContain('Chưa nộp (');
    expect(await t.sayText('stp', 'ai chưa nộp?')).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    expect(await t.sayText('stp', '/tinhhinh vinh phuc')).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    expect(await t.sayText('stp', '/tinhhinh so noi vu')).toContain('chỉ xem được tình hình cơ quan mình');
    expect(await t.sayText('stp', '/tinhhinh cam thanh')).toContain('Chỉ lãnh đạo và quản trị viên của Xã Cẩm Thành');
  });

  it('tells an officer who has not submitted how to do it', async () => {
    expect(await t.sayText('xa', '/tinhhinh')).toContain('Báo cáo: chưa nộp. Gõ /baocao để làm báo cáo.');
  });

  it('refuses people who are in no network', async () => {
    expect(await t.sayText('nguoila', '/tinhhinh')).toContain('Bạn chưa thuộc mạng lưới nào');
    expect(await t.sayText('nguoila', 'ai chưa nộp báo cáo?')).toContain('Bạn chưa thuộc mạng lưới nào');
    expect(await t.sayText('nguoila', '/tinhhinh so tu phap')).toContain('Bạn chưa thuộc mạng lưới nào');
  });

  it('answers in a bound group: the whole network for its leader, the own line for an officer, nothing for others', async () => {
    const admin = await ensureActor(t.app.db, { platform: 'console', userId: 'admin', name: 'admin' }, []);
    await bindGroup(
      t.app.db,
      { platform: 'console', chatId: 'nhom-vp', networkId: 'vinh-phuc', title: 'Nhóm Vĩnh Phúc' },
      admin.personId,
      t.clock.now,
    );
    const group = { group: { id: 'nhom-vp' } };
    const leader = await t.say('lanhdao', 'ai chưa nộp báo cáo?', group);
    expect(leader[0]!.text).toContain('TÌNH HÌNH: Tỉnh Vĩnh Phúc');
    expectChart(leader[1]);
    expect(await t.sayText('stp', '/tinhhinh', group)).toContain('Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    expect(await t.sayText('nguoila', '/tinhhinh', group)).toContain('Bạn chưa thuộc mạng lưới nào');
  });

  it('lets an admin pick a network, and names what it cannot find', async () => {
    const [menu] = await t.say('admin', '/tinhhinh');
    expect(menu!.text).toContain('Bạn muốn xem mạng lưới nào?');
    expect(menu!.choices?.map((c) => c.id)).toContain('/tinhhinh vinh-phuc');
    expect(menu!.choices?.map((c) => c.id)).not.toContain('/tinhhinh tay-son');
    const picked = await t.say('admin', '/tinhhinh vinh-phuc');
    expect(picked[0]!.text).toContain('TÌNH HÌNH: Tỉnh Vĩnh Phúc');
    expect(await t.sayText('admin', '/tinhhinh Tỉnh Vĩnh Phúc')).toContain('TÌNH HÌNH: Tỉnh Vĩnh Phúc');
    expect(await t.sayText('admin', '/tinhhinh abc xyz')).toContain(
      'Không tìm thấy mạng lưới hay cơ quan nào tên "abc xyz"',
    );
  });

  it('reports an empty period and a network without reporting duties without failing', async () => {
    const empty = await t.say('admin', '/tinhhinh binh dinh');
    expect(empty[0]!.text).toContain('TÌNH HÌNH: Tỉnh Bình Định');
    expect(empty[0]!.text).toMatch(/Đã nộp: 0\/\d+ cơ quan\n/);
    expect(empty[0]!.text).toContain('Chưa ghi nhận hoạt động nào trong kỳ.');
    expectChart(empty[1]);
    // Cẩm Thành's culture-society official receives the reports and is not asked for one.
    const commune = await t.sayText('admin', '/tinhhinh cam thanh');
    expect(commune).toContain('Đã nộp: 0/5 cơ quan');
    expect(commune).not.toContain('Công chức VHXH');
    const noDuty = await t.sayText('admin', '/tinhhinh hoa binh');
    expect(noDuty).toContain('Mạng lưới chưa có chế độ báo cáo định kỳ; số liệu hoạt động tính cho năm 2026.');
    expect(noDuty).not.toContain('Đã nộp');
  });
});

describe('/tinhhinh without chat files', () => {
  it('sends the chart as a download link, or says how to get it when there is none', async () => {
    const t = await createTestApp({ now: STATUS_NOW, env: { PUBLIC_URL: 'https://bot.example' } });
    try {
      await makeLeader(t, 'lanhdao', 'vinh-phuc', 'zalo');
      t.app.services.platforms.zalo = { sendsFiles: false, isChatAdmin: async () => false };
      const linked = await t.say('lanhdao', '/tinhhinh', { platform: 'zalo' });
      expect(linked.every((r) => !r.file)).toBe(true);
      expect(linked[1]!.text).toMatch(/^Biểu đồ: https:\/\/bot\.example\/\S+$/);
      delete t.app.services.publishFile;
      const none = await t.say('lanhdao', '/tinhhinh', { platform: 'zalo' });
      expect(none[1]!.text).toContain('daumoi export');
    } finally {
      await t.close();
    }
  });
});

describe('/tinhhinh over a province and its communes', () => {
  it('rolls up each child network, lets the province leader open a commune, and fits one screen', async () => {
    const t = await createTestApp({ now: STATUS_NOW });
    try {
      const seeded = await seedBigNetwork(t.app.db, {
        networks: 12,
        agenciesPerNetwork: 30,
        activities: 0,
        prefix: 'tinh',
      });
      const { period } = await resolveStatusPeriod(t.app.db, 'tinh', t.clock.now);
      const leader = await makeLeader(t, 'chutich', 'tinh');
      const periodId = await upsertPeriod(t.app.db, seeded.dutyIds[1]!, period);
      for (const id of seeded.agencyIds[1]!.slice(0, 4)) {
        await insertSubmissionRow(t.app.db, {
          periodId,
          agencyId: id,
          personId: leader,
          answers: {},
          late: false,
          submittedAt: t.clock.now,
        });
      }
      await insertActivityRows(
        t.app.db,
        [
          {
            networkId: 'tinh-01',
            agencyId: seeded.agencyIds[1]![0]!,
            personId: leader,
            typeId: 'hop-bao',
            date: '2026-05-01',
          },
          {
            networkId: 'tinh-01',
            agencyId: seeded.agencyIds[1]![1]!,
            personId: leader,
            typeId: 'hop-bao',
            date: '2026-06-01',
          },
          {
            networkId: 'tinh-02',
            agencyId: seeded.agencyIds[2]![0]!,
            personId: leader,
            typeId: 'hop-bao',
            date: '2025-01-01',
          },
        ],
        t.clock.now,
      );

      const [summary] = await t.say('chutich', '/tinhhinh');
      const text = summary!.text;
      expect(text).toContain('Cấp dưới (11 mạng lưới):');
      expect(text).toContain('- Xã Thử Nghiệm 1: nộp 4/30, 2 hoạt động');
      // Activities before the period do not count for the commune either.
      expect(text).toContain('- Xã Thử Nghiệm 2: nộp 0/30, 0 hoạt động');
      expect(text).toContain('Chưa nộp (30):');
      expect(text).toMatch(/… và \d+ cơ quan khác/);
      expect(text).toMatch(/… và \d+ mạng lưới khác/);
      expect(lines(text).length).toBeLessThanOrEqual(MAX_LINES);

      // The receiving agency consolidates and is not counted; listed reporters narrow the count.
      const key = { dutyId: seeded.dutyIds[1]!, key: period.key };
      expect(
        await countPeriodReports(t.app.db, 'tinh-01', { reporters: 'all', receiverAgency: 'co-quan-001' }, key),
      ).toEqual({ expected: 29, submitted: 3 });
      expect(await countPeriodReports(t.app.db, 'tinh-01', { reporters: ['co-quan-004', 'co-quan-005'] }, key)).toEqual(
        { expected: 2, submitted: 1 },
      );

      const commune = await t.sayText('chutich', '/tinhhinh tinh-01');
      expect(commune).toContain('TÌNH HÌNH: Xã Thử Nghiệm 1');
      expect(commune).toContain('Đã nộp: 4/30 cơ quan (4 đúng hạn, 0 nộp muộn)');
    } finally {
      await t.close();
    }
  });

  it('says clearly that a network has no agencies yet, and still rolls up its communes', async () => {
    const t = await createTestApp({ now: STATUS_NOW });
    try {
      await seedBigNetwork(t.app.db, { networks: 1, agenciesPerNetwork: 0, activities: 0, prefix: 'moi' });
      const replies = await t.say('admin', '/tinhhinh moi');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain('Mạng lưới chưa có cơ quan, đơn vị nào được đăng ký trong kế hoạch.');
      await seedBigNetwork(t.app.db, {
        networks: 2,
        parentAgencies: 0,
        agenciesPerNetwork: 3,
        activities: 0,
        prefix: 'cha',
      });
      const [summary, chart] = await t.say('admin', '/tinhhinh cha');
      expect(summary!.text).toContain('Mạng lưới chưa có cơ quan, đơn vị nào được đăng ký trong kế hoạch.');
      expect(summary!.text).not.toContain('Đã nộp');
      expect(summary!.text).toContain('- Xã Thử Nghiệm 1: nộp 0/3, 0 hoạt động');
      expectChart(chart);
    } finally {
      await t.close();
    }
  });

  it('keeps counting an agency whose name is typed without diacritics', async () => {
    const t = await createTestApp({ now: STATUS_NOW });
    try {
      const leader = await makeLeader(t, 'lanhdao', 'vinh-phuc');
      const stc = await agencyId(t, 'vinh-phuc', 'so-tai-chinh');
      await insertActivityRows(
        t.app.db,
        [{ networkId: 'vinh-phuc', agencyId: stc, personId: leader, typeId: 'phong-van', date: '2026-07-07' }],
        t.clock.now,
      );
      const text = await t.sayText('lanhdao', '/tinhhinh so tai chinh');
      expect(text).toContain('Sở Tài chính (Tỉnh Vĩnh Phúc)');
      expect(text).toContain('- Trả lời phỏng vấn: 1 (kỳ trước 0)');
      expect(text).toContain('Báo cáo: chưa nộp.');
    } finally {
      await t.close();
    }
  });
});
