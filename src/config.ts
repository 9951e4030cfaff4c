import { z } from 'zod';

// Configuration, parsed from an injected env object (never read at import time).

const adminEntry = /^(telegram|zalo|console):[A-Za-z0-9_-]+$/;
const secret = z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, 'must be 8-256 characters of A-Z a-z 0-9 _ -');
const url = z.url({ protocol: /^https?$/ });
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: opt(z.string().regex(/^\d+:[A-Za-z0-9_-]{10,}$/, 'must look like 123456:ABC-...')),
  TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, url.default('https://api.telegram.org')),
  TELEGRAM_WEBHOOK_URL: opt(z.url({ protocol: /^https?$/ })),
  TELEGRAM_WEBHOOK_SECRET: opt(secret),
  ZALO_BOT_TOKEN: opt(z.string().regex(/^[^\s:]+:[^\s]+$/, 'must look like <bot_id>:<secret>')),
  ZALO_API_ROOT: z.preprocess(emptyToUndefined, url.default('https://bot-api.zaloplatforms.com')),
  ZALO_WEBHOOK_URL: opt(url),
  ZALO_WEBHOOK_SECRET: opt(secret),
  ZALO_RATE_PER_SEC: z.preprocess(emptyToUndefined, z.coerce.number().positive().max(30).default(5)),
  ZALO_BOT_NAME: opt(z.string().trim().min(1).max(100)),
  PUBLIC_URL: opt(url),
  METRICS_TOKEN: opt(secret),
  DATABASE_URL: opt(z.url({ protocol: /^postgres(ql)?$/ })),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().min(1).default('./data/daumoi.db')),
  DATABASE_BUSY_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(600_000).default(5000)),
  ADMINS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().regex(adminEntry, 'entries must look like telegram:123456 or zalo:abc')),
  ),
  HOST: opt(z.string().min(1)),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  CONVERSATION_IDLE_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(1440)),
  QUIET_HOURS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,2}-\d{1,2}$/, 'must look like 21-7')
      .default('21-7'),
  ),
  RETAIN_INBOUND_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(30)),
  RETAIN_OUTBOX_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  RETAIN_CONVERSATION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(30)),
  CATCH_UP_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(168).default(24)),
  FLOOD_LIMIT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(20)),
  PLANS_DIR: z.preprocess(emptyToUndefined, z.string().default('./plans')),
});

export type Env = Record<string, string | undefined>;

export interface AppConfig {
  telegram?: { token: string; apiRoot: string; webhook?: { url: string; secret: string } };
  zalo?: {
    token: string;
    apiRoot: string;
    webhook?: { url: string; secret: string };
    ratePerSec: number;
    botName?: string;
  };
  publicUrl?: string;
  /** Bearer token of GET /metrics; without it the route does not exist. */
  metricsToken?: string;
  databasePath: string;
  /** A postgres:// URL: PostgreSQL instead of the SQLite file at databasePath (several instances can share it). */
  databaseUrl?: string;
  /** How long a write waits for another process's lock before the user is told the bot is busy. */
  databaseBusyTimeoutMs: number;
  admins: string[];
  /** Interface the HTTP server binds to: loopback unless a webhook must be reachable from outside. */
  host: string;
  port: number;
  logLevel: string;
  conversationIdleMs: number;
  quietHours: { start: number; end: number };
  catchUpHours: number;
  /** Messages one person may send in 10 s; the rest of a flood are dropped with one notice. */
  floodLimit: number;
  retention: { inboundDays: number; outboxDays: number; conversationDays: number };
  plansDir: string;
}

/** What is wrong with one variable; the command line words it in Vietnamese (this leaf imports no messages). */
export type ConfigProblem = { kind: 'invalid' } | { kind: 'required'; given: string } | { kind: 'hours' };

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly variable: string;
  readonly problem: ConfigProblem;
  constructor(message: string, variable: string, problem: ConfigProblem) {
    super(message);
    this.variable = variable;
    this.problem = problem;
  }
}

export function loadConfig(env: Env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? '?');
    // Never echo the offending value: it may be a token.
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message}`, variable, { kind: 'invalid' });
  }
  const e = parsed.data;
  pairRequired(e.TELEGRAM_WEBHOOK_URL, e.TELEGRAM_WEBHOOK_SECRET, 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL');
  pairRequired(e.ZALO_WEBHOOK_URL, e.ZALO_WEBHOOK_SECRET, 'ZALO_WEBHOOK_SECRET', 'ZALO_WEBHOOK_URL');
  const [quietStart, quietEnd] = e.QUIET_HOURS.split('-').map(Number) as [number, number];
  if (quietStart > 23 || quietEnd > 23) {
    throw new ConfigError('Invalid configuration: QUIET_HOURS hours must be 0-23', 'QUIET_HOURS', { kind: 'hours' });
  }
  return {
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook: e.TELEGRAM_WEBHOOK_URL
            ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET! }
            : undefined,
        }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_API_ROOT,
          webhook: e.ZALO_WEBHOOK_URL ? { url: e.ZALO_WEBHOOK_URL, secret: e.ZALO_WEBHOOK_SECRET! } : undefined,
          ratePerSec: e.ZALO_RATE_PER_SEC,
          botName: e.ZALO_BOT_NAME,
        }
      : undefined,
    publicUrl: e.PUBLIC_URL,
    metricsToken: e.METRICS_TOKEN,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    databaseBusyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
    admins: e.ADMINS,
    host: e.HOST ?? (e.TELEGRAM_WEBHOOK_URL || e.ZALO_WEBHOOK_URL ? '0.0.0.0' : '127.0.0.1'),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    conversationIdleMs: e.CONVERSATION_IDLE_MINUTES * 60_000,
    quietHours: { start: quietStart, end: quietEnd },
    catchUpHours: e.CATCH_UP_HOURS,
    floodLimit: e.FLOOD_LIMIT,
    retention: {
      inboundDays: e.RETAIN_INBOUND_DAYS,
      outboxDays: e.RETAIN_OUTBOX_DAYS,
      conversationDays: e.RETAIN_CONVERSATION_DAYS,
    },
    plansDir: e.PLANS_DIR,
  };
}

function pairRequired(a: string | undefined, b: string | undefined, missing: string, given: string): void {
  if (a && !b) {
    throw new ConfigError(`Invalid configuration: ${missing} is required when ${given} is set`, missing, {
      kind: 'required',
      given,
    });
  }
}
