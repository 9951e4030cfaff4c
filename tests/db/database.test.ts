import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
// SQLite itself (table rebuilds in migrations, WAL, the backup API): its own handle, on either test pass.
import {
  backupDatabase,
  closeDatabase,
  defaultMigrationsFolder,
  migrateDatabase,
  openDatabase,
  registerFunctions,
} from '../../src/db/client.js';

const REBUILD = [
  'PRAGMA foreign_keys=OFF;',
  'CREATE TABLE `__new_networks` (`id` text PRIMARY KEY NOT NULL, `name` text NOT NULL, `level` text NOT NULL, `parent_id` text, `active` integer DEFAULT true NOT NULL, `note` text, `plan_hash` text, `activity_types` text, `updated_at` integer NOT NULL, `extra` text);',
  'INSERT INTO `__new_networks`(`id`, `name`, `level`, `parent_id`, `active`, `note`, `plan_hash`, `activity_types`, `updated_at`) SELECT `id`, `name`, `level`, `parent_id`, `active`, `note`, `plan_hash`, `activity_types`, `updated_at` FROM `networks`;',
  'DROP TABLE `networks`;',
  'ALTER TABLE `__new_networks` RENAME TO `networks`;',
  'PRAGMA foreign_keys=ON;',
].join('\n--> statement-breakpoint\n');

/** A copy of the real migrations plus one drizzle-kit style table rebuild of `networks`. */
function migrationsWithRebuild(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'daumoi-mig-')), 'migrations');
  cpSync(defaultMigrationsFolder, dir, { recursive: true });
  writeFileSync(join(dir, '9999_rebuild.sql'), REBUILD);
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries.push({
    idx: journal.entries.length,
    version: '6',
    when: Date.now() + 1000,
    tag: '9999_rebuild',
    breakpoints: true,
  });
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function seedChildRows(sqlite: Database.Database): void {
  sqlite.prepare("INSERT INTO networks (id, name, level, updated_at) VALUES ('n1', 'Mạng 1', 'province', 0)").run();
  sqlite
    .prepare(
      "INSERT INTO agencies (network_id, slug, name, aliases, search_key, kind) VALUES ('n1', 'a1', 'Sở A', '[]', 'so a', 'so')",
    )
    .run();
}

describe('database', () => {
  it('keeps child rows when a migration rebuilds their parent table', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'daumoi-db-')), 'x.db');
    const db = openDatabase(path);
    migrateDatabase(db);
    seedChildRows(db.sqlite);
    migrateDatabase(db, migrationsWithRebuild());
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM agencies').get()).toEqual({ n: 1 });
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    closeDatabase(db);
  });

  it('shows the trap this guards against: the same rebuild with foreign keys on cascades deletes', () => {
    const sqlite = new Database(':memory:');
    registerFunctions(sqlite);
    sqlite.pragma('foreign_keys = ON');
    const orm = drizzle(sqlite);
    migrate(orm, { migrationsFolder: defaultMigrationsFolder });
    seedChildRows(sqlite);
    migrate(orm, { migrationsFolder: migrationsWithRebuild() });
    expect(sqlite.prepare('SELECT count(*) AS n FROM agencies').get()).toEqual({ n: 0 });
  });

  it('uses WAL and foreign keys, and backs up a consistent copy while writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-db-'));
    const db = openDatabase(join(dir, 'live.db'));
    migrateDatabase(db);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    seedChildRows(db.sqlite);
    const insert = db.sqlite.prepare("INSERT INTO audit_log (at, action, detail) VALUES (0, 'x', '{}')");
    const writer = setInterval(() => insert.run(), 1);
    await backupDatabase(db, join(dir, 'copy.db'));
    clearInterval(writer);
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM agencies').get()).toEqual({ n: 1 });
    copy.close();
    closeDatabase(db);
  });
});
