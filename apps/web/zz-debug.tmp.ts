import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '@jixiao/server';
const tmp = mkdtempSync(join(tmpdir(), 'jx-dbg-'));
const server = await startServer({
  target: { sqliteFile: join(tmp, 'd.db') },
  port: 0,
  demo: true,
  demoPassword: 'jixiao-demo',
  webDist: join(process.cwd(), 'apps/web/dist'),
});
const ctx = await chromium.launchPersistentContext(join(tmp, 'p'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
  viewport: { width: 1440, height: 900 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.on('console', (m) => console.log('console:', m.text()));
page.on('response', (r) => {
  if (r.status() >= 400) console.log('HTTP', r.status(), r.url());
});
await page.goto(`${server.url}/#/login`);
await page.getByLabel('用户名').fill(process.argv[2] ?? 'admin');
await page.getByLabel('密码').fill('jixiao-demo');
await page.getByRole('button', { name: '登录', exact: true }).click();
await page.getByTestId('current-user').waitFor();
for (const route of (process.argv[3] ?? '/admin').split(',')) {
  await page.goto(`${server.url}/#${route}`);
  await page.waitForTimeout(2500);
  if (process.argv[4]) {
    await page.getByRole('tab', { name: process.argv[4] }).click();
    await page.waitForTimeout(1500);
    console.log(await page.getByRole('tabpanel').locator('.ant-table-row').count());
  }
  await page.screenshot({ path: `/tmp/dbg${route.replace(/\W/g, '_')}.png` });
}
await ctx.close();
await server.close();
