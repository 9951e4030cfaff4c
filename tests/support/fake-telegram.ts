// A fake Telegram Bot API on 127.0.0.1 for adapter tests and benchmarks: records calls, scripts failures.
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
  type RecordedFile,
} from './fake-api-core.js';
import { SendLimiter, type LimitSpec } from './fake-telegram-limits.js';
import {
  METHODS,
  OUTBOUND_METHODS,
  SEND_METHODS,
  type MethodContext,
  type Outcome,
  type Params,
} from './fake-telegram-methods.js';
import * as build from './fake-telegram-updates.js';
import type { FileOpts, TextOpts, TgUpdate } from './fake-telegram-updates.js';

export type { FailSpec, FailRateSpec, RecordedCall } from './fake-api-core.js';
export type { TgUpdate } from './fake-telegram-updates.js';
export { BOT_USER } from './fake-telegram-updates.js';

export interface FakeTelegramOptions {
  /** When set, any other token is answered 401. */
  token?: string;
  /** Longest a getUpdates request is held, whatever its timeout (keeps tests fast). */
  longPollCapMs?: number;
  now?: () => number;
}

export interface FakeStats {
  sent: number;
  rateLimited: number;
  serverErrors: number;
  dropped: number;
}

interface Poller {
  offset: number;
  limit: number;
  respond: (updates: TgUpdate[]) => void;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

export class FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly stats: FakeStats = { sent: 0, rateLimited: 0, serverErrors: 0, dropped: 0 };
  /** Commands from the last setMyCommands. */
  readonly commands: unknown[] = [];
  private readonly recorder = new CallRecorder();
  private readonly failures = new FailureScript(OUTBOUND_METHODS);
  private readonly world: build.TelegramWorld;
  private readonly queue: TgUpdate[] = [];
  private readonly members = new Map<string, string>();
  private readonly webhook: MethodContext['webhook'] = { url: '' };
  private pollers: Poller[] = [];
  private limiter: SendLimiter | null = null;
  private uploads = 0;

  constructor(
    private readonly server: Server,
    port: number,
    private readonly opts: FakeTelegramOptions,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? '4242:fake-telegram-token';
    this.world = new build.TelegramWorld(opts.now ?? Date.now);
  }

  get calls(): RecordedCall[] {
    return this.recorder.calls;
  }

  get unknownMethods(): string[] {
    return this.recorder.unknownMethods;
  }

  /** Uploaded and injected files by file_id, with their bytes. */
  get files(): ReadonlyMap<string, { data: Buffer; path: string }> {
    return this.world.files;
  }

  get webhookInfo(): Readonly<MethodContext['webhook']> {
    return this.webhook;
  }

  callsOf(method: string): RecordedCall[] {
    return this.recorder.callsOf(method);
  }

  /** Successful sendMessage/sendPhoto/sendDocument calls into one chat. */
  sentTo(chatId: number | string): RecordedCall[] {
    const id = String(chatId);
    return this.calls.filter(
      (c) => c.status === 200 && SEND_METHODS.includes(c.method) && String(c.params.chat_id) === id,
    );
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

  enforceLimits(spec: LimitSpec | null): void {
    this.limiter = spec ? new SendLimiter(spec) : null;
  }

  setChatMember(chatId: number | string, userId: number, status: string): void {
    this.members.set(`${String(chatId)}:${userId}`, status);
  }

  pushUpdate(update: TgUpdate): TgUpdate {
    if (typeof update.update_id === 'number') this.world.noteUpdateId(update.update_id);
    else update.update_id = this.world.updateId();
    this.queue.push(update);
    this.wakePollers();
    return update;
  }

  privateText(userId: number, text: string, opts?: TextOpts): TgUpdate {
    return build.privateText(this.world, userId, text, opts);
  }

  groupText(chatId: number, userId: number, text: string, opts?: TextOpts): TgUpdate {
    return build.groupText(this.world, chatId, userId, text, opts);
  }

  callback(userId: number, chatId: number, data: string, messageId?: number): TgUpdate {
    return build.callback(this.world, userId, chatId, data, messageId);
  }

  photo(userId: number, fileId: string, caption?: string, opts: FileOpts = {}): TgUpdate {
    return build.photo(this.world, userId, fileId, caption === undefined ? opts : { ...opts, caption });
  }

  document(userId: number, fileId: string, fileName: string, opts?: FileOpts): TgUpdate {
    return build.document(this.world, userId, fileId, fileName, opts);
  }

  /** The bot added to a group by `userId` (my_chat_member: left -> member). */
  botAdded(chatId: number, userId: number, title?: string): TgUpdate {
    return build.myChatMember(this.world, chatId, userId, { from: 'left', to: 'member', title });
  }

  /** The bot removed from a group by `userId` (my_chat_member: member -> kicked). */
  botRemoved(chatId: number, userId: number): TgUpdate {
    return build.myChatMember(this.world, chatId, userId, { from: 'member', to: 'kicked' });
  }

  deliverWebhook(url: string, update: TgUpdate, secret?: string): Promise<number> {
    if (update.update_id === undefined) update.update_id = this.world.updateId();
    const headers: Record<string, string> = secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret };
    return postWebhook(url, update, headers);
  }

