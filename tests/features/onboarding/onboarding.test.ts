import { afterEach, describe, expect, it } from 'vitest';
import { findActorByPerson, findGroup, listAudit, listOutgoing } from '../../../src/db/index.js';
import { mapTelegramUpdate } from '../../../src/platforms/telegram/map.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { accessText } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

let t: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const vpGroup = { id: 'nhom-vp', title: 'Mạng lưới Vĩnh Phúc' };
const codeIn = (text: string) => /: ([A-Z2-9]{8})\n/.exec(text)?.[1] ?? '';
const auditActions = async (app: TestApp) => (await listAudit(app.app.db, 200)).map((e) => e.action);

async function inviteCode(app: TestApp, agency: string): Promise<string> {
  const code = codeIn(await app.sayText('admin', `/moi ${agency}`));
  expect(code).toHaveLength(8);
  return code;
}

describe('done when: in the console, bind, invite, register, ask', () => {
  it('an officer invited to Sở Tư pháp registers with the code and gets 4.a, 4.b then 1.a–1.đ, each with its section', async () => {
    t = await createTestApp();
    expect(await t.sayText('admin', '/thietlap Vĩnh Phúc', { group: vpGroup })).toContain(
      'Đã gắn nhóm "Mạng lưới Vĩnh Phúc" với mạng lưới Tỉnh Vĩnh Phúc',
    );
    const pick = await t.say('admin', '/moi Sở Tư pháp');
    expect(pick[0]!.choices!.map((c) => c.label)).toEqual([
      'Sở Tư pháp (Tỉnh Bình Định)',
      'Sở Tư pháp (Tỉnh Vĩnh Phúc)',
    ]);
    const invite = await t.sayText('admin', '2');
    expect(invite).toContain('Mã mời cán bộ đầu mối của Sở Tư pháp (Tỉnh Vĩnh Phúc)');
    expect(invite).toContain('hết hạn ngày 28/11/2026');
    expect(await t.sayText('lan', `/dangky ${codeIn(invite)}`, { name: 'Nguyễn Thị Lan' })).toContain(
      'Đăng ký thành công! Bạn là cán bộ đầu mối của Sở Tư pháp (Tỉnh Vĩnh Phúc).',
    );
    const answer = await t.sayText('lan', 'tôi phải làm gì?');
    expect(answer).toContain('Nhiệm vụ của Sở Tư pháp (Tỉnh Vĩnh Phúc): 7 nhiệm vụ');
    const sections = [...answer.matchAll(/^\d+\. Mục (\S+) \(Công văn của UBND tỉnh Vĩnh Phúc\)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['4.a', '4.b', '1.a', '1.b', '1.c', '1.d', '1.đ']);
    expect(answer.indexOf('Nhiệm vụ được giao riêng:')).toBeLessThan(
      answer.indexOf('Nhiệm vụ chung của tất cả cơ quan, đơn vị:'),
    );
    expect(await auditActions(t)).toEqual(
      expect.arrayContaining(['group.bind', 'invite.create', 'membership.register']),
    );
  });
});

describe('invite codes', () => {
  it('registers through the deep link /start <code>, ignoring case', async () => {
    t = await createTestApp();
    const code = await inviteCode(t, 'Sở Tài chính Vĩnh Phúc');
    expect(await t.sayText('hoa', `/start ${code.toLowerCase()}`)).toContain(
      'Bạn là cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc)',
    );
  });

  it('answers used, expired and unknown codes the same way (a guesser learns nothing), and a repeat by the same officer kindly', async () => {
    t = await createTestApp();
    const code = await inviteCode(t, 'STP Vĩnh Phúc');
    await t.say('lan', `/dangky ${code}`);
    expect(await t.sayText('lan', `/dangky ${code}`)).toBe(
      'Bạn đã là cán bộ đầu mối của Sở Tư pháp (Tỉnh Vĩnh Phúc) rồi. Gõ /nhiemvu để xem nhiệm vụ.',
    );
    expect(await t.sayText('binh', `/dangky ${code}`)).toBe(accessText.codeInvalid);
    const late = await inviteCode(t, 'STP Vĩnh Phúc');
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 86_400_000 + 1000);
    expect(await t.sayText('binh', `/dangky ${late}`)).toBe(accessText.codeInvalid);
    expect(await t.sayText('binh', '/dangky ZZZZ9999')).toBe(accessText.codeInvalid);
    expect(await t.sayText('binh', 'tôi phải làm gì?')).toContain('Bạn chưa đăng ký là cán bộ đầu mối của cơ quan nào');
  });

  it('lets an agency have several officers but a person only one agency per network', async () => {
    t = await createTestApp();
    await t.say('lan', `/dangky ${await inviteCode(t, 'STP Vĩnh Phúc')}`);
    expect(await t.sayText('binh', `/dangky ${await inviteCode(t, 'STP Vĩnh Phúc')}`)).toContain('Đăng ký thành công!');
    const other = await inviteCode(t, 'Sở Tài chính Vĩnh Phúc');
    expect(await t.sayText('lan', `/dangky ${other}`)).toContain(
      'Bạn đang là cán bộ đầu mối của Sở Tư pháp trong mạng lưới Tỉnh Vĩnh Phúc. Mỗi người chỉ đại diện cho một cơ quan',
    );
    expect(await t.sayText('hoa', `/dangky ${other}`)).toContain('Đăng ký thành công!'); // the refusal did not use the code up
    expect(await t.sayText('lan', `/dangky ${await inviteCode(t, 'Sở Tài chính Bình Định')}`)).toContain(
      'Sở Tài chính (Tỉnh Bình Định)',
    );
  });

  it('is created by admins only, and includes the Telegram deep link there', async () => {
    fake = await startFakeTelegram();
    const botInfo = {
      ...BOT_USER,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    t = await createTestApp({
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: 'telegram:500' },
      appOptions: { telegramBotInfo: botInfo },
    });
    expect(await t.sayText('501', '/moi STP Vĩnh Phúc', { platform: 'telegram' })).toBe(
      'Chỉ quản trị viên mới dùng được lệnh này.',
    );
    const text = await t.sayText('500', '/moi STP Vĩnh Phúc', { platform: 'telegram' });
    const code = codeIn(text);
    expect(text).toContain(`https://t.me/${BOT_USER.username}?start=${code}`);
  });
});

