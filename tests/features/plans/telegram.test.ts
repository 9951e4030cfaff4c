import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, insertActiveMembership, ensureActor, listAgencies, listAudit } from '../../../src/db/index.js';
import { normalize } from '../../../src/kernel/text.js';
import { activityText, onboarding, planChatText as m, planCliText, planDraftText } from '../../../src/messages/index.js';
import { parsePlan } from '../../../src/plans/parse.js';
import { docxOf, scannedPdf, seedOf, textPdf } from '../../support/seed-documents.js';
import type { TestApp } from '../../support/test-app.js';
import { ADMIN, buttonsOf, OFFICER, startTelegramChat, textOf, type TelegramChat } from './telegram-chat.js';
import { sqlAll, sqlGet } from '../../support/sql.js';

let chat: TelegramChat | undefined;
afterEach(async () => {
  await chat?.close();
  chat = undefined;
});

const rows = async (t: TestApp, sql: string) => (await sqlAll(t.app.db, sql)) as Record<string, unknown>[];
const countOf = async (t: TestApp, table: string) =>
  ((await sqlGet(t.app.db, `SELECT count(*) AS n FROM ${table}`)) as { n: number }).n;

/** Every task /nhiemvu lists for an agency, as "section: text" without the network's and document's names. */
async function taskAnswers(t: TestApp, agencyId: number): Promise<string[]> {
  const lines: string[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const text = await t.sayText('admin', `/nhiemvu #${agencyId}${page > 1 ? ` trang ${page}` : ''}`);
    pages = Number(/trang \d+\/(\d+)/.exec(text)?.[1] ?? 1);
    for (const [, section, task] of text.matchAll(/^\d+\. Mục (\S+) \([^)]*\)\n(.+)$/gmu))
      lines.push(`${section}: ${normalize(task!)}`);
  }
  return lines;
}

