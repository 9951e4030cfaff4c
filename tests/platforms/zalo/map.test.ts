import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeKey, mapZaloUpdate, type ZaloBotInfo } from '../../../src/platforms/zalo/map.js';
import { ZaloWorld, groupText, image, unknownEvent } from '../../support/fake-zalo-updates.js';

const bot: ZaloBotInfo = { id: '1459232241454765289', account_name: 'bot.daumoi', display_name: 'Đầu Mối' };

// Shape of a documented webhook delivery, with personal data replaced.
function textUpdate(text: string, chat: { id: string; chat_type: string } = { id: 'a1b2c3', chat_type: 'PRIVATE' }) {
  return {
    event_name: 'message.text.received',
    message: {
      from: { id: 'a1b2c3', display_name: 'Nguyễn Thị Lan', is_bot: false },
      chat,
      text,
      message_id: '2d41f4c0a93a4bcf1e7a',
      date: 1750316131602,
    },
  };
}

const group = { id: 'g9f8e7', chat_type: 'GROUP' };

describe('mapZaloUpdate', () => {
  it('maps a wrapped webhook body of a private text message', () => {
    const incoming = mapZaloUpdate({ ok: true, result: textUpdate('Xin chào') }, bot);
    expect(incoming).toEqual({
      platform: 'zalo',
      chat: { id: 'a1b2c3', type: 'private' },
      sender: { id: 'a1b2c3', name: 'Nguyễn Thị Lan' },
      text: 'Xin chào',
      attachments: [],
      addressed: true,
      date: new Date(1750316131602),
    });
  });

  it('maps a bare body exactly like the wrapped one', () => {
    const update = textUpdate('/baocao quý 2');
    expect(mapZaloUpdate(update, bot)).toEqual(mapZaloUpdate({ ok: true, result: update }, bot));
  });

  it('accepts the documented poll sample without event_name, with first_name and numeric ids', () => {
    const body = {
      ok: true,
      result: {
        message: {
          chat: { id: 12345, chat_type: 'PRIVATE' },
          text: 'Xin chào',
          message_id: 987,
          date: 1766619597466,
          from: { id: 12345, first_name: 'Nguyen Van A' },
        },
      },
    };
    expect(mapZaloUpdate(body, bot)).toMatchObject({
      chat: { id: '12345' },
      sender: { id: '12345', name: 'Nguyen Van A' },
      text: 'Xin chào',
    });
    expect(dedupeKey(body)).toBe('987');
  });

  it('reads a date given in seconds as seconds', () => {
    const update = textUpdate('a');
    update.message.date = 1750316131;
    expect(mapZaloUpdate(update, bot)?.date).toEqual(new Date(1750316131000));
  });

  it('parses a command: lowercase name, @suffix dropped, args trimmed', () => {
    expect(mapZaloUpdate(textUpdate('/BaoCao@daumoi_bot   tháng 6 \n'), bot)?.command).toEqual({
      name: 'baocao',
      args: 'tháng 6',
    });
    expect(mapZaloUpdate(textUpdate('/nhiemvu'), bot)?.command).toEqual({ name: 'nhiemvu', args: '' });
    expect(mapZaloUpdate(textUpdate('không phải /lenh'), bot)?.command).toBeUndefined();
  });

  it('does not address the bot in a group message that neither mentions it nor is a command', () => {
    const incoming = mapZaloUpdate(textUpdate('Mọi người nhớ nộp báo cáo nhé', group), bot);
    expect(incoming).toMatchObject({
      chat: { id: 'g9f8e7', type: 'group' },
      addressed: false,
      text: 'Mọi người nhớ nộp báo cáo nhé',
    });
  });

  it('addresses the bot when a group message mentions it, and strips the mention', () => {
    const incoming = mapZaloUpdate(textUpdate('@Đầu Mối /BAOCAO Quý 2', group), bot);
    expect(incoming).toMatchObject({
      addressed: true,
      text: '/BAOCAO Quý 2',
      command: { name: 'baocao', args: 'Quý 2' },
    });
  });

  it('recognises a mention mid-text, in another case or by account name', () => {
    expect(mapZaloUpdate(textUpdate('nhờ @đầu mối xem giúp', group), bot)).toMatchObject({
      addressed: true,
      text: 'nhờ xem giúp',
    });
    expect(mapZaloUpdate(textUpdate('@bot.daumoi danh sách', group), bot)).toMatchObject({
      addressed: true,
      text: 'danh sách',
    });
    expect(mapZaloUpdate(textUpdate('@Đầu Mốiabc chào', group), bot)).toMatchObject({
      addressed: false,
      text: '@Đầu Mốiabc chào',
    });
  });

  it('matches a mention whose text uses decomposed Vietnamese letters', () => {
    const decomposed = '@Đầu Mối'.normalize('NFD');
    expect(mapZaloUpdate(textUpdate(`${decomposed} /tiendo`, group), bot)).toMatchObject({
      addressed: true,
      command: { name: 'tiendo' },
    });
  });

  it('addresses the bot with a command in a group even without a mention', () => {
    expect(mapZaloUpdate(textUpdate('/tiendo', group), bot)).toMatchObject({
      addressed: true,
      command: { name: 'tiendo', args: '' },
    });
  });

  it('maps an image event to a photo attachment with its caption as text', () => {
    const world = new ZaloWorld(() => 1750000000000, 'Đầu Mối');
    const incoming = mapZaloUpdate(image(world, 'u7', 'https://photo.example/x.jpg', 'Ảnh hội nghị'), bot);
    expect(incoming).toMatchObject({
      text: 'Ảnh hội nghị',
      attachments: [{ kind: 'photo', fileId: 'https://photo.example/x.jpg' }],
    });
    expect(mapZaloUpdate(image(world, 'u7', 'https://photo.example/y.jpg'), bot)?.text).toBe('');
  });

  it('maps a mentioned group text built by the fake server', () => {
    const world = new ZaloWorld(() => 1750000000000, 'Đầu Mối');
    const incoming = mapZaloUpdate(groupText(world, 'g1', 'u1', '/nhiemvu', true), bot);
    expect(incoming).toMatchObject({
      chat: { id: 'g1', type: 'group' },
      addressed: true,
      command: { name: 'nhiemvu', args: '' },
    });
  });

  it('returns null for unknown and unhandled events', () => {
    const world = new ZaloWorld(() => 1750000000000, 'Đầu Mối');
    for (const name of [
      'message.voice.received',
      'message.sticker.received',
      'message.unsupported.received',
      'user.follow',
    ]) {
      expect(mapZaloUpdate(unknownEvent(world, name), bot)).toBeNull();
    }
  });

  it('returns null for malformed bodies and shapes it cannot read', () => {
    const imageWithoutUrl = {
      event_name: 'message.image.received',
      message: { ...textUpdate('').message, text: undefined },
    };
    const bodies: unknown[] = [
      null,
      'text',
      {},
      { ok: false, error_code: 408, description: 'Request timeout' },
      { event_name: 'message.text.received', message: { text: 'no sender' } },
      textUpdate('chat kiểu lạ', { id: 'x', chat_type: 'OA' }),
      { event_name: 'message.text.received', message: { ...textUpdate('').message, text: undefined } },
      imageWithoutUrl,
    ];
    for (const body of bodies) expect(mapZaloUpdate(body, bot)).toBeNull();
  });

  it('ignores messages sent by bots, including itself', () => {
    const fromBot = textUpdate('vòng lặp');
    fromBot.message.from.is_bot = true;
    expect(mapZaloUpdate(fromBot, bot)).toBeNull();
    const fromSelf = textUpdate('vòng lặp');
    fromSelf.message.from = { id: bot.id, display_name: 'Đầu Mối', is_bot: false };
    expect(mapZaloUpdate(fromSelf, bot)).toBeNull();
  });

  it('keeps emoji and a very long text intact', () => {
    const text = `Báo cáo 📊✅ ${'Tuyên truyền Chỉ thị 07 🇻🇳 '.repeat(5000)}`;
    const update = textUpdate(text);
    update.message.from.display_name = 'Lan 🌸';
    expect(mapZaloUpdate(update, bot)).toMatchObject({ text, sender: { name: 'Lan 🌸' } });
  });

  it('falls back to the sender id when there is no display name', () => {
    const update = { ...textUpdate('a'), message: { ...textUpdate('a').message, from: { id: 'z9' } } };
    expect(mapZaloUpdate(update, bot)?.sender).toEqual({ id: 'z9', name: 'z9' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        mapZaloUpdate(value, bot);
        mapZaloUpdate({ ok: true, result: value }, bot);
        dedupeKey(value);
      }),
    );
  });
});

describe('dedupeKey', () => {
  it('is the message id for wrapped and bare bodies, and null for garbage', () => {
    const update = textUpdate('a');
    expect(dedupeKey(update)).toBe('2d41f4c0a93a4bcf1e7a');
    expect(dedupeKey({ ok: true, result: update })).toBe('2d41f4c0a93a4bcf1e7a');
    expect(dedupeKey({ ok: true })).toBeNull();
  });
});
