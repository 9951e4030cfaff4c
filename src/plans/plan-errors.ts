// One problem found in a plan file, located for a human editing the YAML.

export interface PlanError {
  /** YAML path such as `tasks[3].agencies` (indexes from 0); empty for the whole file and syntax errors. */
  path: string;
  /** 1-based line in the file, when the problem can be pinned to one. */
  line?: number;
  message: string;
}

export type YamlPath = ReadonlyArray<string | number>;

/** Problem found before line numbers are known: `at` is where to point when it differs from `path`. */
export interface PathIssue {
  path: YamlPath;
  message: string;
  at?: YamlPath;
}

export function formatPath(path: YamlPath): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

/** One line per error: `plans/x.yaml:12 tasks[3].agencies: cơ quan "so-abc" không có ...`. */
export function formatPlanErrors(errors: readonly PlanError[], fileName: string): string[] {
  return errors.map((error) => {
    const where = error.line === undefined ? fileName : `${fileName}:${error.line}`;
    return error.path === '' ? `${where}: ${error.message}` : `${where} ${error.path}: ${error.message}`;
  });
}
