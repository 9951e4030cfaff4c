import { and, eq, max } from 'drizzle-orm';
import { normalize } from '../../kernel/text.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencies, type AgencyContact } from '../schema.js';
import { appendAudit } from './audit.js';

// Agencies added and updated from a spreadsheet (daumoi network agencies, or the file sent in chat): one
// transaction, audited, nothing deleted.

export type { AgencyContact };

export interface ImportableAgency {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: string;
  contact: AgencyContact | null;
}

export async function listImportableAgencies(db: Db, networkId: string): Promise<ImportableAgency[]> {
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
    .all();
}

export interface NewAgency {
  slug: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: string;
  contact: AgencyContact | null;
}

export interface AgencyChange {
  id: number;
  shortName: string | null;
  aliases: string[];
  kind: string;
  contact: AgencyContact | null;
}

export interface AgencyImport {
  networkId: string;
  add: NewAgency[];
  update: AgencyChange[];
  actorPersonId: number | null;
  at: Date;
  file: string;
}

const searchKey = (name: string, short: string | null, aliases: string[]) =>
  normalize([name, short ?? '', ...aliases].join(' | '));

export async function applyAgencyImport(db: Db, input: AgencyImport): Promise<void> {
  transaction(db, () => {
    const { networkId } = input;
    const last = db.orm
      .select({ n: max(agencies.sortOrder) })
      .from(agencies)
      .where(eq(agencies.networkId, networkId))
      .get();
    let order = (last?.n ?? -1) + 1;
    for (const a of input.add) {
      db.orm
        .insert(agencies)
        .values({ networkId, ...a, searchKey: searchKey(a.name, a.shortName, a.aliases), sortOrder: order++ })
        .run();
    }
    for (const c of input.update) {
      const row = db.orm.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, c.id)).get();
      if (!row) continue;
      const { id, ...values } = c;
      db.orm
        .update(agencies)
        .set({ ...values, searchKey: searchKey(row.name, c.shortName, c.aliases) })
        .where(and(eq(agencies.id, id), eq(agencies.networkId, networkId)))
        .run();
    }
    appendAudit(db, {
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
