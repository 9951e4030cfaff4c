import type { Env } from '../config.js';

/** One `daumoi <name>` subcommand. Output goes to the given streams so tests can read it. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
}
