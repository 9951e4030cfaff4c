import { searchTasks } from '../../db/index.js';
import type { Command } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { wordsOf } from '../shared/words.js';
import { taskText } from '../../messages/index.js';
import { excerptAround } from './excerpt.js';
import { rankHits, type RankedHit } from './match.js';

const SHOWN = 8;
/** Hits ranked by the search engine and re-ranked here; the best of them are shown. */
const CANDIDATES = 50;
const MAX_WORDS = 12;

/** /timkiem <từ khóa>: full-text search of task texts, diacritics-insensitive, best match first. */
export const search: Command = {
  name: 'timkiem',
  aliases: ['search'],
  description: taskText.commands.search,
  inGroups: true,
  async run(ctx, args) {
    const words = wordsOf(args).slice(0, MAX_WORDS);
    if (words.length === 0) throw new UserError(taskText.searchUsage);
    const { db } = ctx.services;
    let found = await searchTasks(db, words, { anyWord: false, limit: CANDIDATES });
    const partial = found.total === 0 && words.length > 1;
    if (partial) found = await searchTasks(db, words, { anyWord: true, limit: CANDIDATES });
    const query = args.trim();
    if (found.total === 0) throw new UserError(taskText.noHits(query));
    const own = new Set([...ctx.actor.memberships.map((m) => m.networkId), ...ctx.actor.roles.map((r) => r.networkId)]);
    const shown = rankHits(found.hits, query, words, own).slice(0, SHOWN);
    const lines = [taskText.hitsTitle(query, found.total, shown.length)];
    if (partial) lines.push(taskText.anyWordNote);
    shown.forEach((ranked, i) => lines.push('', ...hitLines(i + 1, ranked)));
    ctx.reply(lines.join('\n'));
  },
};

function hitLines(n: number, ranked: RankedHit): string[] {
  const { hit } = ranked;
  return [
    taskText.hit(n, hit.networkName, hit.section, taskText.documentLabel(hit.documentNumber, hit.documentIssuer)),
    taskText.assignedTo(hit.forAll ? taskText.allAgencies : hit.agencies.join(', ')),
    excerptAround(ranked),
  ];
}
