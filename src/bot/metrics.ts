import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Prometheus metrics of the process, served at GET /metrics when METRICS_TOKEN is set. One registry per
// process (not prom-client's global one): each instance behind the load balancer is scraped on its own.

export const metricsRegistry = new Registry();
const registers = [metricsRegistry];

export const metrics = {
  updatesHandled: new Counter({
    name: 'daumoi_updates_handled_total',
    help: 'Incoming updates handled, by platform and outcome (ok, failed)',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  }),
  handlingSeconds: new Histogram({
    name: 'daumoi_update_handling_seconds',
    help: 'Time from taking an update up to its replies sent, by platform',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  }),
  outboxSends: new Counter({
    name: 'daumoi_outbox_sends_total',
    help: 'Queued messages handed to the platform, by platform and outcome (sent, retry, failed)',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  }),
  outboxDepth: new Gauge({
    name: 'daumoi_outbox_depth',
    help: 'Queued messages not yet sent (pending or being sent), by platform, read at scrape time',
    labelNames: ['platform'] as const,
    registers,
  }),
  rateLimited: new Counter({
    name: 'daumoi_platform_429_total',
    help: 'Answers 429 Too Many Requests from the platform, by platform',
    labelNames: ['platform'] as const,
    registers,
  }),
  jobRuns: new Counter({
    name: 'daumoi_job_runs_total',
    help: 'Scheduled job slots, by job and outcome (ran, skipped: another run had it, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers,
  }),
  leader: new Gauge({
    name: 'daumoi_sender_leader',
    help: '1 while this instance is the elected sender of the platform, 0 while it stands by',
    labelNames: ['platform'] as const,
    registers,
  }),
};

let defaultsCollected = false;

/** Process metrics (CPU, memory, event loop lag) too: started once, by the first app that serves /metrics. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'daumoi_' });
}
