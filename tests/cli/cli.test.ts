import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the daumoi bin', () => {
  it('runs subcommands through bin/daumoi.js', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-bin-'));
    const env = { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'bin.db') };
    const migrate = await run(process.execPath, ['bin/daumoi.js', 'migrate'], { env });
    expect(migrate.stdout).toContain('Đã cập nhật cơ sở dữ liệu');
    const backup = await run(process.execPath, ['bin/daumoi.js', 'backup', join(dir, 'copy.db')], { env });
    expect(backup.stdout).toContain('Đã sao lưu vào');
    const usage = await run(process.execPath, ['bin/daumoi.js'], { env });
    expect(usage.stderr).toContain('daumoi plan validate FILE');
  });
});
