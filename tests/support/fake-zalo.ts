// A fake Zalo Bot Platform API on 127.0.0.1: records calls, scripts failures, serves one update per poll.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  CallRecorder,
  FailureScript,
  closeServer,
  listenOnLoopback,
  parseBody,
  postWebhook,
  readBody,
  sendJson,
  sleep,
  type FailRateSpec,
  type FailSpec,
  type RecordedCall,
} from './fake-api-core.js';
import * as build from './fake-zalo-updates.js';
import type { ZaloTestUpdate } from './fake-zalo-updates.js';

export type { FailSpec, FailRateSpec, RecordedCall } from './fake-api-core.js';
export type { ZaloTestUpdate } from './fake-zalo-updates.js';

export interface FakeZaloOptions {
  token?: string;
  /** Display name users see, used by groupText mentions. */
  botDisplayName?: string;
  /** getUpdates answers an array of every queued update instead of one object. */
  arrayMode?: boolean;
  /** Answer errors as HTTP 200 with `ok: false` instead of HTTP status = error_code. */
  errorsAsHttp200?: boolean;
  /** Longest a getUpdates request is held, whatever its timeout. */
  longPollCapMs?: number;
  now?: () => number;
}

export interface FakeZaloStats {
  sent: number;
  rateLimited: number;
  serverErrors: number;
  dropped: number;
}

type Params = Record<string, unknown>;
type Outcome = { result?: unknown } | { error: number; description: string; retryAfter?: number };
type Handler = (params: Params) => Outcome;

const SEND_METHODS: readonly string[] = ['sendMessage', 'sendPhoto'];
const ERROR_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

