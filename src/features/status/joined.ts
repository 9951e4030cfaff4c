import { findStatusNetwork, listJoinStates, type AgencyJoinState, type StatusNetwork } from '../../db/index.js';
import { officerOf } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { joinText as j, statusText as m } from '../../messages/index.js';
import { CONTENT_TYPES, deliverFiles } from './deliver.js';
import { fitLists } from './fit-lists.js';
import { groupNetwork, leadsNetwork, ledNetworks, matchStatusNetworks, networkChoices } from './scope.js';
import { MAX_LINES } from './summary-text.js';

// `/tinhhinh thamgia [mạng lưới] [ds]`: which agencies have an officer, which were invited and have not joined,
// which were never invited; X/Y and the chart. Leaders and admins of the network only.

export const JOINED_WORD = 'thamgia';
const ALL_WORDS = new Set(['ds', 'day du', 'tat ca', 'all']);

/** The rest of the args when they ask for the join view ("thamgia", "tham gia", "joined"); else undefined. */
export function joinedWords(args: string): string | undefined {
  const words = args.trim().split(/\s+/);
  const first = normalize(words[0] ?? '');
  if (first === JOINED_WORD || first === 'joined') return words.slice(1).join(' ');
  if (first === 'tham' && normalize(words[1] ?? '') === 'gia') return words.slice(2).join(' ');
  return undefined;
}

export async function showJoined(ctx: Ctx, args: string): Promise<void> {
  const { rest, full } = splitFull(args);
  const network = await joinNetwork(ctx, rest);
  if (!network) return;
  const states = await listJoinStates(ctx.services.db, network.id, ctx.now);
  ctx.reply(joinSummaryText(network, states, full));
  if (full || states.length === 0) return;
  const { renderJoinChart } = await import('../../documents/join-chart.js');
  const data = renderJoinChart({
    title: network.name,
    agencies: states.map((s) => ({ name: label(s), state: s.state })),
  });
  const file = {
    kind: 'photo' as const,
    fileName: `tham-gia-${network.id}.png`,
    data,
    caption: j.chartCaption(network.name),
  };
  await deliverFiles(ctx, [{ file, contentType: CONTENT_TYPES.png, title: j.chartName }]);
}

function splitFull(args: string): { rest: string; full: boolean } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const last = normalize(words.at(-1) ?? '');
  if (ALL_WORDS.has(last)) return { rest: words.slice(0, -1).join(' '), full: true };
  const lastTwo = normalize(words.slice(-2).join(' '));
  if (ALL_WORDS.has(lastTwo)) return { rest: words.slice(0, -2).join(' '), full: true };
  return { rest: words.join(' '), full: false };
}

/** The network asked for, its group's, or the only one the caller leads; a menu when several fit. */
async function joinNetwork(ctx: Ctx, query: string): Promise<StatusNetwork | undefined> {
  const candidates = query ? await matchStatusNetworks(ctx, query) : await defaultNetworks(ctx);
  if (candidates.length === 0) throw new UserError(query ? m.unknownTarget(query) : m.notMember);
  if (candidates.length > 1) {
    ctx.reply(m.chooseNetwork, networkChoices('tinhhinh', candidates, '').map(withWord));
    return undefined;
  }
  const network = candidates[0]!;
  if (!(await leadsNetwork(ctx, network))) {
    const known = ctx.actor.roles.length > 0 || ctx.actor.memberships.some((s) => s.status === 'active');
    throw new UserError(known ? m.notLeader(network.name) : m.notMember);
  }
  return network;
}

async function defaultNetworks(ctx: Ctx): Promise<StatusNetwork[]> {
  const group = await groupNetwork(ctx);
  if (group) return [group];
  const led = await ledNetworks(ctx);
  if (led.length > 0) return led;
  // An officer is told the view is the leaders', not that they belong nowhere.
  const own = officerOf(ctx.actor);
  const network = own ? await findStatusNetwork(ctx.services.db, own.networkId) : undefined;
  return network ? [network] : [];
}

const withWord = (c: { id: string; label: string }) => ({
  ...c,
  id: c.id.replace(/^\/tinhhinh /, `/tinhhinh ${JOINED_WORD} `),
});

const label = (s: AgencyJoinState): string => s.shortName ?? s.name;

export function joinSummaryText(network: StatusNetwork, states: AgencyJoinState[], full: boolean): string {
  const head = [j.title(network.name)];
  if (states.length === 0) return [...head, j.noAgencies].join('\n');
  const joined = states.filter((s) => s.state === 'joined').length;
  head.push(j.joinedLine(joined, states.length));
  if (joined === states.length) return [...head, j.allJoined].join('\n');
  const invited = states.filter((s) => s.state === 'invited').map((s) => `- ${s.name}`);
  const none = states.filter((s) => s.state === 'none').map((s) => `- ${s.name}`);
  const heads = [
    invited.length > 0 ? j.invitedHead(invited.length) : '',
    none.length > 0 ? j.noneHead(none.length) : '',
  ];
  const command = `/tinhhinh ${JOINED_WORD} ${network.id} ds`;
  const budget = full ? Number.MAX_SAFE_INTEGER : MAX_LINES - head.length - heads.filter(Boolean).length - 1;
  const more = (hidden: number) => j.more(hidden, command);
  const [noneLines, invitedLines] = fitLists(
    [
      { items: none, more },
      { items: invited, more },
    ],
    budget,
  );
  const section = (title: string, lines: string[] = []) => (title ? [title, ...lines] : []);
  return [...head, ...section(heads[1]!, noneLines), ...section(heads[0]!, invitedLines), j.footer].join('\n');
}
