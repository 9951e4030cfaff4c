import { collectProcessMetrics, metricsRegistry } from '../bot/metrics.js';
import { secretsEqual } from './secure-compare.js';
import { createRoutes, refuse, type HttpRoutes } from './server.js';

export interface MetricsRouteOptions {
  /** The bearer token a scraper must send; the route exists only when it is set. */
  token: string;
  /** Reads the gauges that live in the database (outbox depth) right before they are served. */
  refresh(): Promise<void>;
}

/** GET /metrics in Prometheus' text format, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`. */
export function createMetricsRoutes(options: MetricsRouteOptions): HttpRoutes {
  collectProcessMetrics();
  return createRoutes().get('/metrics', async (c) => {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!secretsEqual(given, options.token)) {
      c.var.log.warn({ path: c.req.path }, 'http request rejected: wrong metrics token');
      return refuse(c, 401);
    }
    await options.refresh();
    return c.body(await metricsRegistry.metrics(), 200, { 'content-type': metricsRegistry.contentType });
  });
}
