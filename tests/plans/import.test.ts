import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, insertActivity, listAudit, type Db } from '../../src/db/index.js';
import { runCli } from '../../src/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlAll, sqlGet } from '../support/sql.js';
import { onPostgres, testDatabaseEnv } from '../support/test-db.js';

let t: TestApp | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const VINH_PHUC = readFileSync('plans/vinh-phuc.yaml', 'utf8');

async function cli(dbPath: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // The app's own database: its SQLite file, or its PostgreSQL database under `npm run test:pg`.
  const env = { DATABASE_PATH: dbPath, ...(await testDatabaseEnv(dirname(dbPath))) };
  const code = await runCli(['plan', ...args], { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Writes a variant of the Vĩnh Phúc plan and returns its path. */
function variant(name: string, edit: (yaml: string) => string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'daumoi-plans-'));
  const path = join(scratch, `${name}.yaml`);
  const text = edit(VINH_PHUC);
  expect(text).not.toBe(VINH_PHUC);
  writeFileSync(path, text);
  return path;
}

/** Drops the YAML list items from `- id: <first>` up to (not including) `- id: <next>` or a top-level key. */
const dropItems = (yaml: string, first: string, until: string) =>
  yaml.replace(new RegExp(`  - id: ${first}\\n[\\s\\S]*?(?=  - id: ${until}\\n|\\n\\w+:)`), '');

async function rowCounts(db: Db) {
  const count = async (sql: string) => ((await sqlGet(db, sql)) as { n: number }).n;
  const rows = (table: string) => count(`SELECT count(*) AS n FROM ${table}`);
  // The full-text index: SQLite's FTS5 table tasks_fts, PostgreSQL's task_search (one row per task).
  const index = onPostgres ? 'task_search' : 'tasks_fts';
  return {
    networks: await rows('networks'), documents: await rows('documents'), agencies: await rows('agencies'), tasks: await rows('tasks'),
    taskAgencies: await rows('task_agencies'), duties: await rows('duties'), templates: await rows('templates'), indexRows: await rows(index),
    orphanAssignments: await count('SELECT count(*) AS n FROM task_agencies WHERE task_id NOT IN (SELECT id FROM tasks) OR agency_id NOT IN (SELECT id FROM agencies)'),
    orphanIndexRows: await count(`SELECT count(*) AS n FROM ${index} WHERE task_id NOT IN (SELECT id FROM tasks)`),
    unindexedTasks: await count(`SELECT count(*) AS n FROM tasks WHERE id NOT IN (SELECT task_id FROM ${index})`),
    orphanDocuments: await count('SELECT count(*) AS n FROM documents WHERE id NOT IN (SELECT document_id FROM tasks)'),
  };
}

const taskIds = async (db: Db) => (await sqlAll(db, "SELECT slug, id FROM tasks WHERE network_id = 'vinh-phuc' ORDER BY slug"));

describe('daumoi plan import', () => {
  it('re-imports a shipped plan without writing anything', async () => {
    t = await createTestApp();
    const dbPath = join(t.dir, 'test.db');
    const before = await rowCounts(t.app.db);
    const result = await cli(dbPath, 'import', 'plans/vinh-phuc.yaml');
    expect(result).toMatchObject({ code: 0, out: 'Kế hoạch Tỉnh Vĩnh Phúc (vinh-phuc) giống hệt lần nhập trước; không có gì thay đổi.' });
    expect(await rowCounts(t.app.db)).toEqual(before);
  });

  it('upserts a changed plan: importing it, the original and it again duplicates and orphans nothing', async () => {
    t = await createTestApp();
    const dbPath = join(t.dir, 'test.db');
    const original = await rowCounts(t.app.db);
    const ids = await taskIds(t.app.db);
    const changed = variant('changed', (y) => dropItems(y, 'nv-8', 'none').replace('Bố trí kinh phí chi thường xuyên', 'Bố trí đủ kinh phí chi thường xuyên'));

    expect(await cli(dbPath, 'import', changed)).toMatchObject({ code: 0, out: 'Đã nhập kế hoạch Tỉnh Vĩnh Phúc (vinh-phuc): 14 cơ quan, 17 nhiệm vụ, 1 nghĩa vụ báo cáo.' });
    const afterChange = await rowCounts(t.app.db);
    expect(afterChange).toMatchObject({ tasks: original.tasks - 1, taskAgencies: original.taskAgencies - 4, indexRows: original.indexRows - 1 });
    expect(await cli(dbPath, 'import', 'plans/vinh-phuc.yaml')).toMatchObject({ code: 0 });
    expect(await cli(dbPath, 'import', changed)).toMatchObject({ code: 0 });
    const final = await rowCounts(t.app.db);
    expect(final).toEqual(afterChange);
    expect(final).toMatchObject({ orphanAssignments: 0, orphanIndexRows: 0, unindexedTasks: 0, orphanDocuments: 0 });
    const kept = await taskIds(t.app.db) as { slug: string; id: number }[];
    expect(kept).toEqual((ids as { slug: string }[]).filter((r) => r.slug !== 'nv-8'));
    expect(await t.sayText('u1', '/timkiem đủ kinh phí')).toContain('Bố trí đủ kinh phí chi thường xuyên');
    const imports = (await listAudit(t.app.db)).filter((e) => e.action === 'plan.import' && e.detail.networkId === 'vinh-phuc');
    expect(imports).toHaveLength(4); // first start, changed, original, changed again
  });

  it('refuses to drop an agency that has a registered officer and says which one, changing nothing', async () => {
    t = await createTestApp();
    const dbPath = join(t.dir, 'test.db');
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const before = await rowCounts(t.app.db);
    const withoutStp = variant('no-stp', (y) => dropItems(dropItems(y, 'so-tu-phap', 'so-noi-vu'), 'nv-4a', 'nv-5'));
    const result = await cli(dbPath, 'import', withoutStp);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Không nhập được: kế hoạch mới bỏ những cơ quan đã có cán bộ đăng ký, hoạt động hoặc báo cáo:');
    expect(result.err).toContain('  - Sở Tư pháp (so-tu-phap)');
    expect(await rowCounts(t.app.db)).toEqual(before);
  });

  it('refuses to drop a task that has logged activities and names its section', async () => {
    t = await createTestApp();
    const dbPath = join(t.dir, 'test.db');
    const personId = await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    const agency = (await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap'))!;
    const taskId = ((await sqlGet(t.app.db, "SELECT id FROM tasks WHERE network_id = 'vinh-phuc' AND slug = 'nv-4a'")) as { id: number }).id;
    await insertActivity(t.app.db, {
      networkId: 'vinh-phuc', agencyId: agency.id, authorPersonId: personId, typeId: 'hop-bao', date: '2026-11-20', title: 'Họp báo',
      link: null, quantity: 1, participants: null, taskId, attachments: [],
    }, t.clock.now);
    const result = await cli(dbPath, 'import', variant('no-4a', (y) => dropItems(y, 'nv-4a', 'nv-4b')));
    expect(result.code).toBe(1);
    expect(result.err).toContain('kế hoạch mới bỏ những nhiệm vụ đã có hoạt động ghi nhận gắn với chúng:\n  - mục 4.a (nv-4a)');
  });
});

describe('daumoi plan validate and list', () => {
  it('validates a good file with a summary and a broken one with its line, in Vietnamese', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'daumoi-plans-'));
    const dbPath = join(scratch, 'x.db');
    expect(await cli(dbPath, 'validate', 'plans/vinh-phuc.yaml')).toMatchObject({
      code: 0, out: 'Tệp plans/vinh-phuc.yaml hợp lệ: mạng lưới Tỉnh Vĩnh Phúc (vinh-phuc), 1 văn bản, 14 cơ quan, 18 nhiệm vụ, 1 nghĩa vụ báo cáo, 1 mẫu báo cáo.',
    });
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, VINH_PHUC.replace('agencies: [so-tai-chinh]', 'agencies: [so-tai-chanh]'));
    const result = await cli(dbPath, 'validate', broken);
    expect(result.code).toBe(1);
    expect(result.err).toContain('có 1 lỗi, chưa nhập được:');
    expect(result.err).toMatch(/broken\.yaml:207 tasks\[16\]\.agencies: cơ quan "so-tai-chanh" không có trong danh sách agencies/);
    expect(await cli(dbPath, 'validate')).toMatchObject({ code: 2, err: 'Thiếu tên tệp: daumoi plan validate FILE' });
  });

  it('says in Vietnamese why a file cannot be read, not Node\'s ENOENT or EISDIR', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'daumoi-plans-'));
    const dbPath = join(scratch, 'x.db');
    const missing = await cli(dbPath, 'validate', join(scratch, 'khong-co.yaml'));
    expect(missing.err).toBe(`Không đọc được tệp ${join(scratch, 'khong-co.yaml')}: không có tệp này (kiểm tra lại đường dẫn và tên tệp).`);
    const folder = await cli(dbPath, 'import', scratch);
    expect(folder.err).toContain('đây là một thư mục');
    expect(folder.err).not.toMatch(/EISDIR|illegal/);
  });

  it('imports into an empty database and lists networks with their counts', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'daumoi-plans-'));
    const dbPath = join(scratch, 'x.db');
    expect((await cli(dbPath, 'list')).out).toBe('Chưa có mạng lưới nào. Nhập kế hoạch bằng: daumoi plan import FILE');
    await cli(dbPath, 'import', 'plans/vinh-phuc.yaml');
    await cli(dbPath, 'import', 'plans/tay-son.yaml');
    expect((await cli(dbPath, 'list')).out).toBe([
      'Có 2 mạng lưới:',
      '  tay-son: Huyện Tây Sơn (cấp huyện, không còn hoạt động) - 2 cơ quan, 5 nhiệm vụ',
      '  vinh-phuc: Tỉnh Vĩnh Phúc (cấp tỉnh) - 14 cơ quan, 18 nhiệm vụ',
    ].join('\n'));
  });
});

describe('a re-imported plan that drops a reporting duty', () => {
  it('is refused while an officer has a draft of it, so nothing typed is lost', async () => {
    t = await createTestApp();
    const dbPath = join(t.dir, 'test.db');
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    await t.say('lan', '/baocao');
    const drafts = async () => ((await sqlGet(t!.app.db, 'SELECT count(*) AS n FROM report_drafts')) as { n: number }).n;
    expect(await drafts()).toBe(1);
    const noDuty = variant('no-duty', (y) => y.replace(/\nduties:\n[\s\S]*?\ntemplates:/, '\nduties: []\ntemplates:'));
    const result = await cli(dbPath, 'import', noDuty);
    expect(result.code).toBe(1);
    expect(result.err).toContain('nghĩa vụ báo cáo đã có báo cáo được nộp hoặc đang soạn');
    expect(await drafts()).toBe(1);
  });
});
