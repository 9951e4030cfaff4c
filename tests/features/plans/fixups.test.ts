import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listAgencies, listAudit } from '../../../src/db/index.js';
import type { Reply } from '../../../src/kernel/message.js';
import { common, planChatText as m, planDraftText, planEditText as e } from '../../../src/messages/index.js';
import { docxOf, seedOf } from '../../support/seed-documents.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlRun } from '../../support/sql.js';
import { onPostgres } from '../../support/test-db.js';
import { ADMIN, buttonsOf, startTelegramChat, textOf as callText, type TelegramChat } from './telegram-chat.js';

let t: TestApp | undefined;
let chat: TelegramChat | undefined;
afterEach(async () => {
  await t?.close();
  await chat?.close();
  t = undefined;
  chat = undefined;
});

const textOf = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const idOf = (replies: Reply[], label: string) => {
  const choice = replies.at(-1)!.choices!.find((c) => c.label === label);
  if (!choice) throw new Error(`No button "${label}" in ${replies.at(-1)!.choices!.map((c) => c.label).join(' | ')}`);
  return choice.id;
};

/** A commune plan that names one centre twice, under its full and its short name. */
const hoaAn = readFileSync(new URL('../../fixtures/plan-documents/xa-hoa-an-hai-ten.txt', import.meta.url), 'utf8');

/** The admin (console) pastes a text after /kehoach moi and gets the review. */
async function review(text: string): Promise<Reply[]> {
  t = await createTestApp();
  await t.say('admin', '/kehoach moi');
  const first = await t.say('admin', text);
  if (!textOf(first).startsWith('Đã nhận phần')) return first;
  return t.say('admin', '', { choice: idOf(first, m.draftButton) });
}

const press = (replies: Reply[], label: string) => t!.say('admin', '', { choice: idOf(replies, label) });

