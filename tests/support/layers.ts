import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

// The one-way rule of docs/architecture.md, as data: which layers each layer may import.
const allowed: Record<string, string[]> = {
  messages: [],
  config: [],
  logger: [],
  kernel: ['messages'],
  db: ['kernel'],
  documents: ['kernel', 'messages'],
  bot: ['kernel', 'messages', 'db', 'config', 'logger'],
  plans: ['kernel', 'messages', 'db', 'logger'],
  jobs: ['kernel', 'db', 'bot', 'logger'],
  http: ['kernel', 'db', 'bot', 'logger'],
  shared: ['kernel', 'messages', 'db', 'bot'],
  feature: ['kernel', 'messages', 'db', 'bot', 'shared', 'documents', 'plans'],
  platform: ['kernel', 'messages', 'bot', 'http', 'config', 'logger'],
};

export interface Place {
  layer: string;
  /** The feature or platform folder, when the layer has several. */
  unit?: string;
}

/** Where a file under src/ sits; undefined for the composition root (app, main, cli, the registry). */
export function placeOf(file: string): Place | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'src') throw new Error(`not under src/: ${file}`);
  const [top, second] = [parts[1] ?? '', parts[2] ?? ''];
  if (top === 'config.ts') return { layer: 'config' };
  if (top === 'logger.ts') return { layer: 'logger' };
  if (top === 'features') {
    if (second === 'index.ts') return undefined;
    if (second === 'shared') return { layer: 'shared' };
    return { layer: 'feature', unit: second };
  }
  if (top === 'platforms') return { layer: 'platform', unit: second };
  const layer = top.replace(/\.ts$/, '');
  if (layer in allowed) return { layer };
  return undefined;
}

export interface Violation {
  file: string;
  target: string;
  reason: string;
}

/** Checks one import of `file` (both paths relative to the project root, under src/). */
export function checkImport(file: string, target: string): Violation | undefined {
  const from = placeOf(file);
  if (!from) return undefined;
  const to = placeOf(target);
  const fail = (reason: string): Violation => ({ file, target, reason });
  if (!to) return fail(`${from.layer} imports the composition root`);
  if (from.layer === to.layer) {
    if (from.unit === to.unit) return undefined;
    if (from.layer === 'feature' && target === `src/features/${to.unit}/index.ts`) return undefined;
    return fail(`${from.layer} ${from.unit} reaches into ${to.unit}: import its index.ts`);
  }
  if (!allowed[from.layer]!.includes(to.layer)) return fail(`${from.layer} may not import ${to.layer}`);
  // db/index.ts follows the handle to SQLite or PostgreSQL; a query module imported directly would not.
  if (to.layer === 'db' && target !== 'src/db/index.ts')
    return fail(`${from.layer} reaches into db: import db/index.ts`);
  return undefined;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The relative imports of a source text, resolved to project paths (.js specifiers name .ts sources). */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2]!;
    const resolved = posix.normalize(posix.join(posix.dirname(file), spec));
    out.push(resolved.replace(/\.js$/, '.ts'));
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every violation under src/ of the project at `root`. */
export function checkTree(root: string): Violation[] {
  const files = walk(resolve(root, 'src')).map((path) => relative(root, path).split('\\').join('/'));
  return files.flatMap((file) =>
    importsOf(file, readFileSync(resolve(root, file), 'utf8'))
      .map((target) => checkImport(file, target))
      .filter((v): v is Violation => v !== undefined),
  );
}

export const projectRoot = resolve(dirname(new URL(import.meta.url).pathname), '../..');
