import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, findDraft, insertActivity, listSubmissionVersions, type Db } from '../../../src/db/index.js';
import { CLOSING, OPENING, TASK_ANSWERS, chatAs, sendAll, textOf, type Send } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

// The bot is stopped and a new one opened on the same database between two messages of a conversation.

let t: TestApp | undefined;
let dir: string;
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(now: Date): Promise<Send> {
  t = await createTestApp({ dir, now });
  return chatAs(t, 'tuphap');
}

async function restart(): Promise<Send> {
  const now = t!.clock.now;
  await t!.close();
  return start(now);
}

async function setup(): Promise<{
  send: Send;
  db: () => Db;
  key: () => Promise<{ periodId: number; agencyId: number }>;
}> {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-report-restart-'));
  const send = await start(new Date('2026-11-21T09:00:00+07:00'));
  const personId = await t!.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  const agencyId = (await findAgencyBySlug(t!.app.db, 'cam-thanh', 'cong-chuc-tu-phap'))!.id;
  for (const date of ['2026-02-01', '2026-03-01', '2026-04-01']) {
    await insertActivity(
      t!.app.db,
      {
        networkId: 'cam-thanh',
        agencyId,
        authorPersonId: personId,
        typeId: 'hop-bao',
        date,
        title: 'Họp báo',
        link: null,
        quantity: null,
        participants: null,
        taskId: null,
        attachments: [],
      },
      t!.clock.now,
    );
  }
  const db = () => t!.app.db;
  const periodId = async () => ((await sqlGet(db(), "SELECT id FROM periods WHERE key = '2026'")) as { id: number }).id;
  return { send, db, key: async () => ({ periodId: await periodId(), agencyId }) };
}

describe('/baocao across restarts', () => {
  it('continues exactly where the officer was at every kind of step after the bot restarts', async () => {
    const { key, db } = await setup();
    let send = await restart();
    await send('/baocao');
    send = await restart(); // a yes/no question
    expect(textOf(await send('có'))).toContain('Câu 2/16');
    send = await restart(); // a text question
    expect(textOf(await send(OPENING[1]!))).toContain('nhiệm vụ 1/11');
    await sendAll(send, TASK_ANSWERS.slice(0, 5));
    send = await restart(); // in the middle of the tasks
    expect(textOf(await send('Đã hoàn thành'))).toContain('nhiệm vụ 7/11');
    await sendAll(send, TASK_ANSWERS.slice(6, -1));
    expect(textOf(await send(TASK_ANSWERS.at(-1)!))).toContain('ghi nhận 3 hoạt động “Họp báo”');
    send = await restart(); // offered the logged figure
    expect(textOf(await send('Nhập số khác'))).toContain('Gõ một số');
    send = await restart(); // typing a figure of one's own: "1" is the number one, not "Giữ 3"
    await send('1');
    expect((await findDraft(db(), await key()))!.answers['so-hop-bao']).toBe(1);
    await sendAll(send, CLOSING.slice(1));
    send = await restart(); // the preview
    expect(textOf(await send('Sửa một câu'))).toContain('Gõ số thứ tự câu cần sửa');
    send = await restart(); // choosing which question to edit
    expect(textOf(await send('13'))).toContain('Đang trả lời: Khá');
    send = await restart(); // editing one question from the preview
    expect(textOf(await send('Tốt'))).toContain('XEM TRƯỚC BÁO CÁO');
    send = await restart();
    expect(textOf(await send('Nộp báo cáo'))).toContain('Số tiếp nhận: BC-2026-0001');
  });

  it("done when: Cẩm Thành's justice official submits the yearly report across a restart and edits one answer before 13/12, keeping both versions", async () => {
    const { key, db } = await setup();
    let send = await restart();
    expect(textOf(await send('/baocao'))).toContain('Công chức Tư pháp');
    await sendAll(send, [...OPENING, ...TASK_ANSWERS.slice(0, 6)]);
    send = await restart();
    expect(textOf(await send('/baocao'))).toContain('Tiếp tục bản nháp báo cáo (đã trả lời xong 2/16 câu).');
    await sendAll(send, [...TASK_ANSWERS.slice(6), 'Giữ 3', ...CLOSING.slice(1)]);
    expect(textOf(await send('Nộp báo cáo'))).toContain('Đúng hạn');
    t!.clock.now = new Date('2026-12-11T15:00:00+07:00');
    send = await restart();
    await sendAll(send, ['/baocao', 'Sửa báo cáo', 'sửa 9']);
    expect(textOf(await send('4'))).toContain('9. [II] Số dự thảo chính sách đã đăng lấy ý kiến\n   → 4');
    expect(textOf(await send('Nộp báo cáo'))).toContain('phiên bản 2');
    const versions = await listSubmissionVersions(db(), await key());
    expect(versions.map((v) => [v.version, v.current, v.answers['so-du-thao'], v.answers['so-hop-bao']])).toEqual([
      [2, true, 4, 3],
      [1, false, 3, 3],
    ]);
  });
});
