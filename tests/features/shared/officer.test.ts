import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, findAgencyBySlug, insertMembershipRequest } from '../../../src/db/index.js';
import { onboarding } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const OFFICER_COMMANDS = ['/ghinhan', '/baocao', '/hanbaocao', '/nhatky', '/baocao xem'];

describe('the officer guard', () => {
  it('refuses every officer-only command with the same words, telling how to register', async () => {
    t = await createTestApp();
    for (const command of OFFICER_COMMANDS)
      expect(await t.sayText('stranger', command), command).toBe(onboarding.notOfficer);
  });

  it('tells someone whose request waits that it waits, in every officer-only command', async () => {
    t = await createTestApp();
    const { personId } = await ensureActor(
      t.app.db,
      { platform: 'console', userId: 'applicant', name: 'Người xin', privateChatId: 'applicant' },
      [],
    );
    const agency = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
    await insertMembershipRequest(t.app.db, {
      personId,
      networkId: 'vinh-phuc',
      agencyId: agency.id,
      at: t.clock.now,
      notices: () => [],
    });
    const waiting = onboarding.officerPending('Sở Tư pháp', 'Tỉnh Vĩnh Phúc');
    for (const command of OFFICER_COMMANDS) expect(await t.sayText('applicant', command), command).toBe(waiting);
  });
});
