import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findActiveMembership, listAudit } from '../../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { freePort, launchChromium, type Browser } from '../../support/browser.js';
import { ADMIN, LEADER, OFFICER_TP, seedCamThanh } from '../../support/web-data.js';

// The done-when story of the web pages, in Debian's Chromium: from /web on the Telegram fake to sign-out.

let fake: FakeTelegram;
let t: TestApp;
let browser: Browser;
let base: string;
const SHOTS = process.env.WEB_SCREENSHOTS ? 'docs/screenshots' : undefined;

beforeAll(async () => {
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({
    env: {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PORT: String(port),
      PUBLIC_URL: base,
      ADMINS: `console:admin,telegram:${ADMIN}`,
    },
    appOptions: {
      telegramBotInfo: {
        ...BOT_USER,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      },
      pollTimeoutSec: 1,
    },
  });
  await seedCamThanh(t);
  await t.app.start();
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await fake?.close();
});

/** Types /web in a private chat on the Telegram fake and returns the link the bot sent. */
async function linkFor(userId: number, name: string): Promise<string> {
  const before = fake.sentTo(userId).length;
  fake.pushUpdate(fake.privateText(userId, '/web', { firstName: name }));
  const reply = await fake.waitFor(
    (c) =>
      c.method === 'sendMessage' && String(c.params.chat_id) === String(userId) && fake.sentTo(userId).length > before,
  );
  const url = /(http:\/\/\S+\/web\/login\/\S+)/.exec(String(reply.params.text))?.[1];
  expect(url, String(reply.params.text)).toBeDefined();
  return url!;
}

async function signIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/web/login'));
}

const cells = (page: Page, column: number) =>
  page.locator(`table.table tbody tr td:nth-child(${column})`).allInnerTexts();

