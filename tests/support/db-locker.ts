import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Another process (a backup script, a CLI, a second bot by mistake) holding the write lock of the database file.
const script = `
import Database from 'better-sqlite3';
const db = new Database(process.argv[1]);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\\n');
  process.exit(0);
});
`;

export interface DatabaseLock {
  release(): Promise<void>;
}

/** Opens the file in a child process and holds `BEGIN EXCLUSIVE` until released. */
export async function lockDatabase(path: string): Promise<DatabaseLock> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, path], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (output.includes(word) ? resolve() : undefined);
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        check();
      });
      child.once('exit', (code) =>
        output.includes(word) ? resolve() : reject(new Error(`locker exited (${code}) before "${word}"`)),
      );
      check();
    });
  await said('locked');
  return {
    async release() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.write('release\n');
      await exited;
    },
  };
}
