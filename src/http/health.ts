import { createRoutes, type HttpRoutes } from './server.js';

/** GET /healthz: the process answers (a load balancer's liveness probe). */
export function createHealthRoutes(): HttpRoutes {
  return createRoutes().get('/healthz', (c) => c.json({ ok: true }));
}
