import { createRoutes, type HttpRoutes } from './server.js';

export interface Readiness {
  /** Migrations not applied yet; throws when the database cannot be reached. */
  pendingMigrations(): Promise<number>;
  /** Per platform: this instance sends its queue (leader) or waits to take over (standby). */
  roles(): Record<string, 'leader' | 'standby'>;
}

/**
 * GET /healthz: the process answers (liveness). GET /readyz: it can serve (readiness): the database answers and
 * carries every migration of this build. A standby is ready too: it takes webhooks and would take over sending.
 */
export function createHealthRoutes(readiness: Readiness): HttpRoutes {
  return createRoutes()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      const roles = readiness.roles();
      let pending: number;
      try {
        pending = await readiness.pendingMigrations();
      } catch (error) {
        c.var.log.warn({ err: error }, 'not ready: the database does not answer');
        return c.json({ ok: false, database: 'unreachable', roles }, 503);
      }
      if (pending > 0) return c.json({ ok: false, database: 'ok', pendingMigrations: pending, roles }, 503);
      return c.json({ ok: true, database: 'ok', pendingMigrations: 0, roles });
    });
}
