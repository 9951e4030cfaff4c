import { afterEach, describe, expect, it } from 'vitest';
import { listUnfinishedInbound } from '../../../src/db/index.js';
import { accessText } from '../../../src/messages/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { sqlGet } from '../../support/sql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeTelegram | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};
const FLOODER = 4711;
const CALM = 4712;

describe('Telegram: a flood is shed, not queued', () => {
  it('answers 20 of 60 messages, sends one notice, and marks every update done so none is replayed', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    for (let i = 0; i < 60; i++) fake.pushUpdate({ ...fake.privateText(FLOODER, '/start'), update_id: 1000 + i });
    fake.pushUpdate({ ...fake.privateText(CALM, '/start'), update_id: 2000 });
    t = await createTestApp({
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, FLOOD_LIMIT: undefined },
      appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
    });
    await t.app.start();
    await fake.waitFor((c) => String(c.params.chat_id) === String(CALM), 20_000);
    await fake.waitFor((c) => c.params.text === accessText.floodNotice, 20_000);
    // Every update recorded; wait until the last ones are marked done (no clock: a bounded poll on the rows).
    for (let i = 0; i < 200 && (await listUnfinishedInbound(t.app.db, 'telegram')).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await listUnfinishedInbound(t.app.db, 'telegram')).toEqual([]);
    const recorded = await sqlGet(t.app.db, "SELECT count(*) AS n FROM inbound_updates WHERE platform = 'telegram'");
    expect(recorded).toEqual({ n: 61 });
    const texts = fake.sentTo(FLOODER).map((c) => String(c.params.text));
    expect(texts.filter((x) => x.startsWith('Xin chào'))).toHaveLength(20);
    expect(texts.filter((x) => x === accessText.floodNotice)).toHaveLength(1);
    expect(texts).toHaveLength(21);
  });
});
