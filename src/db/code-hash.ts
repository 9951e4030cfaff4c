import { createHash } from 'node:crypto';

/**
 * What is stored in place of a secret code: its SHA-256 in hex. Registered on every SQLite connection as the SQL
 * function `sha256_hex`, so a migration can convert rows that held plain codes.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
