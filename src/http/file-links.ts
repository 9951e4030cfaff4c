// Files (charts, exports) for platforms that cannot upload them: stored in the database and served by the
// shared HTTP server under an unguessable token that expires.
import { randomBytes } from 'node:crypto';
import { findFileLink, insertFileLink, type Db } from '../db/index.js';
import { createRoutes, refuse } from './server.js';

export const FILE_LINK_TTL_HOURS = 24;
const ROUTE_PREFIX = '/files/';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,64}$/;

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

export function contentTypeOf(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export interface FilePublisherOptions {
  db: Db;
  publicUrl: string;
  clock: () => Date;
  ttlHours?: number;
}

export interface PublishedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export function createFilePublisher(options: FilePublisherOptions) {
  const { db, clock } = options;
  const base = options.publicUrl.replace(/\/+$/, '');
  const ttlMs = (options.ttlHours ?? FILE_LINK_TTL_HOURS) * 3_600_000;

  /** Returns the public URL of the stored file. */
  async function publish(file: PublishedFile): Promise<string> {
    const now = clock();
    // 32 random bytes: the token is the only thing protecting the file.
    const token = randomBytes(32).toString('base64url');
    await insertFileLink(db, { token, ...file, expiresAt: new Date(now.getTime() + ttlMs) }, now);
    return `${base}${ROUTE_PREFIX}${token}`;
  }

  const routes = createRoutes();
  routes.get(`${ROUTE_PREFIX}:token`, async (c) => {
    const token = c.req.param('token');
    const file = TOKEN_SHAPE.test(token) ? await findFileLink(db, token, clock()) : undefined;
    return file ? fileResponse(file) : refuse(c, 404);
  });

  return { publish, routes };
}

/** A file as a download (an image shown inline), named in Vietnamese for browsers that read filename*. */
export function fileResponse(file: PublishedFile): Response {
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.data.length),
      'content-disposition': `${disposition}; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** Fallback for clients that ignore filename*: Vietnamese letters without marks, nothing that breaks quoting. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}

function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type FilePublisher = ReturnType<typeof createFilePublisher>;