  close(): Promise<void> {
    for (const poller of this.pollers) poller.respond([]);
    this.pollers = [];
    return closeServer(this.server);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.apiRoot).pathname;
    if (path.startsWith('/file/bot')) return this.serveFile(path, res);
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(path);
    const body = await readBody(req);
    let parsed: { params: Params; files: RecordedFile[] };
    try {
      parsed = parseBody(req, body);
    } catch (err) {
      parsed = { params: { unparsable: (err as Error).message }, files: [] };
    }
    const call = this.recorder.record(route?.[2] ?? path, parsed.params, parsed.files);
    if (!route || (!(call.method in METHODS) && call.method !== 'getUpdates')) return this.unknown(call, res);
    if (this.opts.token !== undefined && route[1] !== this.opts.token)
      return this.answer(call, res, { error: 401, description: 'Unauthorized' });
    if ('unparsable' in parsed.params)
      return this.answer(call, res, { error: 400, description: "Bad Request: can't parse request body" });
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
    const limited = this.checkLimits(call);
    if (limited) return this.answer(call, res, limited);
    this.answer(call, res, this.runMethod(call));
  }

  private runMethod(call: RecordedCall): Outcome {
    const ctx: MethodContext = {
      world: this.world,
      webhook: this.webhook,
      queue: this.queue,
      members: this.members,
      commands: this.commands,
      files: call.files,
      uploadSeq: () => ++this.uploads,
    };
    try {
      return METHODS[call.method]!(ctx, call.params);
    } catch (err) {
      return { error: 400, description: `Bad Request: ${(err as Error).message}` };
    }
  }

  private checkLimits(call: RecordedCall): Outcome | null {
    if (!this.limiter || !SEND_METHODS.includes(call.method)) return null;
    const chatId = String(call.params.chat_id);
    const retryAfter = this.limiter.admit(chatId, Number(chatId) < 0, this.world.nowMs());
    return retryAfter > 0 ? scriptedError({ status: 429, retryAfter }) : null;
  }

  private drop(call: RecordedCall, req: IncomingMessage): void {
    this.stats.dropped++;
    this.recorder.complete(call, 0);
    req.socket.destroy();
  }

  private answer(call: RecordedCall, res: ServerResponse, outcome: Outcome): void {
    if ('result' in outcome) {
      if (SEND_METHODS.includes(call.method)) this.stats.sent++;
      sendJson(res, 200, { ok: true, result: outcome.result });
      this.recorder.complete(call, 200);
      return;
    }
    if (outcome.error === 429) this.stats.rateLimited++;
    if (outcome.error >= 500) this.stats.serverErrors++;
    const body: Params = { ok: false, error_code: outcome.error, description: outcome.description };
    if (outcome.retryAfter !== undefined) body.parameters = { retry_after: outcome.retryAfter };
    sendJson(res, outcome.error, body);
    this.recorder.complete(call, outcome.error);
  }

  private getUpdates(call: RecordedCall, res: ServerResponse): void {
    if (this.webhook.url !== '') {
      const description =
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
      return this.answer(call, res, { error: 409, description });
    }
    const offset = Number(call.params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(call.params.limit ?? 100)));
    const timeoutMs = Math.min(Number(call.params.timeout ?? 0) * 1000, this.opts.longPollCapMs ?? 1000);
    if (offset > 0) this.confirmUpTo(offset);
    const ready = this.pending(offset, limit);
    if (ready.length > 0 || timeoutMs <= 0) return this.answer(call, res, { result: ready });
    this.hold(call, res, { offset, limit }, timeoutMs);
  }

  private hold(
    call: RecordedCall,
    res: ServerResponse,
    window: { offset: number; limit: number },
    timeoutMs: number,
  ): void {
    const poller: Poller = {
      ...window,
      respond: (updates) => {
        clearTimeout(timer);
        this.pollers = this.pollers.filter((p) => p !== poller);
        this.answer(call, res, { result: updates });
      },
    };
    const timer = setTimeout(() => poller.respond([]), timeoutMs);
    // A client that gives up (telegraf aborts on stop) must not keep the poller.
    res.on('close', () => {
      clearTimeout(timer);
      this.pollers = this.pollers.filter((p) => p !== poller);
    });
    this.pollers.push(poller);
  }

  private wakePollers(): void {
    for (const poller of [...this.pollers]) {
      const ready = this.pending(poller.offset, poller.limit);
      if (ready.length > 0) poller.respond(ready);
    }
  }

  /** Telegram forgets updates below the offset a client confirms. */
  private confirmUpTo(offset: number): void {
    const keep = this.queue.filter((u) => (u.update_id ?? 0) >= offset);
    this.queue.splice(0, this.queue.length, ...keep);
  }

  private pending(offset: number, limit: number): TgUpdate[] {
    return this.queue.filter((u) => (u.update_id ?? 0) >= offset).slice(0, limit);
  }

  private serveFile(path: string, res: ServerResponse): void {
    const filePath = decodeURIComponent(path.replace(/^\/file\/bot[^/]+\//, ''));
    const file = [...this.world.files.values()].find((f) => f.path === filePath);
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
    res.end(file.data);
  }
}

function scriptedError(spec: { status: number; retryAfter?: number; description?: string }): Outcome {
  const retryAfter = spec.status === 429 ? (spec.retryAfter ?? 1) : spec.retryAfter;
  const fallback =
    spec.status === 429 ? `Too Many Requests: retry after ${retryAfter}` : (ERROR_TEXT[spec.status] ?? 'Error');
  const outcome: Outcome = { error: spec.status, description: spec.description ?? fallback };
  if (retryAfter !== undefined) outcome.retryAfter = retryAfter;
  return outcome;
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  let fake: FakeTelegram | undefined;
  const server = createServer((req, res) => {
    fake?.handle(req, res).catch((err: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `fake server error: ${(err as Error).message}` });
    });
  });
  server.keepAliveTimeout = 30_000;
  const port = await listenOnLoopback(server);
  fake = new FakeTelegram(server, port, opts);
  return fake;
}
