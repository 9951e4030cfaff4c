import { killHard, startBotProcess, until } from './bot-process.js';
import type { FakeTelegram } from './fake-telegram.js';
import type { RecordedCall } from './fake-api-core.js';

// Several real bot processes on one PostgreSQL database behind a make-believe load balancer (webhook mode), as
// a national deployment runs them; any of them can be SIGKILLed.

export const WEBHOOK_SECRET = 'shared_webhook-secret';

export interface Instance {
  child: ReturnType<typeof startBotProcess>;
  port: number;
  alive: boolean;
}

export async function startInstances(
  fake: FakeTelegram,
  databaseUrl: string,
  count: number,
  extraEnv: Record<string, string> = {},
): Promise<Instance[]> {
  const env = {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ...extraEnv,
  };
  const children = Array.from({ length: count }, () => startBotProcess(env));
  const instances: Instance[] = [];
  for (const child of children) {
    await until(() => child.output().includes('Đầu Mối started') || child.exitCode !== null, 60_000, 'an instance');
    if (child.exitCode !== null) throw new Error(`a bot instance exited: ${child.output().slice(-2000)}`);
    const port = Number(/"port":(\d+)[^\n]*Đầu Mối started/.exec(child.output())?.[1]);
    instances.push({ child, port, alive: true });
  }
  return instances;
}

export async function kill(instance: Instance): Promise<void> {
  instance.alive = false;
  await killHard(instance.child);
}

export async function stopAll(instances: Instance[]): Promise<void> {
  for (const i of instances) await kill(i);
}

/** Delivers to the instance at `turn` (round-robin); one that does not answer is skipped, as a balancer does. */
export async function deliver(fake: FakeTelegram, instances: Instance[], turn: number, update: object): Promise<void> {
  for (let tries = 0; tries < instances.length * 3; tries++) {
    const target = instances[(turn + tries) % instances.length]!;
    if (!target.alive) continue;
    try {
      const status = await fake.deliverWebhook(
        `http://127.0.0.1:${target.port}/telegram/webhook`,
        update as never,
        WEBHOOK_SECRET,
      );
      if (status === 200) return;
    } catch {
      // Killed meanwhile: Telegram retries the delivery, the balancer sends it elsewhere.
    }
  }
  throw new Error('no instance took the update');
}

/** The instance that sends the outbox now, as its /readyz tells. */
export async function leaderOf(instances: Instance[]): Promise<Instance | undefined> {
  for (const i of instances.filter((x) => x.alive)) {
    const ready = (await (await fetch(`http://127.0.0.1:${i.port}/readyz`)).json()) as { roles: { telegram: string } };
    if (ready.roles.telegram === 'leader') return i;
  }
  return undefined;
}

/** Most successful sends in any one-second window. */
export function peakPerSecond(calls: RecordedCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

/** The update keys each log line with `msg` names, over every instance's output (the killed ones' too). */
export function loggedKeys(instances: Instance[], msg: string): string[] {
  return instances.flatMap((i) =>
    i.child
      .output()
      .split('\n')
      .filter((line) => line.includes(`"msg":"${msg}"`))
      .map((line) => String((JSON.parse(line) as { updateKey?: unknown }).updateKey)),
  );
}
