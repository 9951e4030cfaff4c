import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineWriter, runCli } from '../../src/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    env: { DATABASE_PATH: join(dir, 'cli.db'), ...env },
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const minimal = readFileSync(new URL('../fixtures/plans/minimal.yaml', import.meta.url), 'utf8');

describe('daumoi on the command line', () => {
  it('says an unknown command is unknown and lists the commands', async () => {
    const result = await cli(['foo']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Không có lệnh "foo".');
    expect(result.err).toContain('daumoi backup FILE');
    expect(result.err).toContain('daumoi plan validate FILE');
  });

  it('refuses to overwrite an existing backup unless --force is given', async () => {
    const target = join(dir, 'copy.db');
    writeFileSync(target, 'bản sao lưu cũ');
    const refused = await cli(['backup', target]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Tệp ${target} đã có`);
    expect(refused.err).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('bản sao lưu cũ');
    const forced = await cli(['backup', target, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Đã sao lưu vào');
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
    const fresh = await cli(['backup', join(dir, 'new.db')]);
    expect(fresh.code).toBe(0);
    expect(existsSync(join(dir, 'new.db'))).toBe(true);
    expect((await cli(['backup', '--bogus', target])).err).toContain('Không hiểu "--bogus"');
  });

  it('on PostgreSQL, explains pg_dump instead of copying a file', async () => {
    const target = join(dir, 'copy.db');
    const result = await cli(['backup', target], { DATABASE_URL: 'postgres://daumoi@127.0.0.1:1/daumoi' });
    expect(result.code).toBe(2);
    expect(result.err).toContain('Cơ sở dữ liệu là PostgreSQL');
    expect(result.err).toContain('pg_dump --format=custom');
    expect(result.err).toContain('pg_restore');
    expect(existsSync(target)).toBe(false);
  });

  it('words configuration errors in Vietnamese, naming the variable and never its value', async () => {
    const hours = await cli(['migrate'], { QUIET_HOURS: '25-7' });
    expect(hours.code).toBe(1);
    expect(hours.err).toBe('Cấu hình không hợp lệ: giờ trong QUIET_HOURS phải từ 0 đến 23 (ví dụ 21-7).');
    const token = 'khong-phai-token-bi-mat';
    const bad = await cli(['migrate'], { TELEGRAM_BOT_TOKEN: token });
    expect(bad.err).toContain('Cấu hình không hợp lệ: TELEGRAM_BOT_TOKEN phải là mã bot Telegram');
    expect(bad.err).not.toContain(token);
    const pair = await cli(['migrate'], { ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo' });
    expect(pair.err).toBe('Cấu hình chưa đủ: cần đặt ZALO_WEBHOOK_SECRET khi đã đặt ZALO_WEBHOOK_URL.');
    for (const { err } of [hours, bad, pair]) expect(err).not.toMatch(/Invalid|must|required/);
  });

  it('words argument errors in Vietnamese', async () => {
    const extra = await cli(['export', '--network', 'vinh-phuc', 'thua', '--out', join(dir, 'x.xlsx')]);
    expect(extra.code).toBe(2);
    expect(extra.err).toBe('Thừa đối số "thua": lệnh này chỉ nhận các tùy chọn dạng --tên giá-trị.');
    const missing = await cli(['export', '--out', join(dir, 'x.xlsx'), '--network']);
    expect(missing.err).toBe('Tùy chọn --network cần một giá trị.');
    expect((await cli(['export', '--bogus'])).err).toBe('Tùy chọn không hợp lệ: --bogus');
  });

  it('reports schema and cross-reference errors of a plan in one round', async () => {
    const file = join(dir, 'hai-loi.yaml');
    const text = minimal
      .replace('  level: commune', '  level: commune\n  active: "có"')
      .replace('agencies: [cong-chuc-tu-phap]', 'agencies: [cong-chuc-tu-phap, so-abc]');
    writeFileSync(file, text);
    const result = await cli(['plan', 'validate', file]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('có 2 lỗi, chưa nhập được:');
    expect(result.err).toMatch(/hai-loi\.yaml:6 network\.active/);
    expect(result.err).toMatch(/hai-loi\.yaml:\d+ tasks\[1\]\.agencies: cơ quan "so-abc" không có/);
  });

  it('does not report a reference to an item that is itself broken as unknown', async () => {
    const file = join(dir, 'mot-loi.yaml');
    writeFileSync(file, minimal.replace('    kind: cong-chuc\ntasks:', '    kind: khong-co-loai-nay\ntasks:'));
    const result = await cli(['plan', 'validate', file]);
    expect(result.err).toContain('có 1 lỗi, chưa nhập được:');
    expect(result.err).not.toContain('cong-chuc-tu-phap" không có');
  });
});

describe('output to a closed pipe (daumoi remind | head)', () => {
  it('drops the rest quietly instead of throwing EPIPE', async () => {
    const written: string[] = [];
    const closed = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (written.length === 0) {
          written.push(chunk.toString());
          done();
        } else done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const errors: unknown[] = [];
    const write = lineWriter(closed);
    closed.on('error', (error) => errors.push(error));
    for (let i = 0; i < 5; i += 1) write(`dòng ${i}`);
    await new Promise((resolve) => closed.once('error', resolve));
    write('sau khi đóng');
    expect(written).toEqual(['dòng 0\n']);
    expect(errors).toHaveLength(1);
  });

  it('exits normally without a stack trace when the reader has gone', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'pipe.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away before the command writes its first line, as `head` does after its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
