import { describe, expect, it } from 'vitest';
import { MAX_CHOICE_ID_BYTES, choiceKind, intPart, oneOf, slugPart } from '../../src/bot/choices.js';
import { createTestApp } from '../support/test-app.js';
import { sqlGet } from '../support/sql.js';

// Prefixes here start with "test-" so they never meet the bot's own (each prefix may be declared once).

describe('typed choice ids', () => {
  const agency = choiceKind('test-agency', intPart);
  const pick = choiceKind('test-pick', slugPart, oneOf('a', 'b'));
  const plain = choiceKind('test-plain');

  it('packs values into a short id and parses them back', () => {
    expect(agency.id(12)).toBe('test-agency:12');
    expect(agency.parse('test-agency:12')).toEqual([12]);
    expect(pick.choice('Nhãn', 'vinh-phuc', 'b')).toEqual({ id: 'test-pick:vinh-phuc:b', label: 'Nhãn' });
    expect(pick.parse('test-pick:vinh-phuc:b')).toEqual(['vinh-phuc', 'b']);
    expect(plain.id()).toBe('test-plain');
    expect(plain.is('test-plain')).toBe(true);
  });

  it('refuses ids of another kind, forged or malformed', () => {
    for (const forged of [
      undefined,
      '',
      'test-pick:vinh-phuc:b',
      'test-agency',
      'test-agency:',
      'test-agency:12:3',
      'test-agency:-1',
      'test-agency:1.5',
      'test-agency:012',
      'test-agency:12abc',
      'test-agency:99999999999999999999',
      '/baocao xem 12',
    ]) {
      expect(agency.parse(forged), String(forged)).toBeUndefined();
    }
    expect(pick.parse('test-pick:vinh-phuc:c')).toBeUndefined();
    expect(pick.parse('test-pick:vinh phuc:a')).toBeUndefined();
    expect(pick.parse('test-pick:vinh-phuc')).toBeUndefined();
    expect(plain.is('test-plain:1')).toBe(false);
    expect(plain.is('test-plainx')).toBe(false);
    expect(agency.parse(`test-agency:${'1'.repeat(MAX_CHOICE_ID_BYTES)}`)).toBeUndefined();
  });

  it('never builds an id that does not fit in a Telegram button or cannot be read back', () => {
    expect(() => pick.id('x'.repeat(60), 'a')).toThrow(/64 bytes/);
    expect(() => pick.id('has:colon', 'a')).toThrow(/slug/);
    expect(() => pick.id('vinh-phuc', 'c' as 'a')).toThrow(/one of/);
    expect(() => agency.id(-3)).toThrow(/whole number/);
    expect(() => agency.id(1.5)).toThrow(/whole number/);
  });

  it('refuses a prefix declared twice or not written in lowercase', () => {
    expect(() => choiceKind('test-agency')).toThrow(/declared twice/);
    expect(() => choiceKind('Test')).toThrow(/lowercase/);
    expect(() => choiceKind('test:x')).toThrow(/lowercase/);
  });
});

describe('forged button data in a conversation', () => {
  it('is refused at a report question and at the activity type question', async () => {
    const t = await createTestApp({ now: new Date('2026-11-21T09:00:00+07:00') });
    try {
      await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap');
      expect(await t.sayText('tuphap', '/baocao')).toContain('Câu 1/16');
      for (const choice of ['o:0', 'yn:maybe', 'keep:5', 'preview:submit', 's:done']) {
        expect(await t.sayText('tuphap', '', { choice }), choice).toContain('Nút vừa bấm thuộc một câu hỏi khác.');
      }
      const draft = (await sqlGet(t.app.db, 'SELECT answers FROM report_drafts')) as { answers: string };
      expect(JSON.parse(draft.answers)).toEqual({});
      await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
      await t.say('an', '/ghinhan');
      expect(await t.sayText('an', '', { choice: 't:khong-co' })).toContain('Không có loại hoạt động');
      expect(await t.sayText('an', '', { choice: 't:../../etc' })).toContain('Không có loại hoạt động');
    } finally {
      await t.close();
    }
  });
});
