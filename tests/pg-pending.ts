// Test files that do not pass on PostgreSQL yet (issue 16 is open): `npm run test:pg` leaves them out, `npm test`
// runs them on SQLite as always. Causes, measured on 02/12/2026 (997 passed, 53 failed before this list):
export const pendingOnPostgres = [
  // /tinhhinh and /xuat answer the apology on PostgreSQL (one bug in the status path there).
  'tests/features/authorization.test.ts',
  'tests/features/reports/figures.test.ts',
  // The test-data seeder (src/db/queries/seed*.ts) has no PostgreSQL twin yet.
  'tests/features/status/status.test.ts',
  'tests/features/status/joined.test.ts',
  'tests/features/status/missing.test.ts',
  'tests/features/status/export.test.ts',
  'tests/features/reports/reachable.test.ts',
  'tests/features/reminders/fanout.test.ts',
  // Plan import row counts and `daumoi remind` differ on PostgreSQL: not investigated yet.
  'tests/plans/import.test.ts',
  'tests/features/reminders/cli.test.ts',
  // Still read the SQLite handle directly.
  'tests/platforms/telegram/flood.test.ts',
  'tests/platforms/zalo/reports.test.ts',
  'tests/features/housekeeping/retention.test.ts',
  // Zalo long polling sends nothing on PostgreSQL (poller/sender election there): not investigated yet.
  'tests/platforms/zalo/adapter.test.ts',
  'tests/platforms/zalo/reminders.test.ts',
  'tests/bot/faults.test.ts',
  // Locks the SQLite file: SQLite only by nature.
  'tests/platforms/zalo/locked-db.test.ts',
  // Restarts and handovers time out on PostgreSQL.
  'tests/platforms/telegram/reply-order.test.ts',
  'tests/bot/faults-network.test.ts',
  'tests/features/onboarding/handover.test.ts',
];
