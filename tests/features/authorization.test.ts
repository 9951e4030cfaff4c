import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureActor,
  findAgencyBySlug,
  grantRole,
  insertActivity,
  insertInvite,
  insertMembershipRequest,
} from '../../src/db/index.js';
import { registry } from '../../src/features/index.js';
import type { Reply } from '../../src/kernel/message.js';
import {
  accessText,
  activityText,
  common,
  handoverText,
  onboarding,
  reportText,
  statusText,
} from '../../src/messages/index.js';
import { webText } from '../../src/messages/web.js';
import { submitReport } from '../support/reminders.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlGet, sqlTables } from '../support/sql.js';

// Every command × who asks × own or other agency. The world: Vĩnh Phúc with agency A (Sở Ngoại vụ) and
// agency B (Sở Nội vụ); targets (an activity, a report, a registration request) belong to agency A, so the
// officer of A acts on their own agency and the officer of B on another agency of the same network.
// A new command without a row here fails the first test.

const ROLES = ['stranger', 'officerB', 'otherAdmin', 'leader', 'officerA', 'admin', 'botAdmin'] as const;
type Role = (typeof ROLES)[number];
const WHO: Record<Role, string> = {
  stranger: 'a stranger (not registered)',
  officerA: 'the officer of A',
  officerB: 'the officer of B',
  leader: 'the leader of the network',
  admin: 'the admin of the network',
  otherAdmin: 'the admin of another network',
  botAdmin: 'a bot admin (ADMINS)',
};

/** allowed: served (no refusal); refused: told no in Vietnamese; hidden: the target is out of sight, answered as not found. */
type Outcome = 'allowed' | 'refused' | 'hidden';

interface World {
  activityId: number;
  submissionId: number;
  requestId: number;
  /** Officer A's membership of agency A. */
  membershipId: number;
  /** An open invite to agency A. */
  inviteCode: string;
}

interface Row {
  command: string;
  args?: string | ((w: World) => string);
  /** Run in a group chat (for commands that only make sense there). */
  inGroup?: boolean;
  expect: Record<Role, Outcome>;
}

const OFFICERS: Role[] = ['officerA', 'officerB'];
const NETWORK_ADMINS: Role[] = ['admin', 'botAdmin'];
const everyone = only([...ROLES]);

/** The listed roles are allowed, the rest refused, with exceptions. */
function only(roles: Role[], except: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((r) => [r, except[r] ?? (roles.includes(r) ? 'allowed' : 'refused')])) as Record<
    Role,
    Outcome
  >;
}

