// Shared plumbing for the fake Bot API servers: body parsing, call recording, failure scripting.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RecordedFile {
  field: string;
  fileName: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  files: RecordedFile[];
  /** Milliseconds since epoch when the request arrived. */
  at: number;
  /** HTTP status answered; undefined while pending (long poll), 0 when the socket was dropped. */
  status?: number;
  /** 1 for the first call answered, 2 for the next...: the order a user sees, whatever the arrival order. */
  answered?: number;
}

export type FailSpec =
  { status: number; retryAfter?: number; description?: string } | { drop: true } | { delayMs: number };

export interface FailRateSpec {
  p429?: number;
  p500?: number;
  retryAfter?: number;
  seed?: number;
  /** Methods subject to random failures; defaults to the fake's outbound methods. */
  methods?: string[];
}

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  readonly unknownMethods: string[] = [];
  private waiters: Waiter[] = [];
  private answeredCount = 0;

  record(method: string, params: Record<string, unknown>, files: RecordedFile[]): RecordedCall {
    const call: RecordedCall = { method, params, files, at: Date.now() };
    this.calls.push(call);
    return call;
  }

  complete(call: RecordedCall, status: number): void {
    call.status = status;
    call.answered = ++this.answeredCount;
    if (this.waiters.length === 0) return;
    const matched = this.waiters.filter((w) => w.predicate(call));
    if (matched.length === 0) return;
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(call);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first answered call matching `predicate` (already recorded or future). */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 2000): Promise<RecordedCall> {
    const existing = this.calls.find((c) => c.status !== undefined && predicate(c));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.calls.map((c) => `${c.method}:${c.status ?? 'pending'}`).join(', ');
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; calls seen: [${seen}]`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  assertNoUnknownMethods(): void {
    if (this.unknownMethods.length === 0) return;
    throw new Error(`fake API received unknown methods: ${this.unknownMethods.join(', ')}`);
  }
}

/** Deterministic PRNG so random failure runs are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FailureScript {
  private scripted = new Map<string, FailSpec[]>();
  private rate: (FailRateSpec & { random: () => number }) | null = null;

  constructor(private readonly defaultRandomMethods: readonly string[]) {}

  failNext(method: string, spec: FailSpec, times = 1): void {
    const queue = this.scripted.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(spec);
    this.scripted.set(method, queue);
  }

  failRate(spec: FailRateSpec | null): void {
    this.rate = spec ? { ...spec, random: seededRandom(spec.seed ?? 7) } : null;
  }

  /** The failure to apply to this call, if any: scripted ones first, then the random rate. */
  take(method: string): FailSpec | undefined {
    const own = this.scripted.get(method);
    const queue = own && own.length > 0 ? own : this.scripted.get('*');
    if (queue && queue.length > 0) return queue.shift();
    return this.randomFailure(method);
  }

  private randomFailure(method: string): FailSpec | undefined {
    const rate = this.rate;
    if (!rate) return undefined;
    if (!(rate.methods ?? this.defaultRandomMethods).includes(method)) return undefined;
    const roll = rate.random();
    const p429 = rate.p429 ?? 0;
    if (roll < p429) return { status: 429, retryAfter: rate.retryAfter ?? 1 };
    if (roll < p429 + (rate.p500 ?? 0)) return { status: 500 };
    return undefined;
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface ParsedBody {
  params: Record<string, unknown>;
  files: RecordedFile[];
}

/** Accepts JSON, urlencoded and multipart bodies plus query-string parameters. */
export function parseBody(req: IncomingMessage, body: Buffer): ParsedBody {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { params: query, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(body, boundaryOf(type));
    return { params: { ...query, ...parsed.params }, files: parsed.files };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { params: { ...query, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) }, files: [] };
  }
  const json: unknown = JSON.parse(body.toString('utf8'));
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('JSON body must be an object');
  return { params: { ...query, ...(json as Record<string, unknown>) }, files: [] };
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new Error('multipart body without boundary');
  return boundary.trim();
}

export function parseMultipart(body: Buffer, boundary: string): ParsedBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const params: Record<string, unknown> = {};
  const files: RecordedFile[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // A part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(partStart + 2, next - 2);
    addPart(part, params, files);
    start = next;
  }
  return { params, files };
}

function addPart(part: Buffer, params: Record<string, unknown>, files: RecordedFile[]): void {
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString('utf8');
  const data = part.subarray(headerEnd + 4);
  const name = /name="([^"]*)"/i.exec(headers)?.[1];
  if (name === undefined) return;
  const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
  if (fileName === undefined) {
    params[name] = data.toString('utf8');
    return;
  }
  const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
  const file: RecordedFile = { field: name, fileName, contentType, size: data.length, data: Buffer.from(data) };
  files.push(file);
  params[name] = { fileName, contentType, size: data.length };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function listenOnLoopback(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no TCP address'));
      resolve(address.port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** POSTs a JSON body to a webhook URL and returns the HTTP status. */
export async function postWebhook(url: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}
