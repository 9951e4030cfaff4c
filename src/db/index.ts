// The only way into the database for the rest of the code.
export { DatabaseError, type Db } from './client.js';
export {
  openDatabase,
  migrateAnyDatabase as migrateDatabase,
  closeAnyDatabase as closeDatabase,
  backupAnyDatabase as backupDatabase,
  type AnyDb,
} from './dialect.js';
// The query modules paired with their PostgreSQL twins; the others below are SQLite-only until paired.
export * from './paired.js';
export { lockDatabaseFile, DatabaseInUseError, type InstanceLock } from './instance-lock.js';
export * from './health.js';
export * from './instances.js';
