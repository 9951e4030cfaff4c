// The only way into the database for the rest of the code.
export { openDatabase, closeDatabase, migrateDatabase, backupDatabase, DatabaseError, type Db } from './client.js';
export * from './queries/people.js';
export * from './queries/conversations.js';
export * from './queries/inbound.js';
export * from './queries/audit.js';
export * from './queries/outbox.js';
export * from './queries/groups.js';
export * from './queries/plans.js';
export * from './queries/agencies.js';
export * from './queries/memberships.js';
export * from './queries/roles.js';
export * from './queries/invites.js';
export * from './queries/tasks.js';
export * from './queries/file-links.js';
