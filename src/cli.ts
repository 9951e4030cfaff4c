import { pathToFileURL } from 'node:url';
import { backupCli } from './cli/backup.js';
import { exportCli } from './cli/export.js';
import { migrateCli } from './cli/migrate.js';
import { networkCli } from './cli/network.js';
import { inviteCli } from './cli/invite.js';
import { planCli } from './cli/plan.js';
import { remindCli } from './cli/remind.js';
import { zaloCli } from './cli/zalo.js';
import type { CliCommand, CliIo } from './cli/types.js';
import { ConfigError, type Env } from './config.js';
import { main } from './main.js';
import { configProblem } from './messages/cli.js';
import { cliText } from './messages/index.js';

const startCli: CliCommand = {
  name: 'start',
  usage: cliText.startUsage,
  run: (_args, io) => main(io.env),
};

const consoleCli: CliCommand = {
  name: 'console',
  usage: cliText.consoleUsage,
  run: (_args, io) => main(io.env, true),
};

const commands: CliCommand[] = [
  startCli,
  consoleCli,
  migrateCli,
  backupCli,
  remindCli,
  planCli,
  zaloCli,
  exportCli,
  networkCli,
  inviteCli,
];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const title = name ? cliText.unknownCommand(name) : cliText.usageTitle;
    io.err([title, ...commands.map((c) => `  ${c.usage}`)].join('\n'));
    return name ? 2 : 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(configProblem(error.variable, error.problem));
    return 1;
  }
}

/**
 * Lines to a stream that may be closed early (`daumoi remind | head`): after EPIPE the rest is dropped
 * quietly and the command finishes its work, instead of dying with a stack trace.
 */
export function lineWriter(stream: NodeJS.WritableStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${line}\n`);
  };
}

/** Entry point of the `daumoi` bin and of `npm run daumoi`. */
export async function runFromProcess(): Promise<void> {
  const env: Env = process.env;
  process.exitCode = await runCli(process.argv.slice(2), {
    env,
    out: lineWriter(process.stdout),
    err: lineWriter(process.stderr),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runFromProcess();
