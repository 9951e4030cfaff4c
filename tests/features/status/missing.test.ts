import { afterEach, describe, expect, it } from 'vitest';
import { resolveStatusPeriod } from '../../../src/features/status/summary.js';
import { makeLeader, STATUS_NOW } from '../../support/status-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { insertSubmissionRow, seedBigNetwork, upsertPeriod } from '../../../src/db/seed.js';

// The summary cuts the list of agencies that have not submitted to fit one phone screen; the rest must be
// one command away, and that command must be named where the list is cut.

let t: TestApp;
afterEach(async () => t?.close());

async function bigNetwork(): Promise<void> {
  t = await createTestApp({ now: STATUS_NOW });
  const seeded = await seedBigNetwork(t.app.db, { networks: 1, agenciesPerNetwork: 30, activities: 0, prefix: 'tinh' });
  const leader = await makeLeader(t, 'chutich', 'tinh');
  const { period } = await resolveStatusPeriod(t.app.db, 'tinh', t.clock.now);
  const periodId = await upsertPeriod(t.app.db, seeded.dutyIds[0]!, period);
  for (const id of seeded.agencyIds[0]!.slice(0, 2))
    await insertSubmissionRow(t.app.db, {
      periodId,
      agencyId: id,
      personId: leader,
      answers: {},
      late: false,
      submittedAt: t.clock.now,
    });
}

describe('the missing list', () => {
  it('names the command that shows the agencies the summary leaves out, and that command lists them all', async () => {
    await bigNetwork();
    const summary = (await t.say('chutich', 'ai chưa nộp báo cáo?'))[0]!.text;
    const cut = /… và (\d+) cơ quan khác \(xem đủ: (\/tinhhinh chuanop tinh)\)/.exec(summary);
    expect(cut, summary).not.toBeNull();
    const full = await t.sayText('chutich', cut![2]!);
    const missing = full.split('\n').filter((line) => /^\d+\. /.test(line));
    const title = /^CHƯA NỘP BÁO CÁO: .*\((\d+)\/(\d+) cơ quan\)$/.exec(full.split('\n')[0]!);
    expect(title, full).not.toBeNull();
    expect(missing).toHaveLength(Number(title![1]));
    expect(Number(title![2]) - Number(title![1])).toBe(2); // two submitted
    expect(missing.length).toBeGreaterThan(Number(cut![1]));
    // Typed in words too, without diacritics.
    expect(await t.sayText('chutich', '/tinhhinh chua nop')).toBe(full);
  });
});
