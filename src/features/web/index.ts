import type { Feature } from '../../bot/context.js';
import { webCommand } from './command.js';

/** The web pages' routes, which app.ts mounts on the HTTP server when PUBLIC_URL is set. */
export { createWebRoutes } from './routes.js';

export const webFeature: Feature = { name: 'web', commands: [webCommand] };
