import { and, eq, gt, lte } from 'drizzle-orm';
import type { FileLink } from '../../queries/file-links.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { fileLinks } from '../schema.js';

async function deleteExpiredLinks(ex: PgExec, now: Date): Promise<number> {
  return changed(await ex.delete(fileLinks).where(lte(fileLinks.expiresAt, now)));
}

/** Removes expired links (also done on every insert; the daily retention job catches quiet periods). */
export async function pruneExpiredFileLinks(db: PgDb, now: Date): Promise<number> {
  return deleteExpiredLinks(db.orm, now);
}

/** Stores a downloadable file under its token; expired links are pruned on the way. */
export async function insertFileLink(db: PgDb, link: FileLink, now: Date): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await deleteExpiredLinks(tx, now);
    await tx.insert(fileLinks).values({ ...link, data: link.data.toString('base64') });
  });
}

/** The file behind a token, unless the token is unknown or expired. */
export async function findFileLink(db: PgDb, token: string, now: Date): Promise<FileLink | undefined> {
  const [row] = await db.orm
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.token, token), gt(fileLinks.expiresAt, now)));
  return row ? { ...row, data: Buffer.from(row.data, 'base64') } : undefined;
}
