import type { Period } from '../kernel/calendar/periods.js';
import type { AnyDb } from './dialect.js';
import * as pg from './pg/queries/seed.js';
import * as sqlite from './queries/seed.js';
import * as sqliteRows from './queries/seed-rows.js';
import type { SeedActivityRow, SeedSubmissionRow } from './queries/seed-rows.js';

// Seeding for tests and benchmarks on either dialect (the bot never seeds): the same rows on both.

export type { BigNetworkOptions, SeededNetworks } from './queries/seed.js';
export type { SeedActivityRow, SeedSubmissionRow } from './queries/seed-rows.js';

export async function seedBigNetwork(db: AnyDb, options: sqlite.BigNetworkOptions): Promise<sqlite.SeededNetworks> {
  return db.dialect === 'pg' ? pg.seedBigNetwork(db, options) : sqlite.seedBigNetwork(db, options);
}

export async function upsertPeriod(db: AnyDb, dutyId: number, period: Period): Promise<number> {
  return db.dialect === 'pg' ? pg.upsertPeriod(db, dutyId, period) : sqliteRows.upsertPeriod(db, dutyId, period);
}

export async function insertSubmissionRow(db: AnyDb, row: SeedSubmissionRow): Promise<number> {
  return db.dialect === 'pg' ? pg.insertSubmissionRow(db, row) : sqliteRows.insertSubmissionRow(db, row);
}

export async function insertActivityRows(db: AnyDb, rows: SeedActivityRow[], at: Date): Promise<void> {
  return db.dialect === 'pg' ? pg.insertActivityRows(db, rows, at) : sqliteRows.insertActivityRows(db, rows, at);
}
