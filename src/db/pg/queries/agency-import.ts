import { and, eq, max } from 'drizzle-orm';
import { normalize } from '../../../kernel/text.js';
import type { AgencyImport, ImportableAgency } from '../../queries/agency-import.js';
import { pgTransaction, type PgDb } from '../client.js';
import { agencies } from '../schema.js';
import { appendAudit } from './audit.js';

// Agencies added and updated from a spreadsheet: one transaction, audited, nothing deleted.

export async function listImportableAgencies(db: PgDb, networkId: string): Promise<ImportableAgency[]> {
  return db.orm
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      shortName: agencies.shortName,
      aliases: agencies.aliases,
      kind: agencies.kind,
      contact: agencies.contact,
    })
    .from(agencies)
    .where(eq(agencies.networkId, networkId))
    .orderBy(agencies.id);
}

const searchKey = (name: string, short: string | null, aliases: string[]) =>
  normalize([name, short ?? '', ...aliases].join(' | '));

export async function applyAgencyImport(db: PgDb, input: AgencyImport): Promise<void> {
  await pgTransaction(db, async (tx) => {
    const { networkId } = input;
    const [last] = await tx
      .select({ n: max(agencies.sortOrder) })
      .from(agencies)
      .where(eq(agencies.networkId, networkId));
    let order = (last?.n ?? -1) + 1;
    if (input.add.length > 0)
      await tx.insert(agencies).values(
        input.add.map((a) => ({
          networkId,
          ...a,
          searchKey: searchKey(a.name, a.shortName, a.aliases),
          sortOrder: order++,
        })),
      );
    for (const c of input.update) {
      const [row] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, c.id));
      if (!row) continue;
      const { id, ...values } = c;
      await tx
        .update(agencies)
        .set({ ...values, searchKey: searchKey(row.name, c.shortName, c.aliases) })
        .where(and(eq(agencies.id, id), eq(agencies.networkId, networkId)));
    }
    await appendAudit(tx, {
      actorPersonId: input.actorPersonId,
      action: 'network.agencies-import',
      detail: {
        networkId,
        file: input.file,
        added: input.add.map((a) => a.slug),
        updated: input.update.map((c) => c.id),
      },
      at: input.at,
    });
  });
}
