import cron, { type ScheduledTask } from 'node-cron';
import { claimJobRun, releaseJobRun, type Db } from '../db/index.js';
import type { Logger } from '../logger.js';
import type { Job, JobSettings, OutboxNotifier } from '../bot/job.js';
import { metrics } from '../bot/metrics.js';
import type { Coordination } from '../kernel/instances.js';
import { createJobLeases, JOB_SWEEP_EVERY_MS } from './leases.js';

// The only place that knows about node-cron: maps each job to its schedule in Vietnam time. A job runs at
// most once per slot (job_runs), and at start-up the latest slot missed while the bot was down runs once.

const TIMEZONE = 'Asia/Ho_Chi_Minh';
const MINUTE_MS = 60_000;

export interface SchedulerOptions {
  db: Db;
  log: Logger;
  clock: () => Date;
  outbox: OutboxNotifier;
  settings: JobSettings;
  /** The job list, given by the composition root (app.ts). */
  jobs: Job[];
  /** Several instances (PostgreSQL): runs are leased, and a dead instance's run is taken over. */
  coordination?: Coordination;
}

export type SlotOutcome = 'ran' | 'skipped' | 'failed';

export function createScheduler(options: SchedulerOptions) {
  const { db, clock, settings } = options;
  const log = options.log.child({ component: 'scheduler' });
  const jobs = options.jobs;
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<SlotOutcome>>();
  const leases = options.coordination ? createJobLeases(db, options.coordination, clock) : undefined;
  let sweeper: ReturnType<typeof setInterval> | undefined;

  async function runSlot(job: Job, slot: string): Promise<SlotOutcome> {
    const outcome = await runOnce(job, slot);
    metrics.jobRuns.inc({ job: job.name, outcome });
    return outcome;
  }

  async function runOnce(job: Job, slot: string): Promise<SlotOutcome> {
    const now = clock();
    if (leases) return (await leases.claim(job.name, slot, now)) ? runLeased(job, slot, now) : 'skipped';
    if (!(await claimJobRun(db, job.name, slot, now))) return 'skipped';
    try {
      await runJob(job, slot, now);
      return 'ran';
    } catch (error) {
      log.error({ err: error, job: job.name, slot }, 'job failed');
      await releaseJobRun(db, job.name, slot);
      return 'failed';
    }
  }

  const runJob = (job: Job, slot: string, now: Date): Promise<void> =>
    job.run({ db, outbox: options.outbox, log: log.child({ job: job.name, slot }), now, settings });

  async function runLeased(job: Job, slot: string, now: Date): Promise<SlotOutcome> {
    try {
      await leases!.hold(job.name, slot, () => runJob(job, slot, now));
      return 'ran';
    } catch (error) {
      log.error({ err: error, job: job.name, slot }, 'job failed');
      return 'failed';
    }
  }

  /** Reruns the slots whose instance died mid-run. */
  async function takeOver(): Promise<void> {
    for (const { job: name, slot } of await leases!.takeOver()) {
      const job = jobs.find((j) => j.name === name);
      if (!job) continue;
      log.warn({ job: name, slot }, 'job slot of a stopped instance taken over');
      const outcome = await track(runLeased(job, slot, clock()));
      metrics.jobRuns.inc({ job: name, outcome });
    }
  }

  function track(outcome: Promise<SlotOutcome>): Promise<SlotOutcome> {
    running.add(outcome);
    return outcome.finally(() => running.delete(outcome));
  }

  /** What a cron tick does: run the job for the slot of the current minute. */
  function tick(job: Job): Promise<SlotOutcome> {
    return track(runSlot(job, slotKey(floorToMinute(clock()))));
  }

  async function catchUp(job: Job, task: ScheduledTask): Promise<SlotOutcome | undefined> {
    const slot = latestSlot(task, clock(), settings.catchUpHours);
    return slot ? track(runSlot(job, slotKey(slot))) : undefined;
  }

  return {
    tick: (name: string) => tick(jobs.find((j) => j.name === name) ?? missingJob(name)),
    async start(): Promise<void> {
      for (const job of jobs) {
        const task = cron.schedule(job.cron, () => tick(job), {
          timezone: TIMEZONE,
          name: job.name,
          noOverlap: true,
          logger: cronLogger(log),
        });
        tasks.push(task);
        await catchUp(job, task);
      }
      if (leases) {
        await takeOver();
        sweeper = setInterval(
          () => void takeOver().catch((e: unknown) => log.warn({ err: e }, 'job takeover failed')),
          JOB_SWEEP_EVERY_MS,
        );
      }
    },
    /** Stops the ticks and waits for runs in progress, so the database is not closed under them. */
    async stop(): Promise<void> {
      clearInterval(sweeper);
      for (const task of tasks.splice(0)) await task.destroy();
      await Promise.all(running);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

function missingJob(name: string): never {
  throw new Error(`No scheduled job named "${name}"`);
}

/** The most recent minute matching the job's schedule, at most `hours` back. */
function latestSlot(task: ScheduledTask, now: Date, hours: number): Date | undefined {
  const start = floorToMinute(now).getTime();
  for (let back = 0; back <= hours * 60; back++) {
    const minute = new Date(start - back * MINUTE_MS);
    if (task.match(minute)) return minute;
  }
  return undefined;
}

const floorToMinute = (d: Date): Date => new Date(Math.floor(d.getTime() / MINUTE_MS) * MINUTE_MS);

/** "2026-12-07T08:30" in Vietnam time: readable in job_runs. */
function slotKey(minute: Date): string {
  return new Date(minute.getTime() + 7 * 60 * MINUTE_MS).toISOString().slice(0, 16);
}

function cronLogger(log: Logger) {
  return {
    info: (message: string) => log.info(message),
    warn: (message: string) => log.warn(message),
    error: (message: string | Error, err?: Error) => log.error({ err: err ?? message }, 'node-cron error'),
    debug: (message: string | Error) => log.debug(String(message)),
  };
}
