import { describe, expect, it } from 'vitest';
import { mapZaloUpdate } from '../../../src/platforms/zalo/map.js';

describe('Zalo input', () => {
  it('cleans what arrives from Zalo before it is stored or shown', () => {
    const incoming = mapZaloUpdate(
      {
        event_name: 'message.text.received',
        message: {
          message_id: 'm1',
          date: 1_764_000_000_000,
          text: 'xin\u200b chào',
          from: { id: 'u1', display_name: '\u202eAdmin' },
          chat: { id: 'u1', chat_type: 'PRIVATE' },
        },
      },
      { id: 'bot', display_name: 'Đầu Mối' } as never,
    );
    expect(incoming?.text).toBe('xin chào');
    expect(incoming?.sender.name).toBe('Admin');
  });
});
