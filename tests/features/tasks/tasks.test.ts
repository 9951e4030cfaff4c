import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindGroup } from '../../../src/db/index.js';
import { common, taskText as tasksMessages } from '../../../src/messages/index.js';
import { parsePlan } from '../../../src/plans/parse.js';
import type { Plan } from '../../../src/kernel/plan.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const plans: Record<string, Plan> = {};
beforeAll(() => {
  for (const id of ['vinh-phuc', 'cam-thanh', 'binh-dinh']) {
    const parsed = parsePlan(readFileSync(`plans/${id}.yaml`, 'utf8'), `${id}.yaml`);
    if (!parsed.ok) throw new Error(`shipped plan ${id} does not parse`);
    plans[id] = parsed.plan;
  }
});

const taskText = (network: string, taskId: string) => plans[network]!.tasks.find((x) => x.id === taskId)!.text;
const sectionsOf = (text: string) => [...text.matchAll(/^\d+\. Mục (\S+) \(/gm)].map((m) => m[1]);

describe('/nhiemvu and task questions', () => {
  it("answers an officer's phrasings with their own agency's tasks, quoting the plan exactly", async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    for (const question of [
      'nhiệm vụ của tôi',
      'tôi phải làm gì theo chỉ thị 07',
      'Tôi phải làm gì?',
      '/nhiemvu',
      '/tasks',
    ]) {
      const answer = await t.sayText('lan', question);
      expect(sectionsOf(answer), question).toEqual(['4.a', '4.b', '1.a', '1.b', '1.c', '1.d', '1.đ']);
    }
    const answer = await t.sayText('lan', '/nhiemvu');
    for (const id of ['nv-4a', 'nv-4b', 'nv-1a', 'nv-1b', 'nv-1c', 'nv-1d', 'nv-1dd'])
      expect(answer).toContain(taskText('vinh-phuc', id));
    expect(answer).toContain('Thực hiện: hằng năm');
  });

  it("finds any agency by loose names, preferring the caller's network", async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    for (const question of ['nhiem vu cua so tu phap', '/nhiemvu STP', '/nhiemvu Tư pháp']) {
      expect(sectionsOf(await t.sayText('lan', question)), question).toEqual([
        '4.a',
        '4.b',
        '1.a',
        '1.b',
        '1.c',
        '1.d',
        '1.đ',
      ]);
    }
    const finance = await t.sayText('lan', 'Sở Tài chính được giao gì?');
    expect(finance).toContain('Nhiệm vụ của Sở Tài chính (Tỉnh Vĩnh Phúc): 6 nhiệm vụ');
    expect(finance).toContain(`1. Mục 7 (Công văn của UBND tỉnh Vĩnh Phúc)\n${taskText('vinh-phuc', 'nv-7')}`);
    const press = await t.sayText('lan', '/nhiemvu Đài PTTH tỉnh');
    expect(sectionsOf(press)[0]).toBe('8');
  });

  it('asks which network when an unregistered user names an agency found in several, and answers the pick', async () => {
    t = await createTestApp();
    const ask = await t.say('khach', 'Sở Tài chính được giao gì?');
    expect(ask[0]!.text).toBe('Có nhiều cơ quan khớp với "so tai chinh". Bạn muốn xem cơ quan nào?');
    expect(ask[0]!.choices!.map((c) => c.label)).toEqual([
      'Sở Tài chính (Tỉnh Bình Định)',
      'Sở Tài chính (Tỉnh Vĩnh Phúc)',
    ]);
    const picked = await t.sayText('khach', '1');
    expect(picked).toContain('Nhiệm vụ của Sở Tài chính (Tỉnh Bình Định)');
    expect(picked).toContain(taskText('binh-dinh', 'nv-3'));
    expect(await t.sayText('khach', '/nhiemvu Sở Không Có')).toContain('Không tìm thấy cơ quan "Sở Không Có"');
  });

  it('uses the network of the group it is asked in, when addressed there', async () => {
    t = await createTestApp();
    await bindGroup(
      t.app.db,
      { platform: 'console', chatId: 'nhom-bd', networkId: 'binh-dinh', title: 'BĐ' },
      1,
      t.clock.now,
    );
    const answer = await t.sayText('khach', 'nhiệm vụ của Sở Tư pháp', { group: { id: 'nhom-bd' } });
    expect(answer).toContain('Nhiệm vụ của Sở Tư pháp (Tỉnh Bình Định)');
  });

  it('tells an unregistered user how to register when they ask about their own tasks', async () => {
    t = await createTestApp();
    const answer = await t.sayText('khach', 'nhiệm vụ của tôi');
    expect(answer).toContain('Bạn chưa đăng ký là cán bộ đầu mối của cơ quan nào');
    expect(answer).toContain('/dangky <mã>');
  });

  it("answers a merged agency with its successor's note and a way to its successor's tasks", async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const replies = await t.say('lan', '/nhiemvu Sở TT&TT');
    expect(replies[0]!.text).toMatch(
      /^Lưu ý: Sở Thông tin và Truyền thông không còn hoạt động\. Từ 1\/3\/2025 báo chí/,
    );
    expect(sectionsOf(replies[0]!.text).slice(0, 6)).toEqual(['2.a', '2.b', '2.c', '2.d', '2.đ', '2.e']);
    expect(replies[0]!.choices!.map((c) => c.label)).toContain('Nhiệm vụ của Sở Văn hóa, Thể thao và Du lịch');
    expect(await t.sayText('lan', String(replies[0]!.choices!.length))).toContain(
      'Nhiệm vụ của Sở Văn hóa, Thể thao và Du lịch (Tỉnh Vĩnh Phúc)',
    );
  });

  it('pages long lists eight at a time with a "Xem tiếp" choice', async () => {
    t = await createTestApp();
    await t.registerOfficer('hong', 'cam-thanh', 'cong-chuc-vhxh');
    const first = await t.say('hong', 'nhiệm vụ của tôi');
    expect(first[0]!.text).toContain('Nhiệm vụ của Công chức Văn hóa - xã hội (Xã Cẩm Thành): 12 nhiệm vụ - trang 1/2');
    expect(sectionsOf(first[0]!.text)).toEqual([
      'III.3.1',
      'III.3.2',
      'III.3.3',
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
    ]);
    expect(first[0]!.choices).toEqual([{ id: expect.stringMatching(/^\/nhiemvu #\d+ trang 2$/), label: 'Xem tiếp' }]);
    const second = await t.sayText('hong', 'Xem tiếp');
    expect(second).toContain('trang 2/2');
    expect(sectionsOf(second)).toEqual(['II.6', 'III.6.1', 'III.6.2', 'III.6.3']);
    expect(second).toMatch(/^9\. Mục II\.6/m);
    expect(await t.sayText('hong', '/nhiemvu trang 3')).toBe('Chỉ có 2 trang.');
  });
});

describe('document labels', () => {
  it('names a document without its number by kind and issuer instead of showing a bare "/UBND-TH2"', async () => {
    t = await createTestApp();
    const text = await t.sayText('u1', '/timkiem kinh phi');
    expect(text).not.toMatch(/văn bản \/|\(\//);
    expect(text).toContain('Xã Cẩm Thành - Mục III.5 (Kế hoạch của UBND xã Cẩm Thành)');
    expect(text).toContain('Tỉnh Bình Định - Mục 3 (Công văn của UBND tỉnh Bình Định)');
    expect(text).toContain('Tỉnh Hòa Bình - Đoạn 5 (Văn bản của Chủ tịch UBND tỉnh Hòa Bình)');
  });

  it('shows a numbered document with its kind and number', () => {
    expect(tasksMessages.documentLabel('634/STTTT-TTBCXB', 'Sở TT&TT')).toBe('Công văn số 634/STTTT-TTBCXB');
    expect(tasksMessages.documentLabel('180/KH-UBND', 'UBND tỉnh')).toBe('Kế hoạch số 180/KH-UBND');
    expect(tasksMessages.documentLabel('40/2017/QĐ-UBND', 'UBND tỉnh')).toBe('Quyết định số 40/2017/QĐ-UBND');
  });
});

describe('/timkiem', () => {
  it('finds "kinh phí" without diacritics and shows agency and section, best match first', async () => {
    t = await createTestApp();
    const plain = await t.sayText('u1', '/timkiem kinh phi');
    expect(await t.sayText('u1', '/timkiem KINH PHÍ')).toBe(plain.replace('"kinh phi"', '"KINH PHÍ"'));
    expect(plain).toContain('Kết quả tìm "kinh phi": 6 nhiệm vụ.');
    expect(plain).toContain(
      'Tỉnh Vĩnh Phúc - Mục 7 (Công văn của UBND tỉnh Vĩnh Phúc)\nGiao cho: Sở Tài chính\nBố trí kinh phí chi thường xuyên',
    );
    expect(plain).toContain(
      'Tỉnh Vĩnh Phúc - Mục 1.đ (Công văn của UBND tỉnh Vĩnh Phúc)\nGiao cho: tất cả cơ quan, đơn vị',
    );
    const order = [...plain.matchAll(/^\d+\. (.+?) \(/gm)].map((m) => m[1]);
    // Two mentions in a short text (Bình Định 3) beat one in a short text (Vĩnh Phúc 7), which beats one in a long one (1.đ).
    expect(order[0]).toBe('Tỉnh Bình Định - Mục 3');
    expect(order.indexOf('Tỉnh Vĩnh Phúc - Mục 7')).toBeLessThan(order.indexOf('Tỉnh Vĩnh Phúc - Mục 1.đ'));
  });

  it('ranks the words as typed first: "tin giả" above "thông tin ... đánh giá", the excerpt shows the match', async () => {
    t = await createTestApp();
    const text = await t.sayText('u1', '/timkiem tin giả');
    const first = text.split('\n\n')[1]!;
    expect(first).toContain('Tỉnh Vĩnh Phúc - Mục 2.c');
    expect(first).toContain('ngăn chặn tin giả, tin xấu độc');
    // Without diacritics, "tin gia" side by side still beats the words found apart.
    expect((await t.sayText('u1', '/timkiem tin gia')).split('\n\n')[1]).toContain('Mục 2.c');
  });

  it("puts the caller's own network first among equal matches", async () => {
    t = await createTestApp();
    const sections = (text: string) => [...text.matchAll(/^\d+\. (Tỉnh|Xã) ([^-]+) -/gm)].map((m) => m[2]!.trim());
    const stranger = sections(await t.sayText('u1', '/timkiem kinh phí'));
    expect(stranger[0]).not.toBe('Cẩm Thành');
    await t.registerOfficer('lan', 'cam-thanh', 'cong-chuc-vhxh');
    const own = sections(await t.sayText('lan', '/timkiem kinh phí'));
    expect(own[0]).toBe('Cẩm Thành');
    expect([...own].sort()).toEqual([...stranger].sort());
  });

  it('falls back to any word when no task has them all, and says so', async () => {
    t = await createTestApp();
    const text = await t.sayText('u1', '/timkiem kinh phí xyzabc');
    expect(text).toContain('Không có nhiệm vụ nào chứa đủ các từ');
    expect(text).toContain('Mục 7');
    expect(await t.sayText('u1', '/timkiem xyzabc')).toBe(
      'Không tìm thấy nhiệm vụ nào có "xyzabc". Thử từ khóa khác, ngắn hơn.',
    );
    expect(await t.sayText('u1', '/timkiem')).toBe('Cách dùng: /timkiem <từ khóa>, ví dụ /timkiem kinh phí.');
  });

  it('never lets search syntax typed by a user break the search', async () => {
    t = await createTestApp();
    const nasty = [
      '"',
      'kinh" OR "phi',
      'NEAR(kinh phi)',
      '*',
      'phi*',
      '-kinh',
      'body:kinh',
      'AND OR NOT',
      '^kinh',
      "'; DROP TABLE tasks; --",
      '(((',
      '""""',
    ];
    for (const input of nasty) expect(await t.sayText('u1', `/timkiem ${input}`), input).not.toBe(common.apology);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (input) => {
        expect(await t.sayText('u1', `/timkiem ${input}`)).not.toBe(common.apology);
      }),
      { numRuns: 60 },
    );
    expect(t.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });
});
