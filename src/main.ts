import { pathToFileURL } from 'node:url';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { createLogger } from './logger.js';
import { CONSOLE_ADMIN, runConsole } from './platforms/console/adapter.js';

/** Starts the bot: on Telegram/Zalo when a token is set, otherwise the local console chat. */
export async function main(env: Record<string, string | undefined>, forceConsole = false): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const secrets = [config.telegram?.token, config.zalo?.token].filter((s): s is string => Boolean(s));
  const consoleMode = forceConsole || (!config.telegram && !config.zalo);
  if (consoleMode) return runConsoleMode(config);
  const log = createLogger(config.logLevel, secrets);
  const app = await createApp(config, { log });
  await app.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('stopping');
  await app.stop();
  return 0;
}

async function runConsoleMode(config: AppConfig): Promise<number> {
  // The person at the keyboard owns this machine: the default console user is an admin.
  const local: AppConfig = { ...config, telegram: undefined, zalo: undefined, admins: [...config.admins, `console:${CONSOLE_ADMIN}`], port: 0 };
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const app = await createApp(local, { log, consoleOutput: process.stdout });
  await app.start();
  await runConsole({ core: app.core, input: process.stdin, output: process.stdout, filesDir: 'data/files' });
  await app.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.env);
}
