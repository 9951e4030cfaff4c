import { describe, expect, it } from 'vitest';
import { createFloodGuard } from '../../src/bot/flood-guard.js';

describe('flood guard memory', () => {
  it('stays within its cap by forgetting the least recently seen person only, never everyone', () => {
    const guard = createFloodGuard({ limit: 2, windowMs: 10_000, maxKeys: 100 });
    for (let i = 0; i < 3; i++) guard.hit('flooder', 0);
    expect(guard.hit('flooder', 0)).toBe('drop');
    // 10,000 other people pass by; the flooder keeps writing, so stays among the most recently seen.
    for (let i = 0; i < 10_000; i++) {
      guard.hit(`visitor-${i}`, 1);
      if (i % 50 === 0) expect(guard.hit('flooder', 1)).toBe('drop');
      expect(guard.size).toBeLessThanOrEqual(100);
    }
    expect(guard.hit('flooder', 2)).toBe('drop');
    // The oldest visitors were forgotten one by one; the latest are still counted.
    expect(guard.hit('visitor-9999', 3)).toBe('ok');
    expect(guard.hit('visitor-9999', 3)).toBe('notice');
  });
});
