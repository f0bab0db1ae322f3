// The reviewer's loop on findings in the browser: the reviewer confirms two findings and
// dismisses one with a reason and returns the report; the filer fixes one and explains the other;
// the head resubmits; the reviewer sees 已整改 with the version that fixed it and the explanation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '@jixiao/documents';
import { ROOT, demoUnit, haveBrowser, login, startPlatform, type Platform } from './harness.ts';

/** The clean Hunan fixture with a wrong 执行率 and a leaf score above its weight. */
function faultyBody(unitName: string, year: number): Record<string, unknown> {
  const body = JSON.parse(
    readFileSync(join(ROOT, 'fixtures', 'evaluations', 'clean-hunan-department.json'), 'utf8'),
  ) as {
    meta: Record<string, unknown>;
    funds: { total: Record<string, unknown> };
    indicators: { children: { children: { score: number }[] }[] }[];
  };
  body.meta = { ...body.meta, unitName, year };
  body.funds.total['statedRate'] = { value: 95, decimals: 0, text: '95%' };
  const leaf = body.indicators[1]?.children[0]?.children[0];
  if (leaf === undefined) throw new Error('fixture changed');
  leaf.score = 11;
  return body;
}

describe.skipIf(!haveBrowser)('decisions on findings', { timeout: 180_000 }, () => {
  let p: Platform;
  let unit = '';
  let filer = '';
  let head = '';
  let id = '';

  beforeAll(async () => {
    p = await startPlatform();
    ({ unit, filer, head } = demoUnit(p, 2));
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  /** A write through the page's session (with its CSRF token). */
  const send = async (method: 'post' | 'put', url: string, data: unknown) => {
    const me = (await (await p.page.request.get(`${p.base}/api/me`)).json()) as {
      csrfToken: string;
      user: { departmentId: string };
    };
    const res = await p.page.request[method](`${p.base}${url}`, {
      data: data as Record<string, unknown>,
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return { json: (await res.json()) as Record<string, unknown>, me };
  };

  const panel = () => p.page.getByTestId('findings-panel');
  const item = (code: string) => panel().locator(`[data-finding-code="${code}"]`).first();

  it('a reviewer confirms two findings and dismisses one, the unit answers, the reviewer sees the result', async () => {
    const { page, base } = p;
    await login(p, filer);
    const me = (await (await page.request.get(`${base}/api/me`)).json()) as {
      user: { departmentId: string };
    };
    const created = await send('post', '/api/evaluations', {
      departmentId: me.user.departmentId,
      year: 2019,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: faultyBody(unit, 2019),
    });
    id = String(created.json['id']);
    await login(p, head);
    await send('post', `/api/evaluations/${id}/transitions`, { action: 'submit' });

    // The reviewer decides on three findings.
    await login(p, 'reviewer');
    await page.goto(`${base}/#/review/${id}`);
    await item('RATIO_COMPLETION')
      .getByRole('button', { name: /^确认问题/ })
      .click();
    let modal = page.locator('.ant-modal').filter({ hasText: '确认为问题，要求整改' });
    await modal.getByLabel('整改期限').fill('2030-06-30');
    await modal.getByRole('button', { name: '确认', exact: true }).click();
    await item('RATIO_COMPLETION').getByTestId('confirmed-note').waitFor();

    await item('SCORE_SUBTOTAL')
      .getByRole('button', { name: /^确认问题/ })
      .click();
    modal = page.locator('.ant-modal').filter({ hasText: '确认为问题，要求整改' });
    await modal.getByLabel('整改要求').fill('核实数量指标各项得分并更正小计');
    await modal.getByRole('button', { name: '确认', exact: true }).click();
    await item('SCORE_SUBTOTAL').getByTestId('confirmed-note').waitFor();

    await item('SCORE_OVER_WEIGHT')
      .getByRole('button', { name: /^不是问题/ })
      .click();
    modal = page.locator('.ant-modal').filter({ hasText: '认定为不是问题' });
    const dismiss = modal.getByRole('button', { name: '认定为不是问题' });
    await expect(dismiss.isDisabled()).resolves.toBe(true);
    await modal.getByLabel('不是问题的理由').fill('该项分值经财政局批准调增');
    await dismiss.click();
    // Collapsed, out of the counts.
    await panel().getByText('不是问题（1，不计入统计）').waitFor();
    await expect(panel().locator('[data-finding-status="dismissed"]').count()).resolves.toBe(0);

    // The 审核意见书 lists the two confirmed findings, what to correct and by when.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('opinion-download').click(),
    ]);
    const saved = join(p.tmp, 'opinion.docx');
    await download.saveAs(saved);
    const read = readDocument(new Uint8Array(readFileSync(saved)), 'opinion.docx');
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain(`关于${unit}2019年度绩效自评报告的审核意见`);
    expect(text).toContain('发现以下2个问题须予整改');
    expect(text).toContain('整改要求：核实数量指标各项得分并更正小计');
    expect(text).toContain('请于2030年6月30日前完成');
    expect(text).not.toContain('该项分值经财政局批准调增');

    await page.getByLabel('总体意见').fill('请按审核意见整改');
    await page.getByRole('button', { name: '退回修改' }).click();
    await expect
      .poll(() => page.getByTestId('status-tag').textContent(), { timeout: 15_000 })
      .toBe('已退回');

    // Submitting with the confirmed findings still there asks for their explanation first.
    await login(p, head);
    await page.goto(`${base}/#/evaluations/${id}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    const ask = page.locator('.ant-modal').filter({ hasText: '提交前请说明未整改的问题' });
    await ask
      .getByText(/下级指标得分合计/)
      .first()
      .waitFor();
    await expect(ask.getByLabel('情况说明 2').count()).resolves.toBe(1);
    await ask.getByRole('button', { name: '取消' }).click();

    // The filer fixes the 执行率 and explains the subtotal.
    await login(p, filer);
    await page.goto(`${base}/#/evaluations/${id}`);
    await item('SCORE_SUBTOTAL').getByTestId('confirmed-note').waitFor();
    await item('SCORE_SUBTOTAL').getByRole('button', { name: '填写情况说明' }).click();
    modal = page.locator('.ant-modal').filter({ hasText: '情况说明' });
    await modal.getByLabel('情况说明内容').fill('小计按批准调增后的分值计算，已附批复文件');
    await modal.getByRole('button', { name: '保存' }).click();
    await item('SCORE_SUBTOTAL').getByText('情况说明：小计按批准调增后的分值计算').waitFor();
    await page.getByRole('tab', { name: '收支情况' }).click();
    await page.getByLabel('年度资金总额 执行率').fill('100');
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');
    // Saved: the version that fixed it is named.
    await page
      .getByTestId('fixed-findings')
      .getByText(/已整改（第 \d+ 版）/)
      .waitFor();

    await login(p, head);
    await page.goto(`${base}/#/evaluations/${id}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => page.getByTestId('status-tag').textContent(), { timeout: 15_000 })
      .toBe('已提交');

    // The reviewer sees the fix with its version, and the explanation.
    await login(p, 'reviewer');
    await page.goto(`${base}/#/review/${id}`);
    const fixed = page.getByTestId('fixed-findings');
    await fixed.getByText(/已整改（第 \d+ 版）/).waitFor();
    await item('SCORE_SUBTOTAL').getByText('小计按批准调增后的分值计算').waitFor();

    // The unit head's dashboard shows the unit's rectification at a glance.
    await login(p, head);
    await page.goto(`${base}/#/dashboard`);
    await page.locator('#dash-year').fill('2019');
    await page.locator('#dash-year').press('Enter');
    const card = page.getByTestId('rectification-card');
    await card.locator('.ant-table-row').filter({ hasText: unit }).waitFor();
    await expect
      .poll(() => card.locator('.ant-table-row').first().textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`${unit}2110`));

    // The administrator sees the dismissed check flagged.
    await login(p, 'admin');
    await page.goto(`${base}/#/admin`);
    await page.getByRole('tab', { name: '检查可信度' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '得分超过分值' });
    await row.getByText('误报偏多').waitFor();
    await row.getByText('该项分值经财政局批准调增').waitFor();
  });

  it('a reviewer dismisses a batch-audited finding, and the next audit of the same report keeps it dismissed', async () => {
    const { page, base } = p;
    const report = join(ROOT, '..', 'shared', 'corpus', '000_1b4dc649ed6af86d.txt');
    await login(p, 'reviewer');
    /** Audits the report in a new job; the sum of its row's counts. */
    const audit = async (): Promise<number> => {
      await page.goto(`${base}/#/audit`);
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles([report]);
      await page.getByRole('button', { name: '开始审查' }).click();
      await expect
        .poll(() => page.getByTestId('audit-progress').textContent(), { timeout: 60_000 })
        .toBe('1 / 1');
      return rowTotal();
    };
    const rowTotal = async (): Promise<number> => {
      const tags = await page
        .locator('.ant-table-row')
        .first()
        .locator('.ant-tag')
        .allTextContents();
      return tags
        .map(Number)
        .filter((n) => Number.isFinite(n))
        .reduce((a, b) => a + b, 0);
    };
    const before = await audit();
    expect(before).toBeGreaterThan(0);
    await page.locator('.ant-table-row').first().locator('a').first().click();
    const drawer = page.locator('.ant-drawer');
    const first = drawer.locator('[data-finding-status="open"]').first();
    const message = (await first.getAttribute('aria-label')) ?? '';
    await first.getByRole('button', { name: /^不是问题/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '认定为不是问题' });
    await modal.getByLabel('不是问题的理由').fill('口径不同，经核实无误');
    await modal.getByRole('button', { name: '认定为不是问题' }).click();
    await drawer.getByText('不是问题（1，不计入统计）').waitFor();
    await page.locator('.ant-drawer-close').click();
    await expect.poll(rowTotal, { timeout: 15_000 }).toBe(before - 1);

    // Next year's run of the same report: dismissed again, out of the counts.
    expect(await audit()).toBe(before - 1);
    await page.locator('.ant-table-row').first().locator('a').first().click();
    await drawer.getByText('不是问题（1，不计入统计）').click();
    await expect(
      drawer.locator('[data-finding-status="dismissed"]').first().getAttribute('aria-label'),
    ).resolves.toBe(message);
    await drawer.getByText('不是问题：口径不同，经核实无误').first().waitFor();
  });
});