describe('fixing the draft in the /kehoach review', () => {
  it('merges two agencies, renames one, moves a task and sets the deadline, and imports the plan as shown', async () => {
    const first = await review(hoaAn);
    expect(textOf(first)).toContain('4 cơ quan:');
    expect(first.at(-1)!.choices!.map((c) => c.label)).toEqual([
      m.buttons.confirm,
      m.buttons.rename,
      m.buttons.target,
      e.buttons.renameAgency,
      e.buttons.merge,
      e.buttons.move,
      e.buttons.deadline,
      m.buttons.drop,
      m.buttons.cancel,
    ]);

    // Merge: the short-named centre typed without diacritics, then the kept one by its button.
    const from = await press(first, e.buttons.merge);
    expect(textOf(from)).toContain(e.askMergeFrom);
    const staleFrom = idOf(from, 'Trung tâm VH-TT&TT');
    const into = await t!.say('admin', 'trung tam vh-tt&tt');
    expect(textOf(into)).toBe(e.askMergeInto('Trung tâm VH-TT&TT'));
    expect(into.at(-1)!.choices!.map((c) => c.label)).not.toContain('Trung tâm VH-TT&TT');
    // A button of the first menu is not an answer to the second question.
    expect(textOf(await t!.say('admin', '', { choice: staleFrom }))).toContain(e.pickAgainNote);
    const merged = await t!.say('admin', '', { choice: idOf(into, 'Trung tâm Văn hóa - Thông tin và Thể thao') });
    expect(textOf(merged)).toContain(e.merged('Trung tâm VH-TT&TT', 'Trung tâm Văn hóa - Thông tin và Thể thao', 1, 0));
    expect(textOf(merged)).toContain('3 cơ quan:');
    expect(textOf(merged)).toContain(
      '  - Trung tâm Văn hóa - Thông tin và Thể thao (trung-tam-van-hoa-thong-tin): 3 nhiệm vụ riêng (I.1.a, I.1.b, I.2.a)',
    );

    // Rename, typed in one line without diacritics; the new name keeps its diacritics as typed.
    const renamed = await t!.say('admin', 'doi ten cong chuc tu phap ho tich thanh Công chức Tư pháp - Hộ tịch xã Hòa An');
    expect(textOf(renamed)).toContain(e.agencyRenamed('Công chức Tư pháp - Hộ tịch', 'Công chức Tư pháp - Hộ tịch xã Hòa An'));
    expect(textOf(renamed)).toContain('  - Công chức Tư pháp - Hộ tịch xã Hòa An (cong-chuc-tu-phap-ho-tich): 2 nhiệm vụ riêng');

    // Move: the section typed loosely, the agency by a part of its name.
    await press(renamed, e.buttons.move);
    const to = await t!.say('admin', 'muc i 3 b');
    expect(textOf(to)).toBe(e.askMoveTo('I.3.b', 'Công chức Tư pháp - Hộ tịch xã Hòa An'));
    const moved = await t!.say('admin', 'trung tam van hoa');
    expect(textOf(moved)).toContain(e.moved('I.3.b', 'Công chức Tư pháp - Hộ tịch xã Hòa An', 'Trung tâm Văn hóa - Thông tin và Thể thao'));
    expect(textOf(moved)).toContain('4 nhiệm vụ riêng (I.1.a, I.1.b, I.2.a, I.3.b)');

    // The deadline: the document gave no frequency, so it is asked first; a date that does not exist is refused.
    expect(textOf(moved)).toContain(planDraftText.doubt.dutyNoFrequency);
    const freq = await press(moved, e.buttons.deadline);
    expect(textOf(freq)).toBe(e.askFrequency('Báo cáo kết quả thực hiện'));
    const date = await press(freq, e.buttons.frequency('yearly'));
    expect(textOf(date)).toContain('Kỳ báo cáo hằng năm; hạn hiện tại: ngày 15/12 hằng năm (hạn do mạng lưới chọn).');
    expect(textOf(await t!.say('admin', '31/2'))).toContain(e.badDeadline('yearly'));
    const dated = await t!.say('admin', 'truoc ngay 13 thang 12');
    expect(textOf(dated)).toContain(e.deadlineSet('Báo cáo kết quả thực hiện', 'yearly', 'ngày 13/12 hằng năm'));
    expect(textOf(dated)).toContain('kỳ hằng năm; hạn ngày 13/12 hằng năm; gửi UBND xã');
    expect(textOf(dated)).not.toContain(planDraftText.doubt.dutyNoFrequency);
    expect(textOf(dated)).not.toContain(planDraftText.doubt.dutyNoDeadline);

    const done = await press(dated, m.buttons.confirm);
    expect(textOf(done)).toContain('Đã tạo mạng lưới Xã Hòa An (hoa-an): 3 cơ quan, 6 nhiệm vụ');
    const agencies = await listAgencies(t!.app.db, 'hoa-an');
    const centre = agencies.find((a) => a.slug === 'trung-tam-van-hoa-thong-tin')!;
    expect(centre.aliases).toContain('Trung tâm VH-TT&TT');
    expect(agencies.find((a) => a.slug === 'cong-chuc-tu-phap-ho-tich')).toMatchObject({
      name: 'Công chức Tư pháp - Hộ tịch xã Hòa An',
      aliases: ['Công chức Tư pháp - Hộ tịch'],
    });
    const yaml = done.at(-1)!.file!.data.toString('utf8');
    expect(yaml).toContain('wording: ngày 13/12 hằng năm');
    expect(yaml).not.toContain('trung-tam-vh-tt-tt');
    const audit = (await listAudit(t!.app.db)).find((a) => a.action === 'plan.chat-import')!;
    expect((audit.detail as { edits: { action: string }[] }).edits.map((x) => x.action)).toEqual([
      'agency.merge',
      'agency.rename',
      'task.move',
      'duty.deadline',
    ]);

    // Officers find the merged agency by the name it lost.
    expect(await t!.sayText('admin', '/nhiemvu Trung tâm VH-TT&TT')).toContain('Trung tâm Văn hóa - Thông tin và Thể thao');
  });

  it('moves 2.đ, not 2.d, when "2.dd" is typed, and reads the typed deadline without asking again', async () => {
    const first = await review(seedOf('vinh-phuc'));
    const moved = await t!.say('admin', 'chuyen 2.dd sang so tu phap');
    expect(textOf(moved)).toContain(e.moved('2.đ', 'Sở TT&TT', 'Sở Tư pháp'));
    expect(textOf(moved)).toContain('  - Sở Tư pháp (so-tu-phap): 3 nhiệm vụ riêng (2.đ, 4.a, 4.b)');
    expect(textOf(moved)).toContain('5 nhiệm vụ riêng (2.a, 2.b, 2.c, 2.d, 2.e)');
    // "2.d" is 2.d itself; typed through the menu, as a reader would cite it.
    await press(first, e.buttons.move);
    expect(textOf(await t!.say('admin', '2.d'))).toBe(e.askMoveTo('2.d', 'Sở TT&TT'));
    expect(textOf(await t!.say('admin', 'so tttt'))).toContain(e.alreadyThere('2.d', 'Sở Thông tin và Truyền thông'));
    await t!.say('admin', '', { choice: 'kh:back' });

    const dated = await t!.say('admin', 'Hạn báo cáo 10/12');
    expect(textOf(dated)).toContain(e.deadlineSet('Báo cáo kết quả triển khai thực hiện', 'yearly', 'ngày 10/12 hằng năm'));
    expect(textOf(dated)).toContain('kỳ hằng năm; hạn ngày 10/12 hằng năm; gửi UBND tỉnh (qua Sở Thông tin và Truyền thông)');
  });

  it('adds a reporting duty to a document without one, once with its date', async () => {
    const first = await review(seedOf('tay-son'));
    expect(textOf(first)).toContain(planDraftText.noDuty);
    const freq = await press(first, e.buttons.deadline);
    expect(textOf(freq)).toContain(e.newDuty('UBND huyện Tây Sơn'));
    expect(textOf(await t!.say('admin', 'hang tuan'))).toContain(e.badFrequency);
    const date = await t!.say('admin', 'mot lan');
    expect(textOf(date)).toContain('Kỳ báo cáo một lần');
    expect(textOf(await t!.say('admin', '29/4'))).toContain(e.badDeadline('once'));
    const dated = await t!.say('admin', 'ngày 29 tháng 4 năm 2027');
    expect(textOf(dated)).toContain('Chế độ báo cáo: Báo cáo kết quả triển khai thực hiện; kỳ một lần; hạn ngày 29/4/2027; gửi UBND huyện Tây Sơn.');
    expect(textOf(dated)).not.toContain(planDraftText.doubt.noDuty);
  });

  it('refuses what would break the draft and changes nothing', async () => {
    const first = await review(hoaAn);
    // A name another agency of the draft has.
    await press(first, e.buttons.renameAgency);
    await t!.say('admin', 'Trung tâm VH-TT&TT');
    expect(textOf(await t!.say('admin', 'trung tâm văn hóa - thông tin và thể thao'))).toContain(
      e.nameOfOther('Trung tâm Văn hóa - Thông tin và Thể thao'),
    );
    expect(textOf(await t!.say('admin', 'Trung tâm VH-TT&TT'))).toContain(e.sameName);
    // An agency that is not in the draft, a part of a name that fits several, a section that is not there.
    const back = await t!.say('admin', '', { choice: 'kh:back' });
    await press(back, e.buttons.merge);
    expect(textOf(await t!.say('admin', 'Sở Tư pháp'))).toContain(e.noAgencyNamed('Sở Tư pháp'));
    expect(textOf(await t!.say('admin', 'cong chuc'))).toContain('"cong chuc" khớp với nhiều cơ quan');
    await t!.say('admin', '', { choice: 'kh:back' });
    expect(textOf(await t!.say('admin', 'chuyen 9.z sang trung tam van hoa'))).toContain(e.noSection('9.z'));
    // Buttons forged or left from before a merge.
    expect(textOf(await t!.say('admin', '', { choice: 'kh-task:99:6' }))).toContain(e.taskGone);
    await t!.say('admin', '', { choice: 'kh:back' });
    const merged = await t!.say('admin', 'gop trung tam vh-tt&tt vao trung tam van hoa');
    expect(textOf(merged)).toContain('3 cơ quan:');
    await t!.say('admin', '', { choice: idOf(merged, e.buttons.renameAgency) });
    expect(textOf(await t!.say('admin', '', { choice: 'kh-ag:rename:1:4' }))).toContain(e.pickAgainNote);
    // Every refusal left the draft as it was after the merge.
    expect(textOf(await t!.say('admin', '', { choice: 'kh:back' }))).toContain('3 cơ quan:');
  });

  it('continues a review stored before the fix-ups existed, and answers a state of another version as an upgrade', async () => {
    const first = await review(hoaAn);
    // The state as the first version of this conversation wrote it: no selected, frequency or edits.
    await sqlRun(
      t!.app.db,
      onPostgres
        ? "UPDATE conversations SET state = (state::jsonb - 'selected' - 'frequency' #- '{draft,edits}')::json"
        : "UPDATE conversations SET state = json_remove(state, '$.selected', '$.frequency', '$.draft.edits')",
    );
    const from = await press(first, e.buttons.merge);
    expect(textOf(from)).toContain(e.askMergeFrom);
    await sqlRun(t!.app.db, 'UPDATE conversations SET version = 0');
    expect(textOf(await t!.say('admin', 'trung tam vh-tt&tt'))).toBe(common.conversationOutdated);
  });

  it('takes the fix-up buttons on Telegram: a merge pressed through, and a deadline chosen by its frequency button', async () => {
    chat = await startTelegramChat();
    const { fake } = chat;
    fake.pushUpdate(fake.document(ADMIN, 'BQha', 'KH-Hoa-An.docx', { data: await docxOf(hoaAn) }));
    const review = await chat.next(ADMIN, 'Bản nháp kế hoạch');
    expect(buttonsOf(review).map((b) => b.text)).toContain(e.buttons.merge);
    chat.press(ADMIN, e.buttons.merge);
    await chat.next(ADMIN, e.askMergeFrom);
    chat.press(ADMIN, 'Trung tâm VH-TT&TT');
    await chat.next(ADMIN, e.askMergeInto('Trung tâm VH-TT&TT'));
    chat.press(ADMIN, 'Trung tâm Văn hóa - Thông tin và Thể thao');
    expect(callText(await chat.next(ADMIN, 'Đã gộp'))).toContain('3 cơ quan:');
    chat.press(ADMIN, e.buttons.deadline);
    await chat.next(ADMIN, e.askFrequency('Báo cáo kết quả thực hiện'));
    chat.press(ADMIN, e.buttons.frequency('quarterly'));
    await chat.next(ADMIN, 'Kỳ báo cáo hằng quý');
    fake.pushUpdate(fake.privateText(ADMIN, 'ngày 10'));
    const dated = callText(await chat.next(ADMIN, 'Đã đặt hạn'));
    expect(dated).toContain(e.deadlineSet('Báo cáo kết quả thực hiện', 'quarterly', 'ngày 10 tháng sau kỳ'));
    expect(dated).toContain('kỳ hằng quý; hạn ngày 10 tháng sau kỳ');
  });
});