const MATRIX: Row[] = [
  { command: 'start', expect: everyone },
  { command: 'trogiup', expect: everyone },
  { command: 'huy', expect: everyone },
  { command: 'timkiem', args: 'họp báo', expect: everyone },
  { command: 'dangky', expect: everyone },
  // About oneself only: muting one's reminders, linking one's own apps.
  { command: 'tatnhac', args: '30/11', expect: everyone },
  { command: 'batnhac', expect: everyone },
  { command: 'lienket', expect: everyone },
  // The confirmation's buttons: 'Không liên kết' for anyone; 'Liên kết' re-checks code, issuer and access.
  { command: 'lienket', args: 'khong', expect: everyone },
  { command: 'lienket', args: 'ok 1 AAAABBBB', expect: everyone },
  // An officer's own work: everyone else is told to register.
  { command: 'nhiemvu', expect: only(OFFICERS) },
  { command: 'ghinhan', expect: only(OFFICERS) },
  { command: 'baocao', expect: only(OFFICERS) },
  { command: 'hanbaocao', expect: only(OFFICERS) },
  // Admins: of the network the target belongs to.
  { command: 'duyet', expect: only([...NETWORK_ADMINS, 'otherAdmin']) },
  { command: 'duyet', args: (w) => `${w.requestId} ok`, expect: only(NETWORK_ADMINS) },
  { command: 'moi', args: 'sở ngoại vụ', expect: only(NETWORK_ADMINS) },
  { command: 'moi', args: 'ds', expect: only([...NETWORK_ADMINS, 'otherAdmin']) },
  // The agency list template is the same for every network.
  { command: 'moi', args: 'mau', expect: only([...NETWORK_ADMINS, 'otherAdmin']) },
  { command: 'moi', args: 'tatca vinh-phuc', expect: only(NETWORK_ADMINS) },
  { command: 'moi', args: (w) => `huy ${w.inviteCode}`, expect: only(NETWORK_ADMINS, { otherAdmin: 'hidden' }) },
  // By the number /moi ds shows (codes are stored hashed): the world's only invite is #1.
  { command: 'moi', args: 'huy #1', expect: only(NETWORK_ADMINS, { otherAdmin: 'hidden' }) },
  { command: 'capquyen', args: 'Người xin lanhdao vinh-phuc', expect: only(NETWORK_ADMINS) },
  { command: 'capquyen', args: 'console:applicant lanhdao vinh-phuc', expect: only(NETWORK_ADMINS) },
  // Taking access back: officers of the admin's own networks only.
  { command: 'xoacanbo', args: 'sở ngoại vụ', expect: only(NETWORK_ADMINS) },
  { command: 'xoacanbo', args: (w) => `cb ${w.membershipId}`, expect: only(NETWORK_ADMINS) },
  { command: 'chan', args: 'console:officerA', expect: only(NETWORK_ADMINS) },
  // Handing an agency over: its officer offers it (the successor confirms), an admin of its network hands it over.
  { command: 'bangiao', args: 'console:applicant', expect: only(OFFICERS) },
  { command: 'bangiao', args: 'sở ngoại vụ cho console:applicant', expect: only(['officerA', ...NETWORK_ADMINS]) },
  { command: 'bochan', args: 'console:officerA', expect: only(NETWORK_ADMINS) },
  // A sign-in link for anyone with a role or an agency (without PUBLIC_URL they are told what to configure).
  { command: 'web', expect: only(ROLES.filter((r) => r !== 'stranger')) },
  { command: 'thietlap', args: 'vinh-phuc', inGroup: true, expect: only(NETWORK_ADMINS) },
  // Any admin may draft a new network from a document (replacing one needs that network's admin).
  { command: 'kehoach', args: 'moi', expect: only([...NETWORK_ADMINS, 'otherAdmin']) },
  { command: 'baocao', args: 'mo sở ngoại vụ', expect: only(NETWORK_ADMINS, { otherAdmin: 'hidden' }) },
  { command: 'baocao', args: 'mokhoa sở ngoại vụ', expect: only(NETWORK_ADMINS, { otherAdmin: 'hidden' }) },
  // Agency A's activity: its author and admins of its network change it.
  { command: 'sua', args: (w) => `${w.activityId}`, expect: only(['officerA', ...NETWORK_ADMINS]) },
  { command: 'xoa', args: (w) => `${w.activityId}`, expect: only(['officerA', ...NETWORK_ADMINS]) },
  // Reading: officers their own agency, leaders and admins their networks' agencies.
  { command: 'nhatky', expect: only(ROLES.filter((r) => r !== 'stranger')) },
  {
    command: 'nhatky',
    args: 'sở ngoại vụ',
    expect: only(['officerA', 'leader', ...NETWORK_ADMINS], { otherAdmin: 'hidden' }),
  },
  {
    command: 'baocao',
    args: 'xem sở ngoại vụ',
    expect: only(['officerA', 'leader', ...NETWORK_ADMINS], {
      officerB: 'hidden',
      otherAdmin: 'hidden',
      stranger: 'hidden',
    }),
  },
  { command: 'baocao', args: (w) => `xem ${w.submissionId}`, expect: only(['officerA', 'leader', ...NETWORK_ADMINS]) },
  { command: 'tinhhinh', expect: only(ROLES.filter((r) => r !== 'stranger')) },
  // An officer asking for the network sees their own agency's line.
  { command: 'tinhhinh', args: 'vinh-phuc', expect: only([...OFFICERS, 'leader', ...NETWORK_ADMINS]) },
  { command: 'tinhhinh', args: 'sở ngoại vụ', expect: only(['officerA', 'leader', ...NETWORK_ADMINS]) },
  // Who has joined: the network's leaders and admins only.
  { command: 'tinhhinh', args: 'thamgia vinh-phuc', expect: only(['leader', ...NETWORK_ADMINS]) },
  { command: 'xuat', expect: only(['leader', ...NETWORK_ADMINS, 'otherAdmin']) },
  { command: 'xuat', args: 'vinh-phuc', expect: only(['leader', ...NETWORK_ADMINS]) },
];

