import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, importPlan, listAgencyDuties, listReportingAgencies } from '../../../src/db/index.js';
import { parsePlan } from '../../../src/plans/parse.js';
import { chatAs, OPENING, textOf } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

const INHERITED = '(kế thừa từ Sở Thông tin và Truyền thông)';
const SECTIONS = ['2.a', '2.b', '2.c', '2.d', '2.đ', '2.e'];

/** Every page of /nhiemvu for an agency, joined. */
async function allTaskPages(app: TestApp, user: string, query: string): Promise<string> {
  const pages = [await app.say(user, `/nhiemvu ${query}`)];
  for (let i = 0; i < 10; i++) {
    const next = pages
      .at(-1)!
      .at(-1)
      ?.choices?.find((c) => c.label === 'Xem tiếp');
    if (!next) break;
    pages.push(await app.say(user, '', { choice: next.id }));
  }
  return pages.map(textOf).join('\n');
}

describe('an agency merged away passes its work to its successor (Vĩnh Phúc: Sở TT&TT -> Sở VHTTDL)', () => {
  it('lists the predecessor’s tasks 2.a–2.e for the successor, marked as inherited', async () => {
    t = await createTestApp();
    const text = await allTaskPages(t, 'an', 'Sở VHTTDL Vĩnh Phúc');
    expect(text).toContain('Nhiệm vụ của Sở Văn hóa, Thể thao và Du lịch (Tỉnh Vĩnh Phúc)');
    for (const section of SECTIONS) expect(text).toContain(`Mục ${section} (`);
    expect(text.split(INHERITED)).toHaveLength(SECTIONS.length + 1);
    expect(text).toContain('Xây dựng mạng lưới kết nối truyền thông của các sở, ngành');
  });

  it('routes the reporting duty to the successor: it receives the reports and no longer owes one to itself', async () => {
    t = await createTestApp();
    const [duty] = await listAgencyDuties(t.app.db, 'vinh-phuc', 'so-tu-phap');
    expect(duty!.spec.receiverAgency).toBe('so-vhttdl');
    expect(duty!.spec.receiver).toBe('UBND tỉnh (qua Sở Văn hóa, Thể thao và Du lịch)');
    expect(duty!.spec.note).toContain('báo cáo nay gửi Sở Văn hóa, Thể thao và Du lịch');
    const reporting = await listReportingAgencies(t.app.db, 'vinh-phuc', duty!.spec);
    expect(reporting.map((a) => a.name)).toContain('Sở Tư pháp');
    expect(reporting.map((a) => a.name)).not.toContain('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('asks the successor about the inherited tasks in its report, marked as inherited', async () => {
    t = await createTestApp();
    // The same plan with the report going to the province directly: the successor owes it like every agency.
    const yaml = readFileSync('plans/vinh-phuc.yaml', 'utf8').replace('    receiverAgency: so-tttt\n', '');
    const parsed = parsePlan(yaml, 'vinh-phuc.yaml');
    if (!parsed.ok) throw new Error('the edited plan must parse');
    await importPlan(t.app.db, parsed.plan, null, t.clock.now);
    await t.registerOfficer('vh', 'vinh-phuc', 'so-vhttdl', 'Phạm Văn Hóa');
    const send = chatAs(t, 'vh');
    let reply = textOf(await send('/baocao'));
    for (const answer of OPENING) reply = textOf(await send(answer));
    for (let i = 0; i < 20 && !reply.includes('Nhiệm vụ 2.a'); i++) reply = textOf(await send('Đã hoàn thành'));
    expect(reply).toContain('Nhiệm vụ 2.a: Chủ trì, phối hợp với các cơ quan liên quan rà soát');
    expect(reply).toContain(INHERITED);
  });

  it('/moi of the dissolved agency offers to invite the successor instead', async () => {
    t = await createTestApp();
    const replies = await t.say('admin', '/moi STTTT Vĩnh Phúc');
    expect(textOf(replies)).toContain('Sở Thông tin và Truyền thông không còn hoạt động.');
    expect(textOf(replies)).toContain('Cơ quan kế thừa: Sở Văn hóa, Thể thao và Du lịch.');
    const successor = await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-vhttdl');
    const offer = replies.at(-1)!.choices!.find((c) => c.id === `/moi #${successor!.id}`)!;
    expect(offer.label).toBe('Mời cán bộ đầu mối của Sở Văn hóa, Thể thao và Du lịch');
    expect(await t.sayText('admin', '', { choice: offer.id })).toContain(
      'Sở Văn hóa, Thể thao và Du lịch (Tỉnh Vĩnh Phúc)',
    );
  });
});