const bad = (description: string): Outcome => ({ error: 400, description });
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export class FakeZalo {
  readonly apiRoot: string;
  readonly token: string;
  readonly botId: string;
  readonly stats: FakeZaloStats = { sent: 0, rateLimited: 0, serverErrors: 0, dropped: 0 };
  readonly webhook: { url: string; secretToken?: string; updatedAt: number } = { url: '', updatedAt: 0 };
  private readonly recorder = new CallRecorder();
  private readonly failures = new FailureScript([...SEND_METHODS, 'sendChatAction']);
  private readonly world: build.ZaloWorld;
  private readonly queue: ZaloTestUpdate[] = [];
  private pollers: Array<() => void> = [];
  private readonly methods: Record<string, Handler>;

  constructor(
    private readonly server: Server,
    port: number,
    private readonly opts: FakeZaloOptions,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? '1234567890:fake-zalo-secret-token';
    this.botId = this.token.split(':')[0] ?? '1234567890';
    this.world = new build.ZaloWorld(opts.now ?? Date.now, opts.botDisplayName ?? 'Đầu Mối');
    this.methods = {
      getMe: () => ({
        result: { id: this.botId, account_name: 'bot.daumoi', account_type: 'BASIC', can_join_groups: true },
      }),
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: () => this.deleteWebhook(),
      getWebhookInfo: () => ({ result: { url: this.webhook.url, updated_at: this.webhook.updatedAt } }),
      sendMessage: (p) => this.sendMessage(p),
      sendPhoto: (p) => this.sendPhoto(p),
      sendChatAction: (p) =>
        isText(p.chat_id) && ['typing', 'upload_photo'].includes(String(p.action))
          ? {}
          : bad('invalid chat_id or action'),
    };
  }

  get calls(): RecordedCall[] {
    return this.recorder.calls;
  }

  get unknownMethods(): string[] {
    return this.recorder.unknownMethods;
  }

  get botDisplayName(): string {
    return this.world.botDisplayName;
  }

  callsOf(method: string): RecordedCall[] {
    return this.recorder.callsOf(method);
  }

  /** Successful sendMessage/sendPhoto calls into one chat. */
  sentTo(chatId: string): RecordedCall[] {
    return this.calls.filter((c) => c.status === 200 && SEND_METHODS.includes(c.method) && c.params.chat_id === chatId);
  }

  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall> {
    return this.recorder.waitFor(predicate, timeoutMs);
  }

  assertNoUnknownMethods(): void {
    this.recorder.assertNoUnknownMethods();
  }

  /** Scripts the next `times` calls of `method` ("*" for any method without its own script). */
  failNext(method: string, spec: FailSpec, times = 1): void {
    this.failures.failNext(method, spec, times);
  }

  failRate(spec: FailRateSpec | null): void {
    this.failures.failRate(spec);
  }

  pushUpdate(update: ZaloTestUpdate): ZaloTestUpdate {
    this.queue.push(update);
    for (const wake of [...this.pollers]) wake();
    return update;
  }

  privateText(userId: string, text: string, displayName?: string): ZaloTestUpdate {
    return build.privateText(this.world, userId, text, displayName);
  }

  groupText(groupId: string, userId: string, text: string, mentioned?: boolean): ZaloTestUpdate {
    return build.groupText(this.world, groupId, userId, text, mentioned);
  }

  image(userId: string, photoUrl: string, caption?: string): ZaloTestUpdate {
    return build.image(this.world, userId, photoUrl, caption);
  }

  unknownEvent(eventName?: string, userId?: string): ZaloTestUpdate {
    return build.unknownEvent(this.world, eventName, userId);
  }

  /** Posts the update as Zalo does; `wrapped` (default) sends `{ ok: true, result }`, otherwise the bare update. */
  deliverWebhook(
    url: string,
    update: ZaloTestUpdate,
    secret?: string,
    opts: { wrapped?: boolean } = {},
  ): Promise<number> {
    const body = opts.wrapped === false ? update : { ok: true, result: update };
    return postWebhook(url, body, secret === undefined ? {} : { 'X-Bot-Api-Secret-Token': secret });
  }

  close(): Promise<void> {
    for (const wake of [...this.pollers]) wake();
    return closeServer(this.server);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(new URL(req.url ?? '/', this.apiRoot).pathname);
    const body = await readBody(req);
    let params: Params;
    try {
      params = parseBody(req, body).params;
    } catch (err) {
      params = { unparsable: (err as Error).message };
    }
    const call = this.recorder.record(route?.[2] ?? req.url ?? '/', params, []);
    if (!route || (!(call.method in this.methods) && call.method !== 'getUpdates')) return this.unknown(call, res);
    if (route[1] !== this.token) return this.answer(call, res, { error: 401, description: 'Unauthorized' });
    if ('unparsable' in params) return this.answer(call, res, bad('Invalid JSON body'));
    await this.dispatch(call, req, res);
  }

  private unknown(call: RecordedCall, res: ServerResponse): void {
    this.recorder.unknownMethods.push(call.method);
    this.answer(call, res, { error: 404, description: 'Not Found' });
  }

  private async dispatch(call: RecordedCall, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const failure = this.failures.take(call.method);
    if (failure && 'drop' in failure) return this.drop(call, req);
    if (failure && 'status' in failure) return this.answer(call, res, scriptedError(failure));
    if (failure) await sleep(failure.delayMs);
    if (call.method === 'getUpdates') return this.getUpdates(call, res);
    this.answer(call, res, this.methods[call.method]!(call.params));
  }

  private drop(call: RecordedCall, req: IncomingMessage): void {
    this.stats.dropped++;
    this.recorder.complete(call, 0);
    req.socket.destroy();
  }

  private answer(call: RecordedCall, res: ServerResponse, outcome: Outcome): void {
    if (!('error' in outcome)) {
      if (SEND_METHODS.includes(call.method)) this.stats.sent++;
      sendJson(res, 200, 'result' in outcome ? { ok: true, result: outcome.result } : { ok: true });
      this.recorder.complete(call, 200);
      return;
    }
    if (outcome.error === 429) this.stats.rateLimited++;
    if (outcome.error >= 500) this.stats.serverErrors++;
    const status = this.opts.errorsAsHttp200 ? 200 : outcome.error;
    if (outcome.retryAfter !== undefined && !res.headersSent) res.setHeader('retry-after', String(outcome.retryAfter));
    sendJson(res, status, { ok: false, error_code: outcome.error, description: outcome.description });
    this.recorder.complete(call, status);
  }

  private getUpdates(call: RecordedCall, res: ServerResponse): void {
    if (this.webhook.url !== '')
      return this.answer(call, res, {
        error: 409,
        description: 'Webhook is active, delete it before using getUpdates',
      });
    const timeoutSec = Number(call.params.timeout ?? 30);
    const holdMs = Math.min(Math.max(0, timeoutSec) * 1000, this.opts.longPollCapMs ?? 1000);
    if (this.queue.length > 0 || holdMs === 0) return this.answerPoll(call, res);
    const wake = (): void => {
      clearTimeout(timer);
      this.pollers = this.pollers.filter((w) => w !== wake);
      this.answerPoll(call, res);
    };
    const timer = setTimeout(wake, holdMs);
    res.on('close', () => {
      clearTimeout(timer);
      this.pollers = this.pollers.filter((w) => w !== wake);
    });
    this.pollers.push(wake);
  }

  /** One update object per call (or all of them in arrayMode); 408 when nothing arrived. */
  private answerPoll(call: RecordedCall, res: ServerResponse): void {
    if (this.queue.length === 0) return this.answer(call, res, { error: 408, description: 'Request timeout' });
    const result = this.opts.arrayMode ? this.queue.splice(0, 100) : this.queue.shift();
    this.answer(call, res, { result });
  }

  private setWebhook(params: Params): Outcome {
    if (!isText(params.url) || !isAcceptableWebhookUrl(params.url)) return bad('url must be a valid HTTPS URL');
    const secret = params.secret_token;
    if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256)
      return bad('secret_token must be 8-256 characters');
    Object.assign(this.webhook, { url: params.url, secretToken: secret, updatedAt: this.world.nowMs() });
    return { result: { url: params.url, updated_at: this.webhook.updatedAt } };
  }

  private deleteWebhook(): Outcome {
    Object.assign(this.webhook, { url: '', secretToken: undefined, updatedAt: this.world.nowMs() });
    return { result: { url: '', updated_at: this.webhook.updatedAt } };
  }

  private sendMessage(params: Params): Outcome {
    if (!isText(params.chat_id)) return bad('chat_id is required');
    if (typeof params.text !== 'string' || params.text.length < 1 || params.text.length > 2000) {
      return bad('text must be 1-2000 characters');
    }
    return { result: { message_id: this.world.messageId(), date: this.world.nowMs() } };
  }

  private sendPhoto(params: Params): Outcome {
    if (!isText(params.chat_id)) return bad('chat_id is required');
    if (!isText(params.photo) || !/^https?:\/\//.test(params.photo)) return bad('photo must be an image URL');
    if (params.caption !== undefined && (typeof params.caption !== 'string' || params.caption.length > 2000)) {
      return bad('caption must be 1-2000 characters');
    }
    return { result: { message_id: this.world.messageId(), date: this.world.nowMs() } };
  }
}

/** Zalo wants HTTPS; plain HTTP is let through for loopback so tests can run a local webhook. */
function isAcceptableWebhookUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback);
}

function scriptedError(spec: { status: number; retryAfter?: number; description?: string }): Outcome {
  const outcome: Outcome = { error: spec.status, description: spec.description ?? ERROR_TEXT[spec.status] ?? 'Error' };
  if (spec.retryAfter !== undefined) outcome.retryAfter = spec.retryAfter;
  return outcome;
}

export async function startFakeZalo(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  let fake: FakeZalo | undefined;
  const server = createServer((req, res) => {
    fake?.handle(req, res).catch((err: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `fake server error: ${(err as Error).message}` });
    });
  });
  server.keepAliveTimeout = 30_000;
  const port = await listenOnLoopback(server);
  fake = new FakeZalo(server, port, opts);
  return fake;
}
