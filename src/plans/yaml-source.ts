import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { planText } from '../messages/plans.js';
import { formatPath, type PathIssue, type PlanError, type YamlPath } from './plan-errors.js';
import { toPathIssues, vietnameseParseOptions } from './zod-vietnamese.js';

// Reads a YAML file against a zod schema, keeping the parsed document so any path maps back to a line.

export type LineOf = (path: YamlPath) => number | undefined;

/** A schema failure keeps the parsed YAML (`raw`) so the caller can check what did parse in the same round. */
export type YamlRead<T> =
  | { ok: true; value: T; lineOf: LineOf }
  | { ok: false; errors: PlanError[]; raw?: unknown; lineOf?: LineOf };

export function readYaml<T>(text: string, schema: z.ZodType<T>): YamlRead<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  // Only the first syntax error: the ones after it are usually its echoes and would mislead.
  const [firstError] = doc.errors;
  if (firstError) return { ok: false, errors: [syntaxError(firstError, lineCounter)] };
  const lineOf: LineOf = (path) => lineOfPath(doc, lineCounter, path);
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw, vietnameseParseOptions);
  if (!result.success) {
    return { ok: false, errors: locateIssues(toPathIssues(result.error.issues), lineOf), raw, lineOf };
  }
  return { ok: true, value: result.data, lineOf };
}

export function locateIssues(issues: readonly PathIssue[], lineOf: LineOf): PlanError[] {
  return issues.map((issue) => {
    const error: PlanError = { path: formatPath(issue.path), message: issue.message };
    const line = lineOf(issue.at ?? issue.path);
    return line === undefined ? error : { ...error, line };
  });
}

function syntaxError(error: YAMLError, lineCounter: LineCounter): PlanError {
  return { path: '', line: lineCounter.linePos(error.pos[0]).line, message: planText.yamlSyntax(error.code) };
}

/** Line of the deepest node on `path` that exists: a missing field points at the item that lacks it. */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = startOf(node);
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) break;
    offset = child.offset ?? offset;
    node = child.node;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** For a map entry the key's position is used, so `agencies:` followed by a block list points at the key. */
function childOf(node: unknown, key: string | number): { node: unknown; offset: number | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    return pair && { node: pair.value, offset: startOf(pair.key) };
  }
  if (isSeq(node) && typeof key === 'number') {
    const item: unknown = node.items[key];
    return item === undefined ? undefined : { node: item, offset: startOf(item) };
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}
