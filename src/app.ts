import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import type { UserFromGetMe } from 'telegraf/types';
import {
  closeDatabase,
  countOutgoing,
  countPendingMigrations,
  migrateDatabase,
  openCoordination,
  openDatabase,
  type Db,
} from './db/index.js';
import { jobs, registry } from './features/index.js';
import type { AppConfig } from './config.js';
import type { Services } from './bot/context.js';
import { createOutboxSender, type OutboxSender } from './bot/outbox/sender.js';
import { telegramLimits } from './bot/outbox/rate-limiter.js';
import { botLeaderKey } from './bot/leadership.js';
import { createBot, type Bot } from './bot/router.js';
import { loadHolidayCalendar } from './kernel/calendar/holidays.js';
import { createScheduler, type Scheduler } from './jobs/scheduler.js';
import { createHealthRoutes } from './http/health.js';
import { createMetricsRoutes } from './http/metrics.js';
import { metrics } from './bot/metrics.js';
import { createHttpServer, listen, type HttpRoutes } from './http/server.js';
import type { Logger } from './logger.js';
import { consoleCapabilities, createConsoleTransport } from './platforms/console/adapter.js';
import { createTelegramAdapter, type TelegramAdapter } from './platforms/telegram/adapter.js';
import { createZaloAdapter, zaloLimits, type ZaloAdapter } from './platforms/zalo/adapter.js';
import { createFilePublisher } from './http/file-links.js';
import { createWebRoutes } from './features/web/index.js';
import { loadActivityTypeCatalog } from './plans/activity-types.js';
import { loadShippedPlans } from './plans/load-shipped.js';

export interface AppOptions {
  log: Logger;
  clock?: () => Date;
  telegramBotInfo?: UserFromGetMe;
  pollTimeoutSec?: number;
  /** Run the local console chat: messages for console users are printed here. */
  consoleOutput?: Writable;
  /** Run scheduled jobs (deadline reminders); false in tests that run jobs themselves. Default true. */
  scheduler?: boolean;
}

export interface App {
  db: Db;
  services: Services;
  core: Bot;
  telegram?: TelegramAdapter;
  zalo?: ZaloAdapter;
  senders: OutboxSender[];
  scheduler?: Scheduler;
  /** Port the HTTP server listens on, once started. */
  port?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: the only place that knows every part. */
export async function createApp(config: AppConfig, options: AppOptions): Promise<App> {
  const db = openDatabase(config.databaseUrl ?? config.databasePath, { busyTimeoutMs: config.databaseBusyTimeoutMs });
  await migrateDatabase(db);
  // PostgreSQL: this instance's session for leaderships and locks; undefined on SQLite (one process).
  const coordination = await openCoordination(db, (error) =>
    options.log.error({ err: error }, 'lost the coordination session with PostgreSQL: this instance stops sending'),
  );
  const services: Services = {
    db,
    log: options.log,
    config,
    clock: options.clock ?? (() => new Date()),
    activityTypes: loadActivityTypeCatalog(),
    calendar: loadHolidayCalendar(),
    platforms: {},
    coordination,
  };
  await loadShippedPlans(db, config.plansDir, services.clock(), options.log);
  const core = createBot(services, registry);
  // Route groups of every part, mounted on the one HTTP server at start.
  const senders: OutboxSender[] = [];
  const routes: HttpRoutes[] = [
    createHealthRoutes({
      pendingMigrations: async () => {
        if (coordination?.lost) throw new Error('the coordination session with PostgreSQL is lost');
        return countPendingMigrations(db);
      },
      roles: () => Object.fromEntries(senders.map((s) => [s.platform, s.role()])),
    }),
  ];
  if (config.metricsToken) {
    routes.push(
      createMetricsRoutes({
        token: config.metricsToken,
        refresh: async () => {
          for (const s of senders) {
            const counts = await countOutgoing(db, s.platform);
            metrics.outboxDepth.set({ platform: s.platform }, (counts.pending ?? 0) + (counts.sending ?? 0));
          }
        },
      }),
    );
  }
  const telegram = config.telegram
    ? createTelegramAdapter({
        ...config.telegram,
        core,
        services,
        botInfo: options.telegramBotInfo,
        pollTimeoutSec: options.pollTimeoutSec,
      })
    : undefined;
  if (telegram) {
    services.platforms.telegram = telegram.capabilities;
    routes.push(telegram.webhookRoutes);
    senders.push(
      createOutboxSender({
        db,
        platform: 'telegram',
        transport: telegram.transport,
        limits: telegramLimits,
        log: options.log,
        clock: services.clock,
        coordination,
        leaderKey: botLeaderKey('send', 'telegram', config.telegram!.token),
      }),
    );
  }
  if (config.publicUrl) {
    const files = createFilePublisher({ db, publicUrl: config.publicUrl, clock: services.clock });
    services.publishFile = files.publish;
    routes.push(files.routes, createWebRoutes(services));
  }
  const zalo = config.zalo
    ? createZaloAdapter({ ...config.zalo, core, services, pollTimeoutSec: options.pollTimeoutSec })
    : undefined;
  if (zalo && config.zalo) {
    services.platforms.zalo = zalo.capabilities;
    routes.push(zalo.webhookRoutes);
    senders.push(
      createOutboxSender({
        db,
        platform: 'zalo',
        transport: zalo.transport,
        limits: zaloLimits(config.zalo.ratePerSec),
        log: options.log,
        clock: services.clock,
        coordination,
        leaderKey: botLeaderKey('send', 'zalo', config.zalo.token),
      }),
    );
  }
  if (options.consoleOutput) {
    services.platforms.console = consoleCapabilities;
    const transport = createConsoleTransport(options.consoleOutput);
    senders.push(
      createOutboxSender({
        db,
        platform: 'console',
        transport,
        limits: telegramLimits,
        log: options.log,
        clock: services.clock,
      }),
    );
  }
  const scheduler =
    options.scheduler === false
      ? undefined
      : createScheduler({
          db,
          log: options.log,
          clock: services.clock,
          jobs,
          coordination,
          outbox: { notify: () => senders.forEach((s) => s.notify()) },
          settings: {
            calendar: services.calendar,
            quietHours: config.quietHours,
            catchUpHours: config.catchUpHours,
            retention: config.retention,
          },
        });
  let server: Server | undefined;
  const app: App = {
    db,
    services,
    core,
    telegram,
    zalo,
    senders,
    scheduler,
    async start() {
      if (telegram) {
        await telegram.setup(menuCommands());
        await telegram.replayUnfinished();
        telegram.startPolling();
      }
      if (zalo) {
        await zalo.setup();
        await zalo.replayUnfinished();
        zalo.startPolling();
      }
      for (const sender of senders) await sender.start();
      await scheduler?.start();
      server = createHttpServer(routes, options.log);
      app.port = await listen(server, config.port, config.host);
      options.log.info({ port: app.port, telegram: Boolean(telegram), zalo: Boolean(zalo) }, 'Đầu Mối started');
    },
    async stop() {
      await scheduler?.stop();
      await telegram?.stop();
      await zalo?.stop();
      for (const sender of senders) await sender.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await coordination?.close();
      await closeDatabase(db);
    },
  };
  return app;
}

function menuCommands(): { command: string; description: string }[] {
  return registry.commands.filter((c) => !c.hidden).map((c) => ({ command: c.name, description: c.description }));
}