/** A message with parameters as a pattern: each parameter matches anything. */
function pattern(message: string | ((...args: never[]) => string)): RegExp {
  const text = typeof message === 'string' ? message : message(...(Array(message.length).fill('\u0000') as never[]));
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000', '[\\s\\S]*')}$`);
}

const REFUSALS = [
  onboarding.adminOnly,
  onboarding.notAdminOf,
  onboarding.notRegistered,
  onboarding.notGroupAdmin,
  onboarding.notOfficer,
  onboarding.officerPending,
  activityText.otherAgency,
  activityText.notAuthor,
  activityText.listOnlyOwn,
  reportText.notAllowedToView,
  reportText.adminOnly,
  statusText.notMember,
  statusText.notLeader,
  statusText.otherAgency,
  statusText.export.onlyLeaders,
  webText.notMember,
  handoverText.notOfficer,
].map(pattern);
const NOT_FOUND = [reportText.agencyNotFound, activityText.listNotUnderstood, accessText.inviteNotFound].map(pattern);

const outcomeOf = (replies: Reply[]): Outcome | 'other' => {
  const text = replies.map((r) => r.text).join('\n');
  if (REFUSALS.some((p) => p.test(text))) return 'refused';
  if (NOT_FOUND.some((p) => p.test(text))) return 'hidden';
  return replies.length > 0 && text !== common.apology ? 'allowed' : 'other';
};

/** Row counts of every table but the remembered menus: equal before and after means nothing was written. */
async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await sqlTables(t.app.db)) {
    if (name === 'menus') continue;
    counts[name] = (await sqlGet<{ n: number }>(t.app.db, `SELECT count(*) AS n FROM "${name}"`))!.n;
  }
  return counts;
}