describe('the web pages in Chromium', () => {
  it('a leader signs in from /web, sees who is missing in Cẩm Thành for 2026, sorts, opens an agency, downloads the workbook, signs out, and cannot reuse the link', async () => {
    const link = await linkFor(LEADER, 'Phạm Lãnh Đạo');
    const page = await browser.context.newPage();
    await signIn(page, link);
    expect(new URL(page.url()).pathname).toBe('/web/n/cam-thanh');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Xã Cẩm Thành');
    await expect.poll(() => page.locator('main').innerText()).toContain('Kỳ: năm 2026 · Hạn nộp: 13/12/2026');
    expect(await page.locator('.figures').innerText()).toContain('Đã nộp 1/5');
    expect(await page.locator('.chart svg').count()).toBe(1);

    // The missing ones, by the status filter (a GET form: it works without script).
    await page.getByLabel('Tình trạng').selectOption('missing');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/status=missing/);
    const missing = await cells(page, 1);
    expect(missing).toEqual([
      'VP UBND xã',
      'Công chức Tư pháp',
      'Công chức Tài chính - Kế toán',
      'Ban, ngành, đơn vị xã',
    ]);
    expect(await cells(page, 2)).toEqual(missing.map(() => 'Chưa nộp'));

    // Sorting: by activities, most first, keeps the filter in the links.
    await page.getByRole('link', { name: 'Tình trạng' }).click();
    await page.goto(`${base}/web/n/cam-thanh`);
    await page.getByRole('link', { name: /^Hoạt động/ }).click();
    await page.waitForURL(/sort=activities&dir=asc/);
    await page.getByRole('link', { name: /^Hoạt động/ }).click();
    await page.waitForURL(/sort=activities&dir=desc/);
    expect((await cells(page, 1))[0]).toBe('BTG Đảng ủy');
    expect((await cells(page, 6))[0]).toBe('2');
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('Hoạt động');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/web-network-desktop.png`, fullPage: true });

    // One agency: tasks with their sections, the activity log of the period, the report versions.
    await page.getByRole('link', { name: 'BTG Đảng ủy' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Ban Tuyên giáo Đảng ủy');
    const agency = await page.locator('main').innerText();
    expect(agency).toContain('Mục II.1');
    expect(agency).toContain('Tập huấn cán bộ thôn');
    expect(agency).toMatch(/Lần 1: số \S+, nộp lúc 08:30 02\/11\/2026/);
    expect(agency).toMatch(/Lần 2: số \S+, nộp lúc 15:00 10\/11\/2026/);
    await page.getByRole('link', { name: /^Lần 1/ }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Nội dung như khi nộp');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/web-report-desktop.png`, fullPage: true });

    // The workbook /xuat makes, as a download.
    await page.goto(`${base}/web/n/cam-thanh`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tong-hop-cam-thanh-2026\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const text = workbook.worksheets.map((s) => s.getSheetValues().flat().join(' ')).join(' ');
    expect(text).toContain('Công chức Tư pháp');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Đã đăng xuất');
    await page.goto(`${base}/web/n/cam-thanh`);
    expect(await page.locator('h1').innerText()).toBe('Chưa đăng nhập');
    await page.goto(link);
    expect(await page.locator('main').innerText()).toContain('Liên kết này đã được dùng');
    const actions = (await listAudit(t.app.db, 100)).map((a) => a.action);
    expect(actions).toContain('web.signin');
    expect(actions).toContain('web.signout');
    await page.close();
  });

  it('reads on a 360 px phone without sideways scrolling, each page under 100 KB', async () => {
    const phone = await launchChromium({ width: 360, height: 740 });
    try {
      const page = await phone.context.newPage();
      await signIn(page, await linkFor(LEADER, 'Phạm Lãnh Đạo'));
      for (const path of ['/web/n/cam-thanh', '/web/n/cam-thanh/a/ban-tuyen-giao']) {
        const response = await page.goto(`${base}${path}`);
        expect((await response!.body()).length).toBeLessThan(100 * 1024);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        const name = path.includes('/a/') ? 'agency' : 'network';
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/web-${name}-phone.png`, fullPage: true });
      }
    } finally {
      await phone.close();
    }
  });

  it('an officer sees only their own agency; a forged or expired link gets a clear page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/web/login/${'A'.repeat(43)}`);
    expect(await page.locator('main').innerText()).toContain('Liên kết này không đúng');
    const stale = await linkFor(OFFICER_TP, 'Lê Thị Hoa');
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    await page.goto(stale);
    expect(await page.locator('main').innerText()).toContain('đã hết hạn');

    await signIn(page, await linkFor(OFFICER_TP, 'Lê Thị Hoa'));
    expect(new URL(page.url()).pathname).toBe('/web/n/cam-thanh/a/cong-chuc-tu-phap');
    const other = await page.goto(`${base}/web/n/cam-thanh/a/ban-tuyen-giao`);
    expect(other!.status()).toBe(403);
    expect(await page.locator('main').innerText()).toContain('Bạn chỉ xem được cơ quan của mình');
    expect((await page.goto(`${base}/web/n/cam-thanh`))!.status()).toBe(403);
    expect((await page.goto(`${base}/web/n/cam-thanh/tai/xlsx`))!.status()).toBe(403);
    await page.close();
  });

  it('an admin removes an officer from the page, through /xoacanbo, and the officer loses the agency at once', async () => {
    const officerPage = await browser.context.newPage();
    await signIn(officerPage, await linkFor(OFFICER_TP, 'Lê Thị Hoa'));
    const admin = await launchChromium();
    try {
      const page = await admin.context.newPage();
      await signIn(page, await linkFor(ADMIN, 'Quản Trị'));
      await page.goto(`${base}/web/quantri?network=cam-thanh`);
      expect(await page.locator('main').innerText()).toContain('Cơ quan và đầu mối');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/web-admin-desktop.png`, fullPage: true });
      await page.getByRole('button', { name: 'Xóa đầu mối Lê Thị Hoa' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Kết quả');
      expect(await page.locator('main').innerText()).toContain('Lê Thị Hoa');
      const audit = (await listAudit(t.app.db, 100)).find(
        (a) => a.action.startsWith('membership') && a.action.includes('end'),
      );
      expect(audit).toBeDefined();
      expect(await findActiveMembership(t.app.db, Number(audit!.detail.membershipId ?? 0))).toBeUndefined();
    } finally {
      await admin.close();
    }
    const refused = await officerPage.goto(`${base}/web/n/cam-thanh/a/cong-chuc-tu-phap`);
    expect(refused!.status()).toBe(403);
    await officerPage.close();
  });
});
