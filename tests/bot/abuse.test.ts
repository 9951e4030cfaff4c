import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { countOutgoing } from '../../src/db/index.js';
import { mapTelegramUpdate } from '../../src/platforms/telegram/map.js';
import { mapZaloUpdate } from '../../src/platforms/zalo/map.js';
import { accessText } from '../../src/messages/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlGet } from '../support/sql.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    "'; DROP TABLE activities; --",
    '<b>đậm</b><script>alert(1)</script>',
    '\u202eđảo chiều\u202c',
    'مرحبا بالعالم',
    '😀🇻🇳👍🏽',
    '\u0000\u0007\u001b[31m',
    '/',
    '/ /',
    '/nhiemvu\u0000',
    '@daumoi_test_bot',
    'x'.repeat(5000),
    '/ghinhan ' + 'a'.repeat(3000),
  ),
);

describe('abuse: random and malformed input', () => {
  it('the Telegram mapper never throws on random update shapes', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ update_id: fc.integer(), message: fc.anything() }), (junk, partial) => {
        mapTelegramUpdate(junk as never, { id: 1, username: 'daumoi_test_bot' });
        mapTelegramUpdate(partial as never, { id: 1, username: 'daumoi_test_bot' });
      }),
      { numRuns: 300 },
    );
  });

  it('the Zalo mapper never throws on random bodies', () => {
    fc.assert(
      fc.property(fc.anything(), nasty, (junk, text) => {
        mapZaloUpdate(junk, { id: 'b1' });
        mapZaloUpdate(
          {
            event_name: 'message.text.received',
            message: { message_id: 'm', date: 1, text, from: { id: 'u' }, chat: { id: 'c', chat_type: 'PRIVATE' } },
          },
          { id: 'b1' },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the router answers any text with plain Vietnamese replies and never crashes', async () => {
    t = await createTestApp();
    await t.registerOfficer('fuzz', 'vinh-phuc', 'so-tu-phap');
    await fc.assert(
      fc.asyncProperty(nasty, async (text) => {
        const replies = await t!.say('fuzz', text);
        for (const reply of replies) {
          expect(typeof reply.text).toBe('string');
          expect(reply.text).not.toContain('Xin lỗi, đã có lỗi');
        }
        await t!.say('fuzz', '/huy');
      }),
      { numRuns: 30 },
    );
    expect(t.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });

  it('stores nothing for rejected input', async () => {
    t = await createTestApp();
    await t.registerOfficer('fuzz', 'vinh-phuc', 'so-tu-phap');
    const before = await sqlGet(t.app.db, 'SELECT count(*) AS n FROM activities');
    await t.say('fuzz', `/ghinhan họp báo hôm qua: ${'x'.repeat(2500)}`);
    await t.say('fuzz', '/ghinhan họp báo hôm qua: Tài liệu MẬT về nhân sự');
    expect(await sqlGet(t.app.db, 'SELECT count(*) AS n FROM activities')).toEqual(before);
    expect(await countOutgoing(t.app.db)).toEqual({});
  });
});

describe('abuse: flooding', () => {
  it('sheds a flood of 100 messages: 20 answered, one notice, the rest dropped, another user not delayed', async () => {
    t = await createTestApp({ env: { FLOOD_LIMIT: undefined } }); // the production default, 20 per 10 s
    const flood = Array.from({ length: 100 }, () => t!.say('flooder', '/trogiup'));
    const started = performance.now();
    const other = await t.sayText('calm', '/start');
    const otherMs = performance.now() - started;
    expect(other).toContain('Xin chào');
    const replies = await Promise.all(flood);
    expect(replies.filter((r) => r.some((m) => m.text.includes('Các lệnh')))).toHaveLength(20);
    expect(replies.filter((r) => r.some((m) => m.text === accessText.floodNotice))).toHaveLength(1);
    expect(replies.filter((r) => r.length === 0)).toHaveLength(79);
    expect(t.logs.filter((l) => l.msg === 'flood: message dropped')).toHaveLength(80);
    expect(otherMs).toBeLessThan(1000);
  });

  it('counts a person across chats, and starts a new window (one more notice) after the window passes', async () => {
    t = await createTestApp({ env: { FLOOD_LIMIT: undefined } }); // the production default, 20 per 10 s
    const group = { id: 'vp', title: 'Nhóm' };
    for (let i = 0; i < 20; i++) await t.say('flooder', '/start', i % 2 ? { group } : {});
    expect(await t.sayText('flooder', '/start', { group })).toBe(accessText.floodNotice);
    expect(await t.say('flooder', '/start')).toEqual([]);
    t.clock.now = new Date(t.clock.now.getTime() + 10_000);
    expect(await t.sayText('flooder', '/start')).toContain('Xin chào');
  });
});
