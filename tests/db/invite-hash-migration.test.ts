import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { closeDatabase, findInvite, migrateDatabase, openDatabase } from '../../src/db/index.js';
import { defaultMigrationsFolder } from '../../src/db/client.js';
import { pgMigrationsFolder } from '../../src/db/pg/client.js';
import { databaseUrl } from '../support/postgres.js';
import { sqliteOf } from '../support/sql.js';
import { onPostgres } from '../support/test-db.js';

// Invites made before codes were hashed: after the migration only the hash and a hint remain, in the table and
// in the audit log, and the code still works (SQLite: findInvite by code; PostgreSQL: the same hash).

const CODE = 'K7MNPQ2X';
const HASH = createHash('sha256').update(CODE).digest('hex');

/** The migrations folder as it was before `tag` (journal cut there), so rows can be written in the old shape. */
function migrationsBefore(folder: string, tag: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'daumoi-mig-')), 'migrations');
  cpSync(folder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** The rows of an old database; `time` writes a timestamp in the dialect's form. */
function oldRows(time: (ms: number) => string, agencyId: string): string[] {
  return [
    `INSERT INTO networks (id, name, level, updated_at) VALUES ('vp', 'Vĩnh Phúc', 'province', ${time(0)})`,
    "INSERT INTO agencies (network_id, slug, name, aliases, search_key, kind) VALUES ('vp', 'stp', 'Sở Tư pháp', '[]', 'so tu phap', 'so')",
    `INSERT INTO invites (code, network_id, agency_id, created_by, expires_at) VALUES ('${CODE}', 'vp', ${agencyId}, 1, ${time(4102444800000)})`,
    `INSERT INTO audit_log (at, action, detail) VALUES (${time(0)}, 'invite.create', '{"code":"${CODE}","agencyId":1}')`,
  ];
}

describe.skipIf(onPostgres)('migration invite_code_hash (SQLite)', () => {
  it('replaces each stored code by its SHA-256 and hint, in invites and in the audit log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-inv-'));
    const db = openDatabase(join(dir, 'old.db'));
    try {
      await migrateDatabase(db, migrationsBefore(defaultMigrationsFolder, '0006_invite_code_hash'));
      const sqlite = sqliteOf(db);
      for (const sql of oldRows(String, '1')) sqlite.prepare(sql).run();
      await migrateDatabase(db);
      const row = sqlite.prepare('SELECT id, code_hash AS hash, hint FROM invites').get();
      expect(row).toEqual({ id: 1, hash: HASH, hint: '2X' });
      const detail = sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'invite.create'").get() as {
        detail: string;
      };
      expect(JSON.parse(detail.detail)).toEqual({ agencyId: 1, inviteId: 1, hint: '2X' });
      expect(await findInvite(db, { code: CODE })).toEqual({ id: 1, hint: '2X', networkId: 'vp' });
    } finally {
      await closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!onPostgres)('migration invite_code_hash (PostgreSQL)', () => {
  it('replaces each stored code by its SHA-256 and hint, in invites and in the audit log', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE invite_hash');
    await admin.end();
    const url = databaseUrl(adminUrl, 'invite_hash');
    const db = openDatabase(url);
    const client = new pg.Client({ connectionString: url });
    try {
      await migrateDatabase(db, migrationsBefore(pgMigrationsFolder, '0003_invite_code_hash'));
      await client.connect();
      const time = (ms: number) => `to_timestamp(${ms / 1000})`;
      // Identity ids start at 1 in a new database, as SQLite's do.
      for (const sql of oldRows(time, '1')) await client.query(sql);
      await migrateDatabase(db);
      const row = await client.query('SELECT id, code_hash AS hash, hint FROM invites');
      expect(row.rows).toEqual([{ id: 1, hash: HASH, hint: '2X' }]);
      const audit = await client.query("SELECT detail FROM audit_log WHERE action = 'invite.create'");
      expect(audit.rows[0].detail).toEqual({ agencyId: 1, inviteId: 1, hint: '2X' });
    } finally {
      await client.end();
      await closeDatabase(db);
    }
  });
});
