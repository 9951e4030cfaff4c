import { afterEach, describe, expect, it } from 'vitest';
import { audiences } from '../../../src/features/basics/help.js';
import { registry } from '../../../src/features/index.js';
import { makeLeader } from '../../support/status-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('/trogiup by role', () => {
  it('gives every visible command an audience', () => {
    const missing = registry.commands.filter((c) => !c.hidden && !(c.name in audiences)).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it('shows a newcomer no leader or admin commands', async () => {
    t = await createTestApp();
    const text = await t.sayText('newcomer', '/trogiup');
    expect(text).toContain('/dangky');
    expect(text).toContain('/ghinhan');
    expect(text).not.toContain('/capquyen');
    expect(text).not.toContain('/moi ');
    expect(text).not.toContain('/xuat');
    expect(text).not.toContain('/baocao mo ');
  });

  it('shows a leader the leader commands and no admin ones', async () => {
    t = await createTestApp();
    await makeLeader(t, 'leader', 'vinh-phuc');
    const text = await t.sayText('leader', '/trogiup');
    expect(text).toContain('Lãnh đạo:');
    expect(text).toContain('/xuat');
    expect(text).not.toContain('/capquyen');
  });

  it('shows an admin the admin commands and subcommands', async () => {
    t = await createTestApp();
    const text = await t.sayText('admin', '/trogiup');
    expect(text).toContain('Quản trị mạng lưới:');
    expect(text).toContain('/capquyen');
    expect(text).toContain('/baocao mo <cơ quan>');
    expect(text).toContain('/baocao mokhoa <cơ quan>');
  });
});
