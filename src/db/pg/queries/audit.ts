import { desc } from 'drizzle-orm';
import type { AuditEntry } from '../../queries/audit.js';
import type { PgDb, PgExec } from '../client.js';
import { auditLog } from '../schema.js';

/** Appends to the audit log. Call inside the transaction of the change it records. */
export async function appendAudit(ex: PgExec, entry: AuditEntry): Promise<void> {
  await ex.insert(auditLog).values(entry);
}

export async function listAudit(db: PgDb, limit = 50): Promise<AuditEntry[]> {
  return db.orm.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
}
