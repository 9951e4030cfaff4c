import type { Telegram } from 'telegraf';
import type { Downloaded } from '../../bot/context.js';
import { call } from './send.js';

// Bots may download files up to 20 MB through the Bot API (getFile, then GET /file/bot<token>/<path>).

/** A file a user sent, by file id; over maxBytes it is refused without reading the rest. */
export async function downloadTelegramFile(telegram: Telegram, fileId: string, maxBytes: number): Promise<Downloaded> {
  let file;
  try {
    file = await call('getFile', () => telegram.getFile(fileId));
  } catch (error) {
    // Telegram refuses getFile past its own 20 MB limit with "file is too big".
    return { ok: false, reason: /too big/i.test(String((error as Error).message)) ? 'too-big' : 'failed' };
  }
  if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: 'too-big' };
  const url = await telegram.getFileLink(file);
  // A local Bot API server answers with a path on its own disk, which this process may not share.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'failed' };
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch {
    // The error would carry the URL, and the URL carries the token: only the outcome leaves this function.
    return { ok: false, reason: 'failed' };
  }
  if (!response.ok || !response.body) return { ok: false, reason: 'failed' };
  return readCapped(response.body, maxBytes);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Downloaded> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: 'too-big' };
      }
      chunks.push(Buffer.from(value));
    }
  } catch {
    return { ok: false, reason: 'failed' };
  }
  return { ok: true, data: Buffer.concat(chunks) };
}
