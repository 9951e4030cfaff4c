// Thin axios client for the Zalo Bot Platform. The token lives in the URL, so nothing axios produces
// (errors carry URL and config) ever leaves this module: callers only see our own errors.
import axios, { isAxiosError, type AxiosResponse } from 'axios';
import type { ZaloBotInfo } from './map.js';

export interface ZaloLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ZaloRetryOptions {
  /** Retries after the first attempt. */
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer retry-after is not waited out: the error reaches the caller, who can park the message. */
  maxRetryAfterMs: number;
}

export interface ZaloClientOptions {
  token: string;
  apiRoot?: string;
  timeoutMs?: number;
  log?: ZaloLog;
  retries?: Partial<ZaloRetryOptions>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface ZaloCallOptions {
  timeoutMs?: number;
  /** Set false for calls that must not be repeated. */
  retry?: boolean;
  signal?: AbortSignal;
}

export interface ZaloSentMessage {
  message_id: string;
  date: number;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

export class ZaloApiError extends Error {
  readonly method: string;
  readonly errorCode: number;
  readonly description: string;
  readonly retryAfter: number | undefined;
  constructor(method: string, errorCode: number, description: string, retryAfter?: number) {
    super(`Zalo API ${method} failed: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
    this.method = method;
    this.errorCode = errorCode;
    this.description = description;
    this.retryAfter = retryAfter;
  }
}

export class ZaloNetworkError extends Error {
  readonly method: string;
  /** Request URL with the token replaced, e.g. `/bot<redacted>/sendMessage`. */
  readonly url: string;
  readonly code: string;
  constructor(method: string, url: string, code: string) {
    super(`Zalo API ${method} network error (${code}) at ${url}`);
    this.name = 'ZaloNetworkError';
    this.method = method;
    this.url = url;
    this.code = code;
  }
}

export interface ZaloClient {
  call<T>(method: string, params?: Record<string, unknown>, opts?: ZaloCallOptions): Promise<T>;
  getMe(): Promise<ZaloBotInfo>;
  /** Raw updates (validate with mapZaloUpdate); empty when the long poll ended with nothing new. */
  getUpdates(timeoutSec?: number, signal?: AbortSignal): Promise<unknown[]>;
  setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo>;
  deleteWebhook(): Promise<ZaloWebhookInfo>;
  getWebhookInfo(): Promise<ZaloWebhookInfo>;
  sendMessage(chatId: string, text: string): Promise<ZaloSentMessage>;
  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloSentMessage>;
  sendChatAction(chatId: string, action?: 'typing' | 'upload_photo'): Promise<void>;
}

const DEFAULT_RETRIES: ZaloRetryOptions = { max: 3, baseDelayMs: 500, maxDelayMs: 10_000, maxRetryAfterMs: 30_000 };
const POLL_NOTHING_NEW = 408;

interface ZaloEnvelope {
  ok: boolean;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

function isEnvelope(data: unknown): data is ZaloEnvelope {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}

function toSeconds(value: unknown): number | undefined {
  const seconds = Number(value);
  return value !== undefined && value !== null && value !== '' && Number.isFinite(seconds) && seconds >= 0
    ? seconds
    : undefined;
}

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { token, log } = options;
  if (!token || /[\s/]/.test(token))
    throw new Error('Zalo bot token is missing or malformed: expected "<bot_id>:<secret>"');
  const apiRoot = (options.apiRoot ?? 'https://bot-api.zaloplatforms.com').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = { ...DEFAULT_RETRIES, ...options.retries };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const http = axios.create({ headers: { 'content-type': 'application/json' }, validateStatus: () => true });
  const redact = (text: string): string => text.split(token).join('<redacted>');

  function toApiError(method: string, res: AxiosResponse): ZaloApiError {
    const body = isEnvelope(res.data) ? res.data : undefined;
    const code = typeof body?.error_code === 'number' ? body.error_code : res.status >= 400 ? res.status : 502;
    const description =
      typeof body?.description === 'string' ? body.description : `unexpected response (HTTP ${res.status})`;
    const retryAfter = toSeconds(res.headers['retry-after']) ?? toSeconds(body?.parameters?.retry_after);
    return new ZaloApiError(method, code, redact(description), retryAfter);
  }

  async function once<T>(method: string, params: Record<string, unknown>, opts: ZaloCallOptions): Promise<T> {
    let res: AxiosResponse;
    try {
      res = await http.post(`${apiRoot}/bot${token}/${method}`, params, {
        timeout: opts.timeoutMs ?? timeoutMs,
        signal: opts.signal,
      });
    } catch (err) {
      const code = isAxiosError(err) ? (err.code ?? 'ERR_NETWORK') : 'ERR_UNKNOWN';
      throw new ZaloNetworkError(method, `/bot<redacted>/${method}`, code);
    }
    if (isEnvelope(res.data) && res.data.ok && res.status < 400) return res.data.result as T;
    throw toApiError(method, res);
  }

  function backoffMs(attempt: number): number {
    const ceiling = Math.min(retries.maxDelayMs, retries.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling * (0.5 + random() * 0.5));
  }

  /** Milliseconds to wait before retrying, or null when the error should reach the caller. */
  function retryDelay(err: unknown, attempt: number, opts: ZaloCallOptions): number | null {
    if (opts.retry === false || attempt >= retries.max) return null;
    if (err instanceof ZaloNetworkError) return err.code === 'ERR_CANCELED' ? null : backoffMs(attempt);
    if (!(err instanceof ZaloApiError) || (err.errorCode !== 429 && err.errorCode < 500)) return null;
    if (err.retryAfter === undefined) return backoffMs(attempt);
    const waitMs = err.retryAfter * 1000;
    return waitMs <= retries.maxRetryAfterMs ? waitMs : null;
  }

  async function call<T>(method: string, params: Record<string, unknown> = {}, opts: ZaloCallOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        log?.debug({ method, attempt }, 'zalo call');
        return await once<T>(method, params, opts);
      } catch (err) {
        const delayMs = retryDelay(err, attempt, opts);
        if (delayMs === null) throw err;
        log?.warn({ method, attempt, delayMs, error: (err as Error).message }, 'zalo call failed, retrying');
        await sleep(delayMs);
      }
    }
  }

  async function getUpdates(timeoutSec = 30, signal?: AbortSignal): Promise<unknown[]> {
    try {
      const result = await call<unknown>(
        'getUpdates',
        { timeout: String(timeoutSec) },
        { timeoutMs: timeoutSec * 1000 + timeoutMs, signal },
      );
      if (result === undefined || result === null) return [];
      return Array.isArray(result) ? result : [result];
    } catch (err) {
      if (err instanceof ZaloApiError && err.errorCode === POLL_NOTHING_NEW) return [];
      throw err;
    }
  }

  async function setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo> {
    if (secretToken.length < 8 || secretToken.length > 256)
      throw new Error('Zalo webhook secret_token must be 8-256 characters');
    return call<ZaloWebhookInfo>('setWebhook', { url, secret_token: secretToken });
  }

  return {
    call,
    getMe: () => call<ZaloBotInfo>('getMe'),
    getUpdates,
    setWebhook,
    deleteWebhook: () => call<ZaloWebhookInfo>('deleteWebhook'),
    getWebhookInfo: () => call<ZaloWebhookInfo>('getWebhookInfo'),
    sendMessage: (chatId, text) => call<ZaloSentMessage>('sendMessage', { chat_id: chatId, text }),
    sendPhoto: (chatId, photoUrl, caption) =>
      call<ZaloSentMessage>(
        'sendPhoto',
        caption === undefined ? { chat_id: chatId, photo: photoUrl } : { chat_id: chatId, photo: photoUrl, caption },
      ),
    sendChatAction: async (chatId, action = 'typing') => {
      await call<unknown>('sendChatAction', { chat_id: chatId, action });
    },
  };
}
