import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { closeDatabase, migrateDatabase, openDatabase } from '../../src/db/index.js';

// A throwaway PostgreSQL 15 cluster for the test suite (never a mock): initdb and pg_ctl on a temp dir and a free
// loopback port, stopped by its pid. Every test app gets its own database, copied from a migrated template.

export const TEMPLATE = 'daumoi_template';

export interface Cluster {
  /** Superuser URL of the maintenance database (`postgres`). */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Debian's server binaries live outside PATH (/usr/lib/postgresql/<v>/bin); a PATH initdb is taken first. */
function binary(name: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new Error(`PostgreSQL's ${name} was not found (apt-get install -y postgresql)`);
}

export function postgresAvailable(): boolean {
  try {
    binary('initdb');
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user. */
function asServerUser(dir: string): (cmd: string, args: string[]) => void {
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  return (cmd, args) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-pg-'));
  const data = join(dir, 'data');
  const run = asServerUser(dir);
  run(binary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // A test cluster: durability is not needed, speed is.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
  run(binary('pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    async stop() {
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
        while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template every test database is copied from: migrated once per run. */
export async function createTemplate(adminUrl: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${TEMPLATE}`));
  const db = openDatabase(databaseUrl(adminUrl, TEMPLATE));
  try {
    await migrateDatabase(db);
  } finally {
    await closeDatabase(db);
  }
}

/** A fresh migrated database of its own (a copy of the template); returns its URL. */
export async function createTestDatabase(adminUrl: string, name: string): Promise<string> {
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE}`));
  return databaseUrl(adminUrl, name);
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
