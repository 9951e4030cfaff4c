// Test files that do not pass on PostgreSQL yet (issue 16 is open): `npm run test:pg` leaves them out, `npm test`
// runs them on SQLite as always. Causes, measured on 02/12/2026 (997 passed, 53 failed before this list):
export const pendingOnPostgres = [
  // The web sign-in and session queries have no PostgreSQL twin yet.
  'tests/features/web/browser.test.ts',
  // Seeding 3,000 officers through db functions outlasts the 20 s timeout on PostgreSQL under load.
  'tests/features/reminders/fanout.test.ts',
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
  // Restarts time out on PostgreSQL.
  'tests/platforms/telegram/reply-order.test.ts',
  'tests/bot/faults-network.test.ts',
];
