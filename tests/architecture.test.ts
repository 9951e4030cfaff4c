import { describe, expect, it } from 'vitest';
import { checkImport, checkTree, importsOf, projectRoot } from './support/layers.js';

describe('the one-way layers of docs/architecture.md', () => {
  it('holds for every import under src/', () => {
    const lines = checkTree(projectRoot).map((v) => `${v.file} → ${v.target}: ${v.reason}`);
    expect(lines).toEqual([]);
  });

  it('names the file and the import when the data layer imports upward', () => {
    const text = "import { route } from '../bot/router.js';\nimport type { Plan } from '../kernel/plan.js';\n";
    const violations = importsOf('src/db/planted.ts', text)
      .map((target) => checkImport('src/db/planted.ts', target))
      .filter(Boolean);
    expect(violations).toEqual([
      { file: 'src/db/planted.ts', target: 'src/bot/router.ts', reason: 'db may not import bot' },
    ]);
  });

  it('lets a feature use another only through its index.ts', () => {
    expect(checkImport('src/features/status/x.ts', 'src/features/reports/format.ts')?.reason).toBe(
      'feature status reaches into reports: import its index.ts',
    );
    expect(checkImport('src/features/status/x.ts', 'src/features/reports/index.ts')).toBeUndefined();
    expect(checkImport('src/features/status/x.ts', 'src/features/shared/agency.ts')).toBeUndefined();
  });

  it('keeps messages a leaf and platforms off the database', () => {
    expect(checkImport('src/messages/status.ts', 'src/kernel/text.ts')?.reason).toBe('messages may not import kernel');
    expect(checkImport('src/platforms/zalo/adapter.ts', 'src/db/index.ts')?.reason).toBe('platform may not import db');
    expect(checkImport('src/platforms/zalo/adapter.ts', 'src/platforms/telegram/map.ts')?.reason).toContain(
      'reaches into',
    );
    expect(checkImport('src/app.ts', 'src/db/index.ts')).toBeUndefined();
  });

  it('lets the layers above db/ in through db/index.ts only, which follows the handle to its dialect', () => {
    expect(checkImport('src/features/status/summary.ts', 'src/db/queries/status.ts')?.reason).toBe(
      'feature reaches into db: import db/index.ts',
    );
    expect(checkImport('src/bot/context.ts', 'src/db/index.ts')).toBeUndefined();
    expect(checkImport('src/db/queries/status.ts', 'src/db/client.ts')).toBeUndefined();
  });
});
