import { defineConfig } from 'drizzle-kit';

// The PostgreSQL dialect's migrations (DATABASE_URL=postgres://...): `npm run db:generate:pg`.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/pg/schema.ts', './src/db/pg/instances-schema.ts'],
  out: './migrations/pg',
});