describe('a plan document sent to the bot on Telegram', () => {
  it('drafts a seed .docx, takes a new id, creates the network with the admin, sends the YAML, and answers /nhiemvu as the shipped plan does', async () => {
    chat = await startTelegramChat();
    const { fake, t } = chat;
    fake.pushUpdate(fake.document(ADMIN, 'BQvp', 'KH-UBND-Vinh-Phuc.docx', { data: await docxOf(seedOf('vinh-phuc')) }));
    const review = textOf(await chat.next(ADMIN, 'Bản nháp kế hoạch'));
    expect(review).toContain('Văn bản: UBND tỉnh Vĩnh Phúc, số /UBND-TH2: Triển khai thực hiện Chỉ thị số 07/CT-TTg');
    expect(review).toContain('  - Sở Tư pháp (so-tu-phap): 2 nhiệm vụ riêng (4.a, 4.b)');
    expect(review).toContain('18 nhiệm vụ, trong đó 5 nhiệm vụ giao cho tất cả cơ quan.');
    expect(review).toContain('Chế độ báo cáo: Báo cáo kết quả triển khai thực hiện; kỳ hằng năm');
    expect(review).toContain(`  4. ${planDraftText.doubt.numberBlank('/UBND-TH2')}`);
    // The shipped network has this id: confirming now would not overwrite it.
    expect(review).toContain(m.idTaken('vinh-phuc', 'Tỉnh Vĩnh Phúc'));
    expect(fake.callsOf('getFile')).toHaveLength(1);

    chat.press(ADMIN, m.buttons.rename);
    await chat.next(ADMIN, 'Tên hiện tại: Tỉnh Vĩnh Phúc');
    fake.pushUpdate(fake.privateText(ADMIN, 'mã vinh-phuc-2025'));
    expect(textOf(await chat.next(ADMIN, m.reIded('vinh-phuc-2025')))).toContain(m.targetNew('vinh-phuc-2025'));
    chat.press(ADMIN, m.buttons.confirm);
    await chat.next(ADMIN, 'Đã tạo mạng lưới Tỉnh Vĩnh Phúc (vinh-phuc-2025): 14 cơ quan, 18 nhiệm vụ');
    const file = await chat.next(ADMIN, 'vinh-phuc-2025.yaml');
    expect(file.method).toBe('sendDocument');
    const yaml = file.files[0]!.data.toString('utf8');
    expect(parsePlan(yaml, 'vinh-phuc-2025.yaml').ok).toBe(true);

    const person = (await rows(t, "SELECT person_id AS id FROM identities WHERE platform = 'telegram' AND user_id = '501'"))[0]!;
    expect(await rows(t, "SELECT person_id AS p, role FROM roles WHERE network_id = 'vinh-phuc-2025'")).toEqual([
      { p: person.id, role: 'admin' },
    ]);
    const audit = (await listAudit(t.app.db)).find((a) => a.action === 'plan.chat-import')!;
    expect(audit).toMatchObject({ actorPersonId: person.id });
    expect(audit.detail).toEqual({
      networkId: 'vinh-phuc-2025',
      file: 'KH-UBND-Vinh-Phuc.docx',
      replaced: false,
      unchanged: false,
      edits: [{ action: 'network.id', to: 'vinh-phuc-2025' }],
    });
    expect(await rows(t, "SELECT count(*) AS n FROM conversations WHERE user_id = '501'")).toEqual([{ n: 0 }]);

    const drafted = new Map((await listAgencies(t.app.db, 'vinh-phuc-2025')).map((a) => [normalize(a.name), a]));
    const shipped = await listAgencies(t.app.db, 'vinh-phuc');
    for (const agency of shipped) {
      const twin = drafted.get(normalize(agency.name));
      expect(twin, agency.name).toBeDefined();
      expect(await taskAnswers(t, twin!.id), agency.name).toEqual(await taskAnswers(t, agency.id));
    }
    fake.assertNoUnknownMethods();
  });

  it('replaces the plan of a chosen network from a .pdf, and refuses to drop an agency that has an officer, keeping the draft', async () => {
    chat = await startTelegramChat();
    const { fake, t } = chat;
    const officer = await ensureActor(t.app.db, { platform: 'telegram', userId: String(OFFICER), name: 'Lan' }, []);
    const agency = (await findAgencyBySlug(t.app.db, 'binh-dinh', 'so-tai-chinh'))!;
    await insertActiveMembership(t.app.db, {
      personId: officer.personId,
      networkId: 'binh-dinh',
      agencyId: agency.id,
      decidedBy: null,
      at: t.clock.now,
    });
    fake.pushUpdate(fake.document(ADMIN, 'BQbd', 'cong-van-binh-dinh.pdf', { data: await textPdf(seedOf('binh-dinh')) }));
    await chat.next(ADMIN, 'Bản nháp kế hoạch: Tỉnh Bình Định (binh-dinh)');
    chat.press(ADMIN, m.buttons.target);
    const targets = await chat.next(ADMIN, m.askTarget);
    // The network the draft's id names comes first after "new".
    expect(buttonsOf(targets).map((b) => b.text).slice(0, 2)).toEqual([
      m.buttons.newNetwork,
      m.buttons.replace('Tỉnh Bình Định'),
    ]);
    chat.press(ADMIN, m.buttons.replace('Tỉnh Bình Định'));
    expect(textOf(await chat.next(ADMIN, m.targetChosenReplace('Tỉnh Bình Định')))).toContain(
      m.targetReplace('Tỉnh Bình Định', 'binh-dinh'),
    );

    chat.press(ADMIN, m.buttons.drop);
    await chat.next(ADMIN, m.askDrop);
    chat.press(ADMIN, 'Sở Tài chính');
    await chat.next(ADMIN, m.dropped('Sở Tài chính', 1));
    chat.press(ADMIN, m.buttons.confirm);
    const refused = textOf(await chat.next(ADMIN, 'Không nhập được'));
    expect(refused).toContain(planCliText.refusedAgencies(['Sở Tài chính (so-tai-chinh)']));
    expect(refused).toContain(m.refusedKept);
    expect(await findAgencyBySlug(t.app.db, 'binh-dinh', 'so-tai-chinh')).toBeDefined();
    expect((await listAudit(t.app.db)).some((a) => a.action === 'plan.chat-import')).toBe(false);

    // The draft is still there: send the file again (a new draft replaces it), keep every agency, confirm.
    fake.pushUpdate(fake.document(ADMIN, 'BQbd2', 'cong-van-binh-dinh.pdf', { data: await textPdf(seedOf('binh-dinh')) }));
    expect(textOf(await chat.next(ADMIN, 'Bản nháp kế hoạch'))).toContain(m.replaced);
    chat.press(ADMIN, m.buttons.target);
    await chat.next(ADMIN, m.askTarget);
    chat.press(ADMIN, m.buttons.replace('Tỉnh Bình Định'));
    await chat.next(ADMIN, m.targetChosenReplace('Tỉnh Bình Định'));
    chat.press(ADMIN, m.buttons.confirm);
    await chat.next(ADMIN, 'Đã cập nhật kế hoạch của Tỉnh Bình Định (binh-dinh)');
    await chat.next(ADMIN, 'binh-dinh.yaml');
    const audit = (await listAudit(t.app.db)).find((a) => a.action === 'plan.chat-import')!;
    expect(audit.detail).toMatchObject({ networkId: 'binh-dinh', file: 'cong-van-binh-dinh.pdf', replaced: true });
    expect(await rows(t, "SELECT count(*) AS n FROM roles WHERE network_id = 'binh-dinh'")).toEqual([{ n: 0 }]);
  });

  it('refuses a scan and a broken file, and in /kehoach a spreadsheet and an oversized file without downloading them, creating nothing', async () => {
    chat = await startTelegramChat();
    const { fake, t } = chat;
    const networks = await countOf(t, 'networks');
    fake.pushUpdate(fake.document(ADMIN, 'BQscan', 'ke-hoach-scan.pdf', { data: await scannedPdf() }));
    expect(textOf(await chat.next(ADMIN, planDraftText.noTextLayer))).toContain(m.startOver);
    fake.pushUpdate(fake.document(ADMIN, 'BQbroken', 'ke-hoach.docx', { data: Buffer.from('PK\u0003\u0004 not a zip') }));
    await chat.next(ADMIN, planDraftText.broken('Word (.docx)'));
    expect(await countOf(t, 'conversations')).toBe(0);
    expect(fake.callsOf('getFile')).toHaveLength(2);

    fake.pushUpdate(fake.privateText(ADMIN, '/kehoach moi'));
    await chat.next(ADMIN, m.ask(true));
    fake.pushUpdate(fake.document(ADMIN, 'BQx', 'ke-hoach-2026.xlsx'));
    expect(textOf(await chat.next(ADMIN, planDraftText.spreadsheet))).toContain(m.tryAnother);
    fake.pushUpdate(fake.document(ADMIN, 'BQbig', 'ke-hoach.pdf', { fileSize: 11 * 1024 * 1024 }));
    await chat.next(ADMIN, planDraftText.tooBig(10));
    expect(fake.callsOf('getFile')).toHaveLength(2);
    expect(await countOf(t, 'networks')).toBe(networks);
  });

  it("takes a non-admin's plan-like file for an activity file, refuses /kehoach, and leaves /ghinhan attachments alone", async () => {
    chat = await startTelegramChat();
    const { fake, t } = chat;
    fake.pushUpdate(fake.document(OFFICER, 'BQo1', 'Ke hoach truyen thong 2026.docx'));
    await chat.next(OFFICER, m.notAdminDocument);
    fake.pushUpdate(fake.privateText(OFFICER, '/kehoach moi'));
    await chat.next(OFFICER, onboarding.adminOnly);

    const officer = await ensureActor(t.app.db, { platform: 'telegram', userId: String(OFFICER), name: 'Lan' }, []);
    const agency = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
    await insertActiveMembership(t.app.db, {
      personId: officer.personId,
      networkId: 'vinh-phuc',
      agencyId: agency.id,
      decidedBy: null,
      at: t.clock.now,
    });
    fake.pushUpdate(fake.privateText(OFFICER, '/ghinhan họp báo hôm qua: Họp báo quý IV'));
    await chat.next(OFFICER, 'Tôi hiểu như sau');
    fake.pushUpdate(fake.document(OFFICER, 'BQo2', 'Ke hoach truyen thong 2026.docx'));
    await chat.next(OFFICER, activityText.attachmentKept(1));
    expect(fake.callsOf('getFile')).toHaveLength(0);
  });
});