describe('registration without a code', () => {
  async function fileRequest(app: TestApp, userId: string, name: string): Promise<number> {
    await app.say('admin', '/trogiup'); // the admin has a private chat with the bot
    const networks = await app.say(userId, '/dangky', { name });
    expect(networks[0]!.choices!.map((c) => c.label)).not.toContain('Huyện Tây Sơn');
    const vp = networks[0]!.choices!.findIndex((c) => c.label === 'Tỉnh Vĩnh Phúc') + 1;
    expect(await app.sayText(userId, String(vp))).toContain('Mạng lưới Tỉnh Vĩnh Phúc. Cơ quan của bạn tên là gì?');
    // One match is a yes-or-no question, not a menu of one; "không" asks for the name again.
    const matches = await app.say(userId, 'tai chinh');
    expect(matches[0]!.text).toContain('Cơ quan khớp với "tai chinh": Sở Tài chính. Đúng là cơ quan của bạn?');
    expect(matches[0]!.choices!.map((c) => c.label)).toEqual(['Đúng, gửi yêu cầu: Sở Tài chính']);
    expect(await app.sayText(userId, 'không')).toContain('Cơ quan của bạn tên là gì?');
    await app.say(userId, 'tai chinh');
    expect(await app.sayText(userId, 'có')).toContain(
      'Đã gửi yêu cầu đăng ký làm cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc)',
    );
    const notice = (await listOutgoing(app.app.db, 'console')).find(
      (m) => m.chatId === 'admin' && m.text.startsWith('Yêu cầu đăng ký #'),
    )!;
    expect(notice.text).toContain(`${name} xin làm cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc)`);
    return Number(/#(\d+)/.exec(notice.text)![1]);
  }

  it('files a pending request, notifies the admin, and an approval makes the user an officer', async () => {
    t = await createTestApp();
    const id = await fileRequest(t, 'minh', 'Trần Văn Minh');
    expect(await t.sayText('minh', 'nhiệm vụ của tôi')).toContain(
      'Yêu cầu làm cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc) đang chờ quản trị viên duyệt',
    );
    expect(await t.sayText('minh', `/duyet ${id} ok`)).toBe('Chỉ quản trị viên mới dùng được lệnh này.');
    const list = await t.say('admin', '/duyet');
    expect(list[0]!.text).toContain(`#${id} Trần Văn Minh - Sở Tài chính (Tỉnh Vĩnh Phúc), gửi ngày 21/11/2026`);
    expect(list[0]!.choices![0]).toEqual({ id: `/duyet ${id} ok`, label: `Duyệt #${id}` });
    expect(await t.sayText('admin', '', { choice: `/duyet ${id} ok` })).toBe(
      'Đã duyệt: Trần Văn Minh là cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc).',
    );
    expect(await t.sayText('admin', `/duyet ${id} khong`)).toBe(`Yêu cầu #${id} đã được xử lý trước đó (đã duyệt).`);
    const told = (await listOutgoing(t.app.db, 'console')).filter((m) => m.chatId === 'minh').map((m) => m.text);
    expect(told).toEqual([
      'Yêu cầu của bạn đã được duyệt: bạn là cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc). Gõ "nhiệm vụ của tôi" để xem nhiệm vụ được giao.',
    ]);
    expect(await t.sayText('minh', 'nhiệm vụ của tôi')).toContain('Mục 7 (Công văn của UBND tỉnh Vĩnh Phúc)');
    expect(await auditActions(t)).toEqual(expect.arrayContaining(['membership.request', 'membership.approve']));
  });

  it('tells the applicant about a rejection, after which they are still unregistered', async () => {
    t = await createTestApp();
    const id = await fileRequest(t, 'minh', 'Trần Văn Minh');
    expect(await t.sayText('admin', `/duyet ${id} khong`)).toBe('Đã từ chối yêu cầu của Trần Văn Minh (Sở Tài chính).');
    const told = (await listOutgoing(t.app.db, 'console')).filter((m) => m.chatId === 'minh').map((m) => m.text);
    expect(told).toEqual([
      expect.stringContaining('Yêu cầu làm cán bộ đầu mối của Sở Tài chính (Tỉnh Vĩnh Phúc) chưa được duyệt.'),
    ]);
    expect(await t.sayText('minh', 'nhiệm vụ của tôi')).toContain('Bạn chưa đăng ký là cán bộ đầu mối');
    expect(await t.sayText('admin', '/duyet')).toBe('Không có yêu cầu đăng ký nào đang chờ duyệt.');
  });

  it('continues where the user was after a restart', async () => {
    t = await createTestApp();
    const dir = t.dir;
    const networks = await t.say('minh', '/dangky');
    await t.say('minh', String(networks[0]!.choices!.findIndex((c) => c.label === 'Tỉnh Vĩnh Phúc') + 1));
    await t.app.stop();
    const again = await createTestApp({ dir });
    try {
      const matches = await again.say('minh', 'STP');
      expect(matches[0]!.choices!.map((c) => c.label)).toEqual(['Đúng, gửi yêu cầu: Sở Tư pháp']);
    } finally {
      await again.close();
    }
  });
});

describe('/capquyen', () => {
  it('grants and revokes network roles by platform id, with notices and audit', async () => {
    t = await createTestApp();
    await t.say('an', '/start', { name: 'Nguyễn Văn An' });
    expect(await t.sayText('an', '/capquyen Nguyễn Văn An quantri Vĩnh Phúc')).toBe(
      'Chỉ quản trị viên mới dùng được lệnh này.',
    );
    expect(await t.sayText('admin', '/capquyen console:an quantri vinh phuc')).toBe(
      'Đã cấp quyền quản trị mạng lưới Tỉnh Vĩnh Phúc cho Nguyễn Văn An.',
    );
    expect(await t.sayText('admin', '/capquyen console:an quản trị vinh-phuc')).toBe(
      'Nguyễn Văn An đã có quyền quản trị mạng lưới Tỉnh Vĩnh Phúc.',
    );
    expect(codeIn(await t.sayText('an', '/moi STP Vĩnh Phúc'))).toHaveLength(8);
    expect(await t.sayText('an', '/moi STP Bình Định')).toBe(
      'Bạn không phải quản trị viên của mạng lưới Tỉnh Bình Định.',
    );
    expect(await t.sayText('an', '/capquyen admin lanhdao Bình Định')).toBe(
      'Bạn không phải quản trị viên của mạng lưới Tỉnh Bình Định.',
    );
    expect(await t.sayText('admin', '/capquyen thu console:an quantri Vĩnh Phúc')).toBe(
      'Đã thu hồi quyền quản trị mạng lưới Tỉnh Vĩnh Phúc của Nguyễn Văn An.',
    );
    expect(await t.sayText('an', '/moi STP Vĩnh Phúc')).toBe('Chỉ quản trị viên mới dùng được lệnh này.');
    expect(await t.sayText('admin', '/capquyen thu console:an lanhdao Vĩnh Phúc')).toBe(
      'Nguyễn Văn An không có quyền lãnh đạo mạng lưới Tỉnh Vĩnh Phúc nên không có gì để thu hồi.',
    );
    expect(await t.sayText('admin', '/capquyen thu console:admin quantri Vĩnh Phúc')).toContain(
      'là quản trị viên theo cấu hình ADMINS',
    );
    const told = (await listOutgoing(t.app.db, 'console')).filter((m) => m.chatId === 'an').map((m) => m.text);
    expect(told).toEqual([
      'Bạn vừa được cấp quyền quản trị mạng lưới Tỉnh Vĩnh Phúc.',
      'Quyền quản trị mạng lưới Tỉnh Vĩnh Phúc của bạn đã được thu hồi.',
    ]);
    expect((await auditActions(t)).filter((a) => a.startsWith('role.'))).toEqual(['role.revoke', 'role.grant']);
  });

  it('names the person by replying to them, and asks which person a name means or says it is unknown', async () => {
    t = await createTestApp();
    await t.say('an1', '/start', { name: 'Nguyễn An' });
    await t.say('an2', '/start', { name: 'Nguyễn An' });
    const both = await t.sayText('admin', '/capquyen Nguyễn An lanhdao Vĩnh Phúc');
    expect(both).toContain('Nguyễn An [console:an1]');
    expect(both).toContain('Nguyễn An [console:an2]');
    expect(await t.sayText('admin', '/capquyen Lê Văn Không lanhdao Vĩnh Phúc')).toContain(
      'Không tìm thấy người dùng "Lê Văn Không"',
    );
    expect(await t.sayText('admin', '/capquyen Nguyễn An lanhdao')).toContain('Cách dùng:');
    const replies = await t.app.core.handle({
      platform: 'console',
      chat: { id: 'g1', type: 'group', title: 'Nhóm' },
      sender: { id: 'admin', name: 'Quản trị' },
      text: '/capquyen lanhdao Vĩnh Phúc',
      command: { name: 'capquyen', args: 'lanhdao Vĩnh Phúc' },
      replyTo: { id: 'an2', name: 'Nguyễn An' },
      attachments: [],
      addressed: true,
      date: t.clock.now,
    });
    expect(replies.map((r) => r.text)).toEqual(['Đã cấp quyền lãnh đạo mạng lưới Tỉnh Vĩnh Phúc cho Nguyễn An.']);
    const an2 = (
      (await sqlGet(t.app.db, "SELECT person_id AS id FROM identities WHERE user_id = 'an2'")) as { id: number }
    ).id;
    expect((await findActorByPerson(t.app.db, an2, []))!.roles).toEqual([{ networkId: 'vinh-phuc', role: 'leader' }]);
  });
});

describe('Telegram replies name a person', () => {
  const bot = { id: 4242, username: 'daumoi_test_bot' };
  const update = (replyFrom: Record<string, unknown>) => ({
    update_id: 1,
    message: {
      message_id: 9,
      date: 1_800_000_000,
      chat: { id: -100777, type: 'supergroup', title: 'Nhóm' },
      from: { id: 500, is_bot: false, first_name: 'Quản', last_name: 'Trị' },
      text: '/capquyen lanhdao Vĩnh Phúc',
      reply_to_message: {
        message_id: 8,
        date: 1_800_000_000,
        chat: { id: -100777, type: 'supergroup' },
        from: replyFrom,
      },
    },
  });

  it('carries the replied-to author, but not the bot itself', () => {
    const person = mapTelegramUpdate(
      update({ id: 777, is_bot: false, first_name: 'Nguyễn', last_name: 'An', username: 'nguyenan' }) as never,
      bot,
    );
    expect(person?.replyTo).toEqual({ id: '777', name: 'Nguyễn An', username: 'nguyenan' });
    expect(
      mapTelegramUpdate(update({ id: 4242, is_bot: true, first_name: 'Đầu Mối' }) as never, bot)?.replyTo,
    ).toBeUndefined();
  });
});

describe('/thietlap group binding', () => {
  it('is refused in private chats, to non-admins, and to admins of another network', async () => {
    t = await createTestApp();
    expect(await t.sayText('admin', '/thietlap Vĩnh Phúc')).toContain('dùng trong nhóm chat');
    expect(await t.sayText('lan', '/thietlap Vĩnh Phúc', { group: vpGroup })).toBe(
      'Chỉ quản trị viên mới dùng được lệnh này.',
    );
    await t.say('an', '/start', { name: 'Nguyễn Văn An' });
    await t.say('admin', '/capquyen console:an quantri Bình Định');
    expect(await t.sayText('an', '/thietlap Vĩnh Phúc', { group: vpGroup })).toBe(
      'Bạn không phải quản trị viên của mạng lưới Tỉnh Vĩnh Phúc.',
    );
    expect(await t.sayText('an', '/thietlap Hà Nội', { group: vpGroup })).toContain(
      'Không tìm thấy mạng lưới "Hà Nội"',
    );
    expect(await findGroup(t.app.db, 'console', vpGroup.id)).toBeUndefined();
    expect(await t.sayText('an', '/thietlap binh-dinh', { group: vpGroup })).toContain('với mạng lưới Tỉnh Bình Định');
  });

  it('on Telegram requires the caller to administer the group (getChatMember)', async () => {
    fake = await startFakeTelegram();
    t = await createTestApp({
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: 'telegram:500' },
    });
    const group = { id: '-100777', title: 'Đầu mối Vĩnh Phúc' };
    expect(await t.sayText('500', '/thietlap Vĩnh Phúc', { platform: 'telegram', group })).toBe(
      'Bạn cần là quản trị viên của nhóm này mới gắn được nhóm với mạng lưới.',
    );
    expect(await findGroup(t.app.db, 'telegram', group.id)).toBeUndefined();
    fake.setChatMember(group.id, 500, 'administrator');
    expect(await t.sayText('500', '/thietlap Vĩnh Phúc', { platform: 'telegram', group })).toContain(
      'Đã gắn nhóm "Đầu mối Vĩnh Phúc"',
    );
    expect(await findGroup(t.app.db, 'telegram', group.id)).toMatchObject({ networkId: 'vinh-phuc' });
    expect(fake.callsOf('getChatMember').map((c) => String(c.params.user_id))).toEqual(['500', '500']);
  });
});
