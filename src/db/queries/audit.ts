import { desc } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export interface AuditEntry {
  actorPersonId: number | null;
  action: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** Appends to the audit log. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  db.orm.insert(auditLog).values(entry).run();
}

export async function listAudit(db: Db, limit = 50): Promise<AuditEntry[]> {
  return db.orm.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
