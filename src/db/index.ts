// The only way into the database for the rest of the code.
export { DatabaseError } from './client.js';
export {
  openAnyDatabase as openDatabase,
  migrateAnyDatabase as migrateDatabase,
  closeAnyDatabase as closeDatabase,
  backupAnyDatabase as backupDatabase,
  type AnyDb,
  /** The handle: SQLite's or PostgreSQL's, whichever the location named; every function below takes either. */
  type AnyDb as Db,
} from './dialect.js';
// Every query module, paired with its PostgreSQL twin.
export * from './paired.js';
export { lockDatabaseFile, DatabaseInUseError, type InstanceLock } from './instance-lock.js';
export * from './health.js';
export * from './instances.js';
