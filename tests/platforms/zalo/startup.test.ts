import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { killHard, startBotProcess, until } from '../../support/bot-process.js';

let child: ReturnType<typeof startBotProcess> | undefined;

afterEach(async () => {
  if (child) await killHard(child);
  child = undefined;
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Zalo at startup', () => {
  it('keeps retrying with backoff while the Zalo API is unreachable instead of exiting', async () => {
    const port = await closedPort();
    child = startBotProcess({
      ZALO_BOT_TOKEN: '1234567890:abcdefghijklmnopqrstuvwxyz',
      ZALO_API_ROOT: `http://127.0.0.1:${port}`,
      DATABASE_PATH: ':memory:',
    });
    await until(() => child!.output().includes('cannot reach the platform at startup, retrying'), 20_000, 'a retry');
    expect(child.exitCode).toBeNull();
    expect(child.output()).not.toContain('abcdefghijklmnopqrstuvwxyz');
  }, 30_000);
});