async function createWorld(): Promise<{ t: TestApp; world: World }> {
  const t = await createTestApp();
  const db = t.app.db;
  const person = async (userId: string, name: string) =>
    (await ensureActor(db, { platform: 'console', userId, name, privateChatId: userId }, [])).personId;
  const role = async (personId: number, networkId: string, r: 'leader' | 'admin') =>
    grantRole(db, { personId, networkId, role: r, actorPersonId: personId, at: t.clock.now });
  const officerA = await t.registerOfficer('officerA', 'vinh-phuc', 'so-ngoai-vu', 'Cán bộ A');
  await t.registerOfficer('officerB', 'vinh-phuc', 'so-noi-vu', 'Cán bộ B');
  await role(await person('leader', 'Lãnh đạo'), 'vinh-phuc', 'leader');
  await role(await person('networkAdmin', 'Quản trị Vĩnh Phúc'), 'vinh-phuc', 'admin');
  await role(await person('otherAdmin', 'Quản trị Bình Định'), 'binh-dinh', 'admin');
  await person('admin', 'Quản trị bot');
  await person('stranger', 'Người lạ');
  const agencyA = (await findAgencyBySlug(db, 'vinh-phuc', 'so-ngoai-vu'))!;
  const request = await insertMembershipRequest(db, {
    personId: await person('applicant', 'Người xin'),
    networkId: 'vinh-phuc',
    agencyId: agencyA.id,
    at: t.clock.now,
    notices: () => [],
  });
  const activityId = await insertActivity(
    db,
    {
      networkId: 'vinh-phuc',
      agencyId: agencyA.id,
      authorPersonId: officerA,
      typeId: 'hop-bao',
      date: '2026-11-20',
      title: 'Họp báo về thu hút đầu tư',
      link: null,
      quantity: null,
      participants: null,
      taskId: null,
      attachments: [],
    },
    t.clock.now,
  );
  await submitReport(t, {
    network: 'vinh-phuc',
    duty: 'bao-cao-ket-qua',
    agency: 'so-ngoai-vu',
    personId: officerA,
    when: t.clock.now,
  });
  const submissionId = (await sqlGet<{ id: number }>(db, 'SELECT id FROM submissions'))!.id;
  if (request.kind !== 'filed') throw new Error('the request must be filed');
  const membershipId = (await sqlGet<{ id: number }>(
    db,
    "SELECT id FROM memberships WHERE person_id = ? AND status = 'active'",
    officerA,
  ))!.id;
  const inviteCode = 'TESTCODE';
  const expiresAt = new Date(t.clock.now.getTime() + 86_400_000);
  const input = { code: inviteCode, networkId: 'vinh-phuc', agencyId: agencyA.id, createdBy: officerA, expiresAt };
  await insertInvite(db, { ...input, at: t.clock.now });
  return { t, world: { activityId, submissionId, requestId: request.id, membershipId, inviteCode } };
}

const userIdOf: Record<Role, string> = {
  stranger: 'stranger',
  officerA: 'officerA',
  officerB: 'officerB',
  leader: 'leader',
  admin: 'networkAdmin',
  otherAdmin: 'otherAdmin',
  botAdmin: 'admin',
};

describe('authorization matrix', () => {
  it('has a row for every command of the registry', () => {
    const covered = new Set(MATRIX.map((row) => row.command));
    expect(registry.commands.map((c) => c.name).filter((name) => !covered.has(name))).toEqual([]);
    expect([...covered].filter((name) => !registry.commands.some((c) => c.name === name))).toEqual([]);
  });

  it('tells an admin of another network whose view the network is, not that they belong to no network', async () => {
    const { t } = await createWorld();
    try {
      expect(await t.sayText('otherAdmin', '/tinhhinh vinh-phuc')).toBe(statusText.notLeader('Tỉnh Vĩnh Phúc'));
      expect(await t.sayText('otherAdmin', '/tinhhinh sở ngoại vụ')).toBe(statusText.notLeader('Tỉnh Vĩnh Phúc'));
      expect(await t.sayText('stranger', '/nhatky sở ngoại vụ')).toBe(onboarding.notOfficer);
    } finally {
      await t.close();
    }
  });

  for (const row of MATRIX) {
    const shown = (w?: World) =>
      `/${row.command}${row.args ? ` ${typeof row.args === 'string' ? row.args : w ? row.args(w) : '<target of A>'}` : ''}`;
    describe(`${shown()}${row.inGroup ? ' in a group' : ''}`, () => {
      let t: TestApp;
      let world: World;
      beforeAll(async () => ({ t, world } = await createWorld()));
      afterAll(async () => t?.close());

      it.each(ROLES.map((role) => [WHO[role], row.expect[role], role] as const))(
        '%s: %s',
        async (_who, expected, role) => {
          const before = await tableCounts(t);
          t.clock.now = new Date(t.clock.now.getTime() + 20_000);
          const replies = await t.say(
            userIdOf[role],
            shown(world),
            row.inGroup ? { group: { id: 'vp-group', title: 'Nhóm Vĩnh Phúc' } } : {},
          );
          const text = replies.map((r) => r.text).join('\n');
          expect(outcomeOf(replies), text.slice(0, 300)).toBe(expected);
          if (expected !== 'allowed') expect(await tableCounts(t)).toEqual(before);
        },
      );
    });
  }
});
