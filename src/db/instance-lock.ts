import Database from 'better-sqlite3';
import { DatabaseError } from './client.js';

// SQLite serves one bot process: a second one on the same file would re-queue the first's sends and replay the
// updates it is handling. The guard is a lock file next to the database holding an exclusive SQLite lock: the
// operating system drops it the moment its process ends, so a process killed with SIGKILL leaves no stale lock
// and its successor starts at once, while a live holder is refused without waiting.

export class DatabaseInUseError extends DatabaseError {
  readonly lockPath: string;
  constructor(lockPath: string) {
    super(`Another process is already running the bot on this database (lock held on ${lockPath})`);
    this.name = 'DatabaseInUseError';
    this.lockPath = lockPath;
  }
}

export interface InstanceLock {
  release(): void;
}

/** Takes the bot's lock on a database file, or throws DatabaseInUseError when another process holds it. */
export function lockDatabaseFile(databasePath: string): InstanceLock {
  if (databasePath === ':memory:') return { release: () => undefined };
  const lockPath = `${databasePath}.lock`;
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    // In exclusive locking mode the write lock taken by the first write is kept until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_at TEXT NOT NULL)');
    lock.exec('DELETE FROM holder');
    lock.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    lock.exec('COMMIT');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(lockPath);
    throw error;
  }
  return {
    release(): void {
      if (lock.open) lock.close();
    },
  };
}
