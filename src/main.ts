import { pathToFileURL } from 'node:url';
import { createApp, type App } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { configProblem } from './messages/cli.js';
import { PlatformApiError, PlatformNetworkError, WebhookConflictError } from './bot/errors.js';
import { DatabaseInUseError, lockDatabaseFile, type InstanceLock } from './db/index.js';
import { instanceText } from './messages/index.js';
import { sleep } from './bot/retry.js';
import { createLogger, type Logger } from './logger.js';
import { CONSOLE_ADMIN, runConsole } from './platforms/console/adapter.js';
import { ZaloApiError, ZaloNetworkError } from './platforms/zalo/client.js';

/** Exit status of a refusal to start beside another instance (EX_CONFIG: restarting would not help). */
export const EXIT_REFUSED = 78;

/** Starts the bot: on Telegram/Zalo when a token is set, otherwise the local console chat. */
export async function main(env: Record<string, string | undefined>, forceConsole = false): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${configProblem(error.variable, error.problem)}\n`);
    return 1;
  }
  const secrets = [config.telegram?.token, config.zalo?.token].filter((s): s is string => Boolean(s));
  const consoleMode = forceConsole || (!config.telegram && !config.zalo);
  const log = createLogger(consoleMode && config.logLevel === 'info' ? 'warn' : config.logLevel, secrets);
  let lock: InstanceLock;
  try {
    // PostgreSQL coordinates any number of instances; the SQLite file serves one process.
    lock = config.databaseUrl ? { release: () => undefined } : lockDatabaseFile(config.databasePath);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    return refuse(log, error, instanceText.databaseInUse(config.databasePath, error.lockPath));
  }
  try {
    return consoleMode ? await runConsoleMode(config, log) : await runBot(config, log);
  } finally {
    lock.release();
  }
}

async function runBot(config: AppConfig, log: Logger): Promise<number> {
  const app = await createApp(config, { log });
  let started: boolean;
  try {
    started = await startWithRetry(app, log);
  } catch (error) {
    if (!(error instanceof WebhookConflictError)) throw error;
    await app.stop();
    return refuse(log, error, instanceText.webhookInPolling(error.platform, error.url));
  }
  if (!started) {
    await app.stop();
    return 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('stopping');
  await app.stop();
  return 0;
}

/** One line for the operator (Vietnamese) and one for the log pipeline (English, with the details). */
function refuse(log: Logger, error: Error, line: string): number {
  process.stderr.write(`${line}\n`);
  log.fatal({ err: error }, error.message);
  return EXIT_REFUSED;
}

/**
 * The platform may be unreachable at boot (network down): keep trying with backoff instead of crashing.
 * A rejected token (401/404) will not fix itself, so that stops with a clear line.
 */
async function startWithRetry(app: App, log: Logger): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await app.start();
      return true;
    } catch (error) {
      const kind = startupFailure(error);
      if (kind === 'other') throw error;
      if (kind === 'refused') {
        log.fatal({ err: error }, 'the platform refused the bot token or call: check the token and API root');
        return false;
      }
      const waitMs = Math.min(60_000, 1000 * 2 ** attempt);
      log.error({ err: error, retryInMs: waitMs }, 'cannot reach the platform at startup, retrying');
      await sleep(waitMs);
    }
  }
}

/** Telegram and Zalo fail in their own error types: both are either worth retrying or a refusal. */
function startupFailure(error: unknown): 'retry' | 'refused' | 'other' {
  if (error instanceof PlatformNetworkError || error instanceof ZaloNetworkError) return 'retry';
  if (error instanceof PlatformApiError) return error.retryable ? 'retry' : 'refused';
  if (error instanceof ZaloApiError) return error.errorCode === 429 || error.errorCode >= 500 ? 'retry' : 'refused';
  return 'other';
}

async function runConsoleMode(config: AppConfig, log: Logger): Promise<number> {
  // The person at the keyboard owns this machine: the default console user is an admin.
  const local: AppConfig = {
    ...config,
    telegram: undefined,
    zalo: undefined,
    admins: [...config.admins, `console:${CONSOLE_ADMIN}`],
    port: 0,
  };
  const app = await createApp(local, { log, consoleOutput: process.stdout });
  await app.start();
  await runConsole({ core: app.core, input: process.stdin, output: process.stdout, filesDir: 'data/files' });
  await app.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.env);
}
