import { dialects } from './dialect.js';
import * as pgHealth from './pg/queries/health.js';
import * as sqliteHealth from './queries/health.js';

export const { countPendingMigrations } = dialects(sqliteHealth, pgHealth);
