import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createHttpServer, defaultHttpLimits, listen } from '../../src/http/server.js';
import { createHealthRoutes } from '../../src/http/health.js';
import { createWebhookRoutes } from '../../src/http/webhook.js';

let server: Server | undefined;
const log = pino({ level: 'silent' });
let handled = 0;

let worked = 0;

const route = createWebhookRoutes({
  path: '/hook',
  authorize: (header) => header('x-secret') === 'right',
  handle: async () => {
    handled++;
    return { status: 200, after: async () => void worked++ };
  },
});

async function start(limits = defaultHttpLimits): Promise<number> {
  handled = 0;
  worked = 0;
  server = createHttpServer([route], log, limits);
  return listen(server, 0, '127.0.0.1');
}

afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** Sends raw bytes and resolves with whatever the server answered before closing the connection. */
function raw(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const request = (secret: string, length: number, type = 'application/json') =>
  `POST /hook HTTP/1.1\r\nHost: x\r\nX-Secret: ${secret}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;

describe('the HTTP server checks before it reads', () => {
  it('answers 401 to a wrong secret without waiting for the announced body', async () => {
    const port = await start();
    // 10 MB announced, none sent: the answer comes from the headers alone, and the connection is closed.
    const answer = await raw(port, request('wrong', 10_000_000));
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(handled).toBe(0);
  });

  it('answers 413 to an announced body over the cap, and to a body that grows past it', async () => {
    const port = await start({ ...defaultHttpLimits, maxBodyBytes: 1000 });
    expect(await raw(port, request('right', 5000), 'x'.repeat(100))).toMatch(/^HTTP\/1\.1 413/);
    const chunked =
      'POST /hook HTTP/1.1\r\nHost: x\r\nX-Secret: right\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = `${(2000).toString(16)}\r\n${'y'.repeat(2000)}\r\n0\r\n\r\n`;
    expect(await raw(port, chunked, chunk)).toMatch(/^HTTP\/1\.1 413/);
    expect(handled).toBe(0);
  });

  it('answers 415 to a webhook body that is not JSON', async () => {
    const port = await start();
    expect(await raw(port, request('right', 2, 'text/plain'), '{}')).toMatch(/^HTTP\/1\.1 415/);
    expect(handled).toBe(0);
  });

  it('serves the right secret with a JSON body', async () => {
    const port = await start();
    const answer = await raw(port, request('right', 2).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'), '{}');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('{"ok":true}');
    expect(handled).toBe(1);
    await expect.poll(() => worked).toBe(1);
  });

  it('cuts off a request whose body never finishes', async () => {
    const port = await start({ ...defaultHttpLimits, requestTimeoutMs: 300, headersTimeoutMs: 200 });
    const answer = await raw(port, request('right', 100), '{"a":');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(handled).toBe(0);
  });

  it('caps the number of open connections', async () => {
    await start();
    expect(server!.maxConnections).toBe(defaultHttpLimits.maxConnections);
  });
});

describe('HOST', () => {
  it('binds to loopback when no webhook is configured, to every interface for a webhook, or to HOST', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    const webhook = {
      TELEGRAM_BOT_TOKEN: '123456:ABC-def_ghi',
      TELEGRAM_WEBHOOK_URL: 'https://x.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'abcdefgh',
    };
    expect(loadConfig(webhook).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    const port = await start();
    expect((server!.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
  });
});

describe('route groups', () => {
  it('mounts the groups other parts hand in, and answers 404 in JSON to anything else', async () => {
    server = createHttpServer(
      [route, createHealthRoutes({ pendingMigrations: async () => 0, roles: () => ({}) })],
      log,
    );
    const port = await listen(server, 0, '127.0.0.1');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const missing = await fetch(`http://127.0.0.1:${port}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false });
    expect((await fetch(`http://127.0.0.1:${port}/hook`)).status).toBe(404);
  });
});
