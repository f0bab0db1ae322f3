// Nothing typed into a 绩效目标表 is lost: a filer types and leaves by the menu, and the typing
// is back (said so) when the form is opened again; another save made meanwhile does not drop the
// typing either: the user is told, the text stays, and it is saved as a new version on request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, login, startPlatform, type Platform } from './harness.ts';

// A demo bureau outside the demo's own chain: it starts the year with nothing.
const FILER = 'filer-d08';

describe.skipIf(!haveBrowser)(
  'nothing typed into a target form is lost',
  { timeout: 180_000 },
  () => {
    let p: Platform;
    let targetUrl = '';
    let id = '';

    beforeAll(async () => {
      p = await startPlatform();
      const { page } = p;
      await login(p, FILER);
      await page.getByRole('menuitem', { name: '绩效目标' }).click();
      await page.getByRole('button', { name: '新建绩效目标' }).click();
      await page.getByLabel('年度', { exact: true }).fill('2036');
      await page.getByLabel('评价指标体系', { exact: true }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: /湖南/ }).first().click();
      await page.getByRole('button', { name: '创建' }).click();
      await page.waitForURL(/#\/targets\/[^/]+$/);
      targetUrl = page.url();
      id = targetUrl.slice(targetUrl.lastIndexOf('/') + 1);
    }, 240_000);

    afterAll(async () => {
      await p?.close();
    });

    const goal = () => p.page.getByLabel('年度总体目标');
    async function serverGoal(): Promise<{ version: number; goal: unknown }> {
      const rec = (await (await p.page.request.get(`${p.base}/api/targets/${id}`)).json()) as {
        version: number;
        body: { overallGoal?: unknown };
      };
      return { version: rec.version, goal: rec.body.overallGoal };
    }

    it('leaving by the menu with typing unsaved gives it back, said so, when the form is opened again', async () => {
      const { page } = p;
      await goal().fill('第一版目标');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存').first().waitFor();
      await expect.poll(async () => (await serverGoal()).goal).toBe('第一版目标');
      await goal().fill('尚未保存的目标\n第二行');
      await page.getByRole('menuitem', { name: '绩效目标' }).click();
      await page.getByRole('button', { name: '新建绩效目标' }).waitFor();
      await page.goto(targetUrl);
      await expect.poll(() => goal().inputValue()).toBe('尚未保存的目标\n第二行');
      await page.getByTestId('target-restored').waitFor();
      expect((await serverGoal()).goal).toBe('第一版目标');
    });

    it('a save made elsewhere meanwhile: the user is told, the text stays and is saved on request', async () => {
      const { page } = p;
      const me = (await (await page.request.get(`${p.base}/api/me`)).json()) as {
        csrfToken: string;
      };
      const rec = (await (await page.request.get(`${p.base}/api/targets/${id}`)).json()) as {
        version: number;
        body: Record<string, unknown>;
      };
      const other = await page.request.put(`${p.base}/api/targets/${id}`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { version: rec.version, body: { ...rec.body, overallGoal: '别处保存的目标' } },
      });
      expect(other.ok()).toBe(true);
      await page.getByRole('button', { name: '保存' }).click();
      const conflict = page.getByTestId('target-conflict');
      await expect
        .poll(() => conflict.textContent())
        .toContain(`他人已保存了新版本（第${rec.version + 1}版），您的修改尚未保存，仍保留在下方`);
      expect(await goal().inputValue()).toBe('尚未保存的目标\n第二行');
      await conflict.getByRole('button', { name: '以我的修改保存为新版本' }).click();
      await expect.poll(async () => (await serverGoal()).goal).toBe('尚未保存的目标\n第二行');
      await expect.poll(() => page.getByTestId('target-conflict').count()).toBe(0);
      // Saved: opened again, the form shows the server's text and nothing is restored.
      await page.reload();
      await expect.poll(() => goal().inputValue()).toBe('尚未保存的目标\n第二行');
      expect(await page.getByTestId('target-restored').count()).toBe(0);
    });
  },
);
