// Nothing typed into a form's 监控数据 is lost: another save made meanwhile does not drop the
// typing (the user is told, in Chinese, the text stays, and it is saved over the other version on
// request or dropped for it); typing left unsaved by the menu is back, said so, when the page is
// opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, login, startPlatform, type Platform } from './harness.ts';

// A demo bureau of the 2025 chain whose targets are approved: it is in the 7月31日 round.
const FILER = 'filer-d05';
const UNIT = '示范市农业农村局';
const EXPLANATION = '执行进度偏差原因及纠偏措施';

interface Report {
  version: number;
  figures: { executionExplanation?: string } & Record<string, unknown>;
}

describe.skipIf(!haveBrowser)(
  'nothing typed into the monitoring data is lost',
  { timeout: 180_000 },
  () => {
    let p: Platform;
    let reportUrl = '';
    let api = '';

    beforeAll(async () => {
      p = await startPlatform();
      const { page, base } = p;
      await login(p, FILER);
      await page.goto(`${base}/#/monitoring`);
      await page.getByRole('link', { name: '2025年7月31日' }).click();
      await page.getByRole('row').filter({ hasText: UNIT }).getByRole('link').first().click();
      await page.waitForURL(/#\/monitoring\/[^/]+\/[^/]+$/);
      reportUrl = page.url();
      const [round, form] = reportUrl.split('#/monitoring/')[1]?.split('/') ?? [];
      api = `${base}/api/monitoring/rounds/${round}/forms/${form}`;
      await page.getByLabel(EXPLANATION).waitFor();
    }, 240_000);

    afterAll(async () => {
      await p?.close();
    });

    const serverReport = async (): Promise<Report> =>
      (await (await p.page.request.get(api)).json()) as Report;

    it('a save made elsewhere meanwhile: the user is told, the text stays and is saved on request', async () => {
      const { page } = p;
      const typed = '采购合同9月签订，款项第四季度支付。\n已督促供应商提前交货。';
      await page.getByLabel(EXPLANATION).fill(typed);
      const me = (await (await page.request.get(`${p.base}/api/me`)).json()) as {
        csrfToken: string;
      };
      const before = await serverReport();
      const other = await page.request.put(api, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          version: before.version,
          figures: { ...before.figures, executionExplanation: '别处保存的说明' },
        },
      });
      expect(other.ok()).toBe(true);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      const conflict = page.getByTestId('monitoring-conflict');
      await expect
        .poll(() => conflict.textContent())
        .toContain(
          `他人已保存了新版本（第${before.version + 1}版），您的修改尚未保存，仍保留在下方`,
        );
      expect(await page.getByLabel(EXPLANATION).inputValue()).toBe(typed);
      expect((await serverReport()).figures.executionExplanation).toBe('别处保存的说明');
      await conflict.getByRole('button', { name: '以我的修改保存为新版本' }).click();
      await expect
        .poll(async () => (await serverReport()).figures.executionExplanation)
        .toBe(typed);
      await expect.poll(() => page.getByTestId('monitoring-conflict').count()).toBe(0);
      expect((await serverReport()).version).toBe(before.version + 2);
      // Saved: opened again, the page shows the server's text and nothing is restored.
      await page.reload();
      await expect.poll(() => page.getByLabel(EXPLANATION).inputValue()).toBe(typed);
      expect(await page.getByTestId('monitoring-restored').count()).toBe(0);
    });

    it('dropping the typing for the other version loads it', async () => {
      const { page } = p;
      await page.getByLabel(EXPLANATION).fill('不要的修改');
      const me = (await (await page.request.get(`${p.base}/api/me`)).json()) as {
        csrfToken: string;
      };
      const before = await serverReport();
      await page.request.put(api, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          version: before.version,
          figures: { ...before.figures, executionExplanation: '另一人的说明' },
        },
      });
      await page.getByRole('button', { name: '保存', exact: true }).click();
      const conflict = page.getByTestId('monitoring-conflict');
      await conflict.waitFor();
      await conflict.getByRole('button', { name: '放弃我的修改，载入新版本' }).click();
      await expect.poll(() => page.getByLabel(EXPLANATION).inputValue()).toBe('另一人的说明');
      expect((await serverReport()).figures.executionExplanation).toBe('另一人的说明');
      await page.reload();
      await expect.poll(() => page.getByLabel(EXPLANATION).inputValue()).toBe('另一人的说明');
      expect(await page.getByTestId('monitoring-restored').count()).toBe(0);
    });

    it('leaving by the menu with typing unsaved gives it back, said so, when the page is opened again', async () => {
      const { page } = p;
      await page.getByLabel(EXPLANATION).fill('尚未保存的说明');
      await page.getByRole('menuitem', { name: '绩效目标' }).click();
      await page.getByRole('button', { name: '新建绩效目标' }).waitFor();
      await page.goto(reportUrl);
      await expect.poll(() => page.getByLabel(EXPLANATION).inputValue()).toBe('尚未保存的说明');
      await page.getByTestId('monitoring-restored').waitFor();
      expect((await serverReport()).figures.executionExplanation).toBe('另一人的说明');
    });

    it('a reviewer’s requirement that fails to send stays in its dialog, to send again', async () => {
      const { page } = p;
      // The unit reports 1万元 spent: the execution light is red, which the reviewer decides on.
      const me = (await (await page.request.get(`${p.base}/api/me`)).json()) as {
        csrfToken: string;
      };
      const before = await serverReport();
      const saved = await page.request.put(api, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          version: before.version,
          figures: { ...before.figures, executed: { fen: 1_000_000, unit: '万元', text: '1' } },
        },
      });
      expect(saved.ok()).toBe(true);
      await login(p, 'reviewer');
      await page.goto(reportUrl);
      await page.getByRole('button', { name: '要求整改' }).first().click();
      const dialog = page.getByRole('dialog');
      const typed = '9月底前执行进度达到70%，按月报送。';
      await dialog.getByLabel('整改要求').fill(typed);
      // The first send is lost on the way: the dialog stays, with the text.
      let failed = 0;
      await page.route('**/decisions', async (route) => {
        failed += 1;
        await route.abort();
      });
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => failed).toBe(1);
      await page.getByText('无法连接服务器').first().waitFor();
      expect(await dialog.getByLabel('整改要求').inputValue()).toBe(typed);
      await page.unroute('**/decisions');
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.getByText(`要求整改：${typed}`).first().waitFor();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });
  },
);
