// What the browser tests and the browser benchmark (bench/typing.ts) share: the app built into a
// folder of its own (so test files running side by side never write the same dist), the platform
// on a fresh SQLite file with the demo data, and Debian's chromium driven by playwright-core with
// a fresh profile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '@jixiao/server';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const ROOT = resolve(WEB, '..', '..');
export const PASSWORD = 'jixiao-demo';
export const haveBrowser = existsSync(CHROMIUM);

export interface Platform {
  tmp: string;
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  base: string;
  close(): Promise<void>;
}

/** Builds the web app, starts the demo platform and a browser of the given width. */
export async function startPlatform(viewport = { width: 1440, height: 900 }): Promise<Platform> {
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  const dist = join(tmp, 'dist');
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', dist],
    { cwd: WEB, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  const server = await startServer({
    target: { sqliteFile: join(tmp, 'web.db') },
    port: 0,
    demo: true,
    demoPassword: PASSWORD,
    webDist: dist,
  });
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  return {
    tmp,
    server,
    context,
    page,
    base: server.url,
    async close() {
      await context.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * The text of the element `selector` once it is there, looked for once a second: a locator's own
 * wait polls the page far more often, which would compete with a measurement running in it.
 */
export async function textWhenThere(page: Page, selector: string, timeout = 120_000) {
  const found = await page.waitForFunction(
    (s) => document.querySelector(s)?.textContent ?? null,
    selector,
    { polling: 1000, timeout },
  );
  return String(await found.jsonValue());
}

/** Logs in through the login page (logging out first when someone is logged in). */
export async function login(p: Platform, username: string, password = PASSWORD): Promise<void> {
  const { page, base } = p;
  await page.goto(`${base}/#/login`);
  if (await page.getByTestId('current-user').isVisible()) await logout(p);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Waits for a dialog titled exactly `title` (a bulk action's result, say). When the page shows an
 * error message instead, or nothing comes within `timeout`, it fails at once with what the page
 * does show (dialog titles, messages), so a failure on a loaded machine says why.
 */
export async function dialogTitled(page: Page, title: string, timeout = 60_000): Promise<void> {
  const wanted = page.locator('.ant-modal-title').filter({ hasText: title });
  const error = page.locator('.ant-message-error');
  const seen = async () => {
    const titles = await page.locator('.ant-modal-title').allTextContents();
    const messages = await page.locator('.ant-message-notice').allTextContents();
    return `dialogs: ${JSON.stringify(titles)}; messages: ${JSON.stringify(messages)}`;
  };
  const first = await Promise.race([
    wanted.waitFor({ timeout }).then(() => 'wanted' as const),
    error
      .first()
      .waitFor({ timeout })
      .then(() => 'error' as const),
  ]).catch(() => 'timeout' as const);
  if (first === 'wanted') return;
  throw new Error(
    `dialog “${title}” ${first === 'error' ? 'not shown, an error instead' : `not shown within ${timeout} ms`}; ${await seen()}`,
  );
}

/** Reloads the page when a test left a dialog open, so the next test starts on a clear page. */
export async function closeStrayDialogs(p: Platform): Promise<void> {
  if ((await p.page.locator('.ant-modal-wrap:visible').count()) > 0) await p.page.reload();
}

export async function logout(p: Platform): Promise<void> {
  await p.page.getByRole('button', { name: '退出登录' }).click();
  await p.page.getByLabel('用户名').waitFor();
}

/** A demo department with both a filer and a head: its name and their usernames. */
export function demoUnit(p: Platform, skip = 0): { unit: string; filer: string; head: string } {
  const accounts = p.server.demoAccounts ?? [];
  const filers = accounts.filter(
    (a) =>
      a.role === 'filer' &&
      accounts.some((h) => h.role === 'head' && h.departmentName === a.departmentName),
  );
  const f = filers[skip];
  if (!f?.departmentName) throw new Error('no demo filer');
  const unit = f.departmentName;
  const head = accounts.find((h) => h.role === 'head' && h.departmentName === unit)?.username;
  return { unit, filer: f.username, head: head ?? '' };
}

/** The evaluation as the server has it now (the page's session). */
export async function serverBody(p: Platform, id: string): Promise<Record<string, unknown>> {
  const res = await p.page.request.get(`${p.base}/api/evaluations/${id}`);
  if (!res.ok()) throw new Error(`GET evaluation ${id}: ${res.status()}`);
  const rec = (await res.json()) as { body: Record<string, unknown> };
  return rec.body;
}

/** Opens the "新建自评" dialog, creates an empty evaluation of `year` and returns its id. */
export async function createEvaluation(p: Platform, year: number): Promise<string> {
  const { page, base } = p;
  await page.goto(`${base}/#/evaluations`);
  await page.getByRole('button', { name: '新建自评' }).click();
  await page.getByLabel('年度', { exact: true }).last().fill(String(year));
  await page.getByLabel('指标体系', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: /湖南/ }).first().click();
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/#\/evaluations\/[^/]+$/);
  const id = page.url().split('/').pop() ?? '';
  if (!id) throw new Error('no evaluation id');
  return id;
}
