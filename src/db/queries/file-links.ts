import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { fileLinks } from '../schema.js';

export interface FileLink {
  token: string;
  fileName: string;
  contentType: string;
  data: Buffer;
  expiresAt: Date;
}

function deleteExpiredLinks(db: Db, now: Date): number {
  return db.orm.delete(fileLinks).where(lte(fileLinks.expiresAt, now)).run().changes;
}

/** Removes expired links (also done on every insert; the daily retention job catches quiet periods). */
export async function pruneExpiredFileLinks(db: Db, now: Date): Promise<number> {
  return deleteExpiredLinks(db, now);
}

/** Stores a downloadable file under its token; expired links are pruned on the way. */
export async function insertFileLink(db: Db, link: FileLink, now: Date): Promise<void> {
  db.sqlite
    .transaction(() => {
      deleteExpiredLinks(db, now);
      db.orm
        .insert(fileLinks)
        .values({ ...link, data: link.data.toString('base64') })
        .run();
    })
    .immediate();
}

/** The file behind a token, unless the token is unknown or expired. */
export async function findFileLink(db: Db, token: string, now: Date): Promise<FileLink | undefined> {
  const row = db.orm
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.token, token), gt(fileLinks.expiresAt, now)))
    .get();
  return row ? { ...row, data: Buffer.from(row.data, 'base64') } : undefined;
}
