import {
  completeHandover,
  findActorByPerson,
  findAgencyWithNetwork,
  isBlocked,
  listAgencyOfficers,
  listPrivateChats,
  startHandover,
  type AgencyWithNetwork,
  type PersonCard,
} from '../../db/index.js';
import { isAdmin, officerOf } from '../../kernel/actor.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { accessText, handoverText as m, onboarding } from '../../messages/index.js';
import { agencyChoices } from '../shared/agency-args.js';
import { lookupAgency } from '../shared/agency.js';
import { preferredNetworks } from '../shared/caller.js';
import { noticeTime } from '../shared/notice-time.js';
import { acceptHandover, declineHandover, withdrawHandover } from './handover-decide.js';
import { privateNotices } from './notices.js';
import { candidatesByHandle } from './person.js';
import { identifiedPerson, personLine } from './target.js';

/**
 * /bangiao <người kế nhiệm>: an officer offers their agency to a successor, who takes it with a button; an
 * admin (/bangiao <cơ quan> cho <người>) hands it over at once. The successor is named beyond doubt, as for
 * /capquyen: a replied-to message, a platform id, or a confirmation listing who is behind a typed name.
 */
export const handover: Command = {
  name: 'bangiao',
  aliases: ['handover'],
  description: m.description,
  inGroups: true,
  async run(ctx, args) {
    const [first = '', ...rest] = args.trim().split(/\s+/);
    const sub = normalize(first);
    if (sub === 'nhan' || sub === 'accept') return acceptHandover(ctx, rest.join(' '));
    if (sub === 'tuchoi' || sub === 'decline') return declineHandover(ctx, rest.join(' '));
    if (sub === 'huy' || sub === 'cancel') return withdrawHandover(ctx);
    const { agencyWords, personWords } = splitArgs(args);
    const agency = await targetAgency(ctx, agencyWords, personWords);
    if (!agency) return;
    if (!personWords && !ctx.msg.replyTo) throw new UserError(m.usage);
    const person = await identifiedPerson(ctx, personWords);
    if (!person) return askWho(ctx, agency, personWords);
    await checkSuccessor(ctx, agency, person);
    if (isAdmin(ctx.actor, agency.networkId)) return handOverNow(ctx, agency, person);
    await offer(ctx, agency, person);
  },
};

/** "<cơ quan> cho <người>", or just "<người>" for the caller's own agency. */
function splitArgs(args: string): { agencyWords: string; personWords: string } {
  const match = /^(.*?)\s+cho(?:\s+(.*))?$/i.exec(args.trim());
  if (!match) return { agencyWords: '', personWords: args.trim() };
  return { agencyWords: match[1]!.trim(), personWords: (match[2] ?? '').trim() };
}

/** The agency named (admins of its network, or its own officer), else the caller's own. */
async function targetAgency(ctx: Ctx, words: string, personWords: string): Promise<AgencyWithNetwork | undefined> {
  const { db } = ctx.services;
  if (!words) {
    const own = officerOf(ctx.actor);
    if (!own) throw new UserError(m.notOfficer);
    return findAgencyWithNetwork(db, own.agencyId);
  }
  const allowed = (a: AgencyWithNetwork) => isAdmin(ctx.actor, a.networkId) || officerOf(ctx.actor)?.agencyId === a.id;
  const byId = /^#(\d{1,9})$/.exec(words);
  if (byId) {
    const agency = await findAgencyWithNetwork(db, Number(byId[1]));
    if (!agency || !allowed(agency)) throw new UserError(m.notOfficer);
    return agency;
  }
  const found = await lookupAgency(db, words, { prefer: await preferredNetworks(ctx) });
  if (found.kind === 'none') throw new UserError(onboarding.agencyNotFound(words));
  const mine = found.kind === 'one' ? [found.agency].filter(allowed) : found.agencies.filter(allowed);
  // An agency the caller may not hand over is refused as such, not offered.
  if (mine.length === 0) throw new UserError(m.notOfficer);
  if (mine.length === 1) return mine[0];
  ctx.reply(
    onboarding.pickAgency(words),
    agencyChoices(mine, (a) => `/bangiao #${a.id} cho ${personWords}`),
  );
  return undefined;
}

/** A typed name or @username: who is behind it, each with a button that carries their person id. */
async function askWho(ctx: Ctx, agency: AgencyWithNetwork, words: string): Promise<void> {
  const cards = await candidatesByHandle(ctx, words);
  ctx.reply(
    m.confirmWho(
      agency.name,
      cards.map((c) => accessText.who(personLine(c))),
    ),
    cards.map((c) => ({
      id: `/bangiao #${agency.id} cho #${c.personId}`,
      label: m.pickLabel(c.name, personLine(c).ids.split(', ')[0] ?? `#${c.personId}`),
    })),
  );
}

async function checkSuccessor(ctx: Ctx, agency: AgencyWithNetwork, person: PersonCard): Promise<void> {
  const { db, config } = ctx.services;
  if (person.personId === ctx.actor.personId) throw new UserError(m.self);
  if (await isBlocked(db, person.personId)) throw new UserError(m.blocked(person.name));
  const target = await findActorByPerson(db, person.personId, config.admins);
  const current = target && officerOf(target, agency.networkId);
  if (current?.agencyId === agency.id) throw new UserError(m.alreadyOfficer(person.name, agency.name));
  if (current) throw new UserError(m.officerElsewhere(person.name, current.agencyName));
}

async function offer(ctx: Ctx, agency: AgencyWithNetwork, person: PersonCard): Promise<void> {
  const chats = await listPrivateChats(ctx.services.db, [person.personId]);
  const notBefore = noticeTime(ctx.now, ctx.services.config.quietHours);
  await startHandover(ctx.services.db, {
    networkId: agency.networkId,
    agencyId: agency.id,
    fromPersonId: ctx.actor.personId,
    toPersonId: person.personId,
    at: ctx.now,
    notices: (id) =>
      chats.map((c) => ({
        platform: c.platform,
        chatId: c.chatId,
        isGroup: false,
        text: m.offer(ctx.actor.name, agency.name, agency.networkName),
        choices: [
          { id: `/bangiao nhan ${id}`, label: m.accept },
          { id: `/bangiao tuchoi ${id}`, label: m.decline },
        ],
        notBefore,
        idemKey: `handover:${id}:${c.platform}:${c.chatId}`,
      })),
  });
  ctx.reply(m.started(agency.name, person.name, chats.length > 0));
}

async function handOverNow(ctx: Ctx, agency: AgencyWithNetwork, person: PersonCard): Promise<void> {
  const { db } = ctx.services;
  const previous = await listAgencyOfficers(db, agency.id);
  const key = `handover:${agency.id}:${person.personId}:${ctx.now.getTime()}`;
  const notices = [
    ...(await privateNotices(
      ctx,
      previous.map((p) => p.personId),
      m.doneNotice(agency.name, person.name),
      `${key}:from`,
    )),
    ...(await privateNotices(ctx, [person.personId], m.newOfficerNotice(agency.name, agency.networkName), `${key}:to`)),
  ];
  const result = await completeHandover(db, {
    networkId: agency.networkId,
    agencyId: agency.id,
    toPersonId: person.personId,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices,
  });
  if (result.kind !== 'done') throw new UserError(m.gone);
  const names = result.previous.map((p) => p.name);
  ctx.reply(m.doneByAdmin(agency.name, person.name, names, result.drafts));
}
