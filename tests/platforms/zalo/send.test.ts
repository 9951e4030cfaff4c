import { afterEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../../src/platforms/zalo/client.js';
import { renderZaloReply, sendZaloReplies, textParts } from '../../../src/platforms/zalo/send.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const choices = [
  { id: 'a', label: 'Sở Tư pháp' },
  { id: 'b', label: 'Sở Nội vụ' },
];

describe('Zalo rendering', () => {
  it('appends choices as a numbered list with a hint to answer by number', () => {
    const [text] = textParts('Bạn là đầu mối của cơ quan nào?', choices);
    expect(text).toBe(
      'Bạn là đầu mối của cơ quan nào?\n\n1. Sở Tư pháp\n2. Sở Nội vụ\nTrả lời bằng số thứ tự (ví dụ: 1) hoặc gõ đúng nội dung lựa chọn.',
    );
  });

  it('keeps the numbered list whole in its own message when the text fills the last part', () => {
    const parts = textParts(`${'a'.repeat(1500)}\n\n${'b'.repeat(1990)}`, choices);
    expect(parts.map((p) => p.length)).toEqual([1500, 1990, expect.any(Number)]);
    expect(parts[2]).toMatch(/^1\. Sở Tư pháp\n2\. Sở Nội vụ/);
  });

  it('cuts a paragraph longer than 2,000 characters at a word boundary', () => {
    const parts = textParts('chữ '.repeat(1200).trim(), []);
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.startsWith('chữ') && part.endsWith('chữ')).toBe(true);
    }
  });

  it('without PUBLIC_URL says how to get the file on Telegram or the console', async () => {
    const out = await renderZaloReply({
      text: 'Báo cáo tổng hợp',
      file: { kind: 'document', fileName: 'bao-cao.docx', data: PNG },
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('gõ lại lệnh này trên Telegram') });
    expect((out[0] as { text: string }).text).toContain('bao-cao.docx');
  });
});

describe('files on Zalo through expiring links (PUBLIC_URL set)', () => {
  async function start() {
    fake = await startFakeZalo();
    t = await createTestApp({ env: { PUBLIC_URL: 'https://daumoi.example.vn/' } });
    await t.app.start();
    const client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot });
    const local = (url: string) => url.replace('https://daumoi.example.vn', `http://127.0.0.1:${t!.app.port}`);
    return { client, local, app: t };
  }

  it('sends a chart as a photo whose URL serves the PNG until it expires', async () => {
    const { client, local, app } = await start();
    await sendZaloReplies(
      client,
      'u1',
      [
        {
          text: 'Tình hình nộp báo cáo',
          file: { kind: 'photo', fileName: 'tinh-hinh.png', data: PNG, caption: 'Biểu đồ' },
        },
      ],
      app.app.services.publishFile,
    );
    const [photo, text] = fake!.sentTo('u1');
    expect(photo?.method).toBe('sendPhoto');
    expect(photo?.params.caption).toBe('Biểu đồ');
    const url = String(photo?.params.photo);
    expect(url).toMatch(/^https:\/\/daumoi\.example\.vn\/files\/[A-Za-z0-9_-]{43}$/);
    expect(text?.params.text).toBe('Tình hình nộp báo cáo');
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    app.clock.now = new Date(app.clock.now.getTime() + 24 * 3_600_000 + 1000);
    expect((await fetch(local(url))).status).toBe(404);
  });

  it('sends a document as a link in the text, downloaded under its Vietnamese file name', async () => {
    const { client, local, app } = await start();
    const data = Buffer.from('PK fake docx');
    await sendZaloReplies(
      client,
      'u2',
      [{ text: 'Dự thảo báo cáo', file: { kind: 'document', fileName: 'Báo cáo quý IV.docx', data } }],
      app.app.services.publishFile,
    );
    const [message] = fake!.sentTo('u2');
    const text = String(message?.params.text);
    expect(text).toContain('Dự thảo báo cáo');
    expect(text).toContain('hết hạn sau 24 giờ');
    const url = /https:\/\/\S+/.exec(text)![0];
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Bao_cao_quy_IV.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20IV.docx`,
    );
    expect(Buffer.from(await res.arrayBuffer())).toEqual(data);
    expect((await fetch(local(`${url.slice(0, -3)}xyz`))).status).toBe(404);
    expect((await fetch(local('https://daumoi.example.vn/files/short'))).status).toBe(404);
  });
});
