import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, listNetworks } from '../../../src/db/index.js';
import { activityText, common, planChatText as m, planDraftText } from '../../../src/messages/index.js';
import type { Reply } from '../../../src/kernel/message.js';
import { seedOf } from '../../support/seed-documents.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const textOf = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const idOf = (replies: Reply[], label: string) => replies.at(-1)!.choices!.find((c) => c.label === label)!.id;
const conversations = async (app: TestApp) =>
  ((await sqlGet(app.app.db, 'SELECT count(*) AS n FROM conversations')) as { n: number }).n;

/** The admin (console) pastes a seed's text after /kehoach moi and gets the review. */
async function pasted(plan: 'cam-thanh' | 'tay-son'): Promise<{ t: TestApp; review: Reply[] }> {
  t = await createTestApp();
  await t.say('admin', '/kehoach moi');
  let review = await t.say('admin', seedOf(plan));
  // The cam-thanh text is longer than a chat message: the bot asks whether more is coming.
  if (textOf(review).startsWith('Đã nhận phần')) review = await t.say('admin', '', { choice: idOf(review, m.draftButton) });
  return { t, review };
}

describe('/kehoach moi in the chat', () => {
  it('gathers a long paste, renames the network, drops an agency and creates the network with its admin', async () => {
    t = await createTestApp();
    expect(textOf(await t.say('admin', '/kehoach moi'))).toBe(m.ask(false));
    const text = seedOf('cam-thanh');
    const cut = text.indexOf('\n', 4500);
    const first = await t.say('admin', text.slice(0, cut));
    expect(textOf(first)).toBe(m.pasteMore(1, cut));
    const review = await t.say('admin', text.slice(cut + 1));
    expect(textOf(review)).toContain('Bản nháp kế hoạch: Xã Cẩm Thành (cam-thanh), cấp xã');

    await t.say('admin', '', { choice: idOf(review, m.buttons.rename) });
    const renamed = await t.say('admin', 'Xã Cẩm Thành mới');
    expect(textOf(renamed)).toContain('Bản nháp kế hoạch: Xã Cẩm Thành mới (cam-thanh)');
    await t.say('admin', '', { choice: idOf(renamed, m.buttons.rename) });
    // The shipped network's id is refused here: replacing it is a choice of its own.
    expect(textOf(await t.say('admin', 'mã cam-thanh'))).toContain(m.idOfOther('cam-thanh', 'Xã Cẩm Thành'));
    expect(textOf(await t.say('admin', 'mã Cam Thanh!'))).toContain(m.badId('cam thanh!'));
    const reIded = await t.say('admin', 'mã cam-thanh-moi');
    expect(textOf(reIded)).toContain(m.targetNew('cam-thanh-moi'));

    const menu = await t.say('admin', '', { choice: idOf(reIded, m.buttons.drop) });
    const stale = idOf(menu, 'Công chức Tài chính - Kế toán');
    const dropped = await t.say('admin', '', { choice: stale });
    expect(textOf(dropped)).toContain(m.dropped('Công chức Tài chính - Kế toán', 1));
    expect(textOf(dropped)).toContain('5 cơ quan:');
    // A button left from before the drop would now name another agency: refused.
    await t.say('admin', '', { choice: idOf(dropped, m.buttons.drop) });
    expect(textOf(await t.say('admin', '', { choice: stale }))).toContain(m.agencyGone);

    const done = await t.say('admin', '', { choice: 'kh:back' }).then((r) => t!.say('admin', '', { choice: idOf(r, m.buttons.confirm) }));
    expect(textOf(done)).toContain('Đã tạo mạng lưới Xã Cẩm Thành mới (cam-thanh-moi): 5 cơ quan');
    expect(done.at(-1)!.file).toMatchObject({ kind: 'document', fileName: 'cam-thanh-moi.yaml' });
    expect((await listNetworks(t.app.db)).find((n) => n.id === 'cam-thanh-moi')).toMatchObject({ agencies: 5 });
    const audit = (await listAudit(t.app.db)).find((a) => a.action === 'plan.chat-import')!;
    expect(audit.detail).toMatchObject({ networkId: 'cam-thanh-moi', file: 'van-ban-dan-2026-11-21.txt' });
    expect((await listAudit(t.app.db)).find((a) => a.action === 'role.grant')!.detail).toMatchObject({
      networkId: 'cam-thanh-moi',
      role: 'admin',
    });
    expect(await conversations(t)).toBe(0);
  });

  it('confirms no new network under an id in use: the existing network stays as it was', async () => {
    const { t, review } = await pasted('tay-son');
    expect(textOf(review)).toContain(m.idTaken('tay-son', 'Huyện Tây Sơn'));
    const before = (await sqlGet(t.app.db, "SELECT plan_hash AS h FROM networks WHERE id = 'tay-son'"));
    const answer = await t.say('admin', '', { choice: idOf(review, m.buttons.confirm) });
    expect(textOf(answer)).toContain(m.idNowTaken('tay-son'));
    expect((await sqlGet(t.app.db, "SELECT plan_hash AS h FROM networks WHERE id = 'tay-son'"))).toEqual(before);
    expect(await conversations(t)).toBe(1);
  });

  it('keeps a paste that gives no tasks, drafting once the rest arrives', async () => {
    t = await createTestApp();
    await t.say('admin', '/kehoach moi');
    const text = seedOf('tay-son');
    const cut = text.indexOf('1. Chỉ đạo');
    const header = await t.say('admin', text.slice(0, cut));
    expect(textOf(header)).toBe([planDraftText.noTasks, m.pasteKept(1, cut)].join('\n'));
    expect(textOf(await t.say('admin', text.slice(cut)))).toContain('Bản nháp kế hoạch: Huyện Tây Sơn');
  });

  it('says what /huy and "Hủy" leave behind: nothing', async () => {
    const { t, review } = await pasted('tay-son');
    expect(textOf(await t.say('admin', '/huy'))).toBe(m.cancelled);
    expect(await conversations(t)).toBe(0);
    await t.say('admin', '/kehoach moi');
    const again = await t.say('admin', seedOf('tay-son'));
    expect(textOf(await t.say('admin', '', { choice: idOf(again, m.buttons.cancel) }))).toBe(m.cancelled);
    expect(review.at(-1)!.choices!.map((c) => c.label)).toContain(m.buttons.cancel);
  });

  it('does not start over an unsaved /ghinhan activity, and refuses a huge paste, a classified text and a photo', async () => {
    t = await createTestApp();
    await t.registerOfficer('admin', 'vinh-phuc', 'so-tu-phap');
    await t.say('admin', '/ghinhan họp báo hôm qua: Họp báo quý IV');
    expect(textOf(await t.say('admin', '/kehoach moi'))).toBe(m.busy);
    expect(textOf(await t.say('admin', '/huy'))).toBe(common.cancelled);

    await t.say('admin', '/kehoach moi');
    expect(textOf(await t.say('admin', 'x'.repeat(200_001)))).toBe(m.pasteTooLong(200_000));
    expect(textOf(await t.say('admin', `TÀI LIỆU MẬT\n${seedOf('tay-son')}`))).toContain(m.classified);
    const photo = await t.say('admin', '', { attachments: [{ kind: 'photo', fileId: 'p1' }] });
    expect(textOf(photo)).toContain(m.notADocument);
    expect(textOf(photo)).not.toContain(activityText.attachmentKept(1));
    expect((await listNetworks(t.app.db)).length).toBe(5);
  });

  it('on Zalo asks for the text, since Zalo does not pass files to the bot', async () => {
    t = await createTestApp({ env: { ADMINS: 'console:admin,zalo:z1' } });
    expect(textOf(await t.say('z1', '/plan new', { platform: 'zalo' }))).toBe(m.ask(false));
    const review = await t.say('z1', seedOf('tay-son'), { platform: 'zalo' });
    expect(textOf(review)).toContain('Bản nháp kế hoạch: Huyện Tây Sơn');
    // Zalo shows the buttons as a numbered list: "1" is "Xác nhận".
    expect(review.at(-1)!.choices![0]!.label).toBe(m.buttons.confirm);
  });
});
