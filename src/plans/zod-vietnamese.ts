import type { z } from 'zod';
import { planText } from '../messages/plans.js';
import type { PathIssue, YamlPath } from './plan-errors.js';

// Turns zod issues into Vietnamese messages. Zod's own messages are English, so every default message is
// replaced by a marker at parse time and rewritten here; messages written in the schema are kept.

type Issue = z.core.$ZodIssue;

const GENERATED = '\u0000generated';

export const vietnameseParseOptions = { reportInput: true, error: () => GENERATED };

export function toPathIssues(issues: readonly Issue[]): PathIssue[] {
  return issues.flatMap((issue): PathIssue[] => {
    const path = yamlPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: planText.unknownField }));
    }
    return [{ path, message: messageFor(issue) }];
  });
}

function yamlPath(path: readonly PropertyKey[]): YamlPath {
  return path.map((part) => (typeof part === 'number' ? part : String(part)));
}

function messageFor(issue: Issue): string {
  if (issue.message !== GENERATED) return withInput(issue.message, issue.input);
  if (issue.input === undefined) return planText.missing;
  return withInput(generatedMessage(issue), issue.input);
}

function generatedMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, issue.input);
    case 'invalid_value':
      return planText.oneOf(issue.values.map(String));
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum));
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum));
    case 'invalid_union':
      return unionMessage(issue.errors);
    case 'invalid_format':
      return planText.badFormat;
    default:
      return planText.invalidValue;
  }
}

function wrongType(expected: string, input: unknown): string {
  const hint = expected === 'string' && typeof input === 'number' ? planText.quoteHint : '';
  return planText.wrongType(planText.typeName(expected), planText.typeName(kindOf(input))) + hint;
}

function tooSmall(origin: string, minimum: number): string {
  if (origin === 'string') return minimum <= 1 ? planText.emptyText : planText.minLength(minimum);
  if (origin === 'array') return planText.minItems(minimum);
  return planText.minNumber(minimum);
}

function tooBig(origin: string, maximum: number): string {
  if (origin === 'string') return planText.maxLength(maximum);
  if (origin === 'array') return planText.maxItems(maximum);
  return planText.maxNumber(maximum);
}

/** "phải là "all" hoặc danh sách": one alternative per union branch that failed at its root. */
function unionMessage(branches: readonly (readonly Issue[])[]): string {
  const options = branches.flatMap((branch) =>
    branch.filter((issue) => issue.path.length === 0).flatMap(alternative),
  );
  return options.length > 0 ? planText.eitherOf(options) : planText.invalidValue;
}

function alternative(issue: Issue): string[] {
  if (issue.code === 'invalid_value') return issue.values.map((value) => JSON.stringify(value));
  if (issue.code === 'invalid_type') return [planText.typeName(issue.expected)];
  return [];
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Appends the offending value when it is short enough to help ("đang là "2022-02-30""). */
function withInput(message: string, input: unknown): string {
  if (typeof input === 'string') return planText.withValue(message, JSON.stringify(shorten(input)));
  if (typeof input === 'number' || typeof input === 'boolean') return planText.withValue(message, String(input));
  return message;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
