// The whole year in the browser: a filer files 绩效目标 (a check on a target fires and is fixed),
// the head submits, the reviewer approves; the mid-year monitoring round shows a red light that
// the unit explains, and the reviewer sees the unit's lights on the dashboard; the year-end
// self-evaluation starts pre-filled from the targets and the monitoring figures; a target changed
// in it gives the finding, which the reviewer confirms on the review page.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/domain';
import { haveBrowser, login, logout, serverBody, startPlatform, type Platform } from './harness.ts';

// A demo bureau outside the demo's own 2025 chain (D01–D06): it starts the year with nothing.
const FILER = 'filer-d07';
const HEAD = 'head-d07';
const UNIT = '示范市人力资源和社会保障局';

describe.skipIf(!haveBrowser)('the whole year', { timeout: 180_000 }, () => {
  let p: Platform;
  let targetUrl = '';
  let evaluationId = '';

  beforeAll(async () => {
    p = await startPlatform();
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  it('the filer files the targets, a check fires and is fixed; the head submits; the reviewer approves', async () => {
    const { page, base } = p;
    await login(p, FILER);
    await page.getByRole('menuitem', { name: '绩效目标' }).click();
    await page.getByRole('button', { name: '新建绩效目标' }).click();
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await page.getByLabel('评价指标体系', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /湖南/ }).first().click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/targets\/[^/]+$/);
    targetUrl = page.url();

    await page.getByLabel('年度总体目标').fill('社保业务全程网办，办结率稳步提高，基金安全运行。');
    await page.getByLabel('年度资金总额').fill('1000');
    await page.getByRole('button', { name: '添加一级指标' }).click();
    await page.getByRole('button', { name: '添加一级指标' }).click();
    await page.getByLabel('一级指标名称').nth(0).fill('预算执行率');
    await page.getByLabel('预算执行率分值').fill('10');
    await page.getByLabel('一级指标名称').nth(1).fill('产出指标');
    await page.getByLabel('产出指标分值').fill('90');
    await page.getByRole('button', { name: '下级' }).nth(1).click();
    await page.getByLabel('二级指标名称').fill('数量指标');
    await page.getByLabel('数量指标分值').fill('90');
    await page.getByRole('button', { name: '下级' }).nth(2).click();
    await page.getByLabel('三级指标名称').fill('社保业务办结率');
    await page.getByLabel('社保业务办结率分值').fill('90');
    const findings = page.getByTestId('target-findings');
    await page.getByLabel('社保业务办结率年度指标值').fill('=105%');
    await findings.getByText('超过100%，该比率不可能超过100%').waitFor();
    await page.getByLabel('社保业务办结率年度指标值').fill('≥98%');
    await expect.poll(() => findings.getByText('超过100%').count()).toBe(0);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    await logout(p);

    await login(p, HEAD);
    await page.goto(targetUrl);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交审核').first().waitFor();
    await logout(p);

    await login(p, 'reviewer');
    await page.goto(`${base}/#/targets`);
    await page.getByRole('row').filter({ hasText: UNIT }).getByRole('link').click();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已批复', { exact: true }).first().waitFor();
    // No internal code reaches the page.
    expect(await page.locator('body').innerText()).not.toMatch(/TARGET_|hunan-department/);
    await logout(p);
  });

  it('the mid-year round shows a red light, the unit explains it, the reviewer sees the lights', async () => {
    const { page, base } = p;
    await login(p, FILER);
    await page.goto(`${base}/#/monitoring`);
    // The thresholds come from the rulebook data and are stated on the page.
    await expect
      .poll(() => page.getByTestId('monitoring-thresholds').textContent())
      .toContain('10至20个百分点为黄灯，超过20个百分点为红灯');
    await page.getByRole('link', { name: '2025年7月31日' }).click();
    await page.getByRole('row').filter({ hasText: UNIT }).getByRole('link').click();
    await page.getByLabel('截至监控日执行数').fill('200');
    await page.getByLabel('全年预计执行数').fill('950');
    await page.getByLabel('社保业务办结率截至目前完成值').fill('90%');
    // 20% executed when 58% of the year has gone: red; 90% against ≥98%: yellow.
    await page.locator('[data-light="red"]').first().waitFor();
    await page.getByText('有 1 项红灯尚未说明偏差原因及纠偏措施').waitFor();
    expect(await page.locator('[data-light="yellow"]').count()).toBeGreaterThan(0);
    await page
      .getByLabel('执行进度偏差原因及纠偏措施')
      .fill('社保信息系统采购合同9月签订，款项在第四季度支付。');
    await expect.poll(() => page.getByText('红灯尚未说明').count()).toBe(0);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存监控数据').first().waitFor();
    await logout(p);

    await login(p, 'reviewer');
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    const lights = page.getByTestId('monitoring-lights');
    await lights.getByText(UNIT).waitFor();
    await expect(
      lights.getByRole('row').filter({ hasText: UNIT }).locator('[data-light="red"]').count(),
    ).resolves.toBe(1);
    await logout(p);
  });

  it('the year-end self-evaluation starts pre-filled; a changed target gives the finding the reviewer confirms', async () => {
    const { page, base } = p;
    await login(p, FILER);
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '从绩效目标开始' }).click();
    await page.getByLabel('已批复的绩效目标').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: '2025年度部门整体绩效目标' })
      .click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/);
    evaluationId = page.url().split('/').pop() ?? '';
    const body = (await serverBody(p, evaluationId)) as unknown as Evaluation;
    expect(body.funds.total?.budget?.fen).toBe(1_000_000_000);
    expect(body.funds.total?.executed?.fen).toBe(200_000_000);
    const leaf = body.indicators[1]?.children?.[0]?.children?.[0];
    expect(leaf?.name).toBe('社保业务办结率');
    expect(leaf?.target?.text).toBe('≥98%');
    expect(leaf?.evidence).toBe('绩效运行监控时完成：90%');

    await page.getByRole('tab', { name: '绩效指标' }).click();
    await page.getByLabel('社保业务办结率 年度指标值').fill('≥90%');
    await page
      .getByTestId('findings-panel')
      .getByText('审核通过的绩效目标为≥98%，目标值被改动')
      .waitFor();
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');
    await logout(p);

    await login(p, HEAD);
    await page.goto(`${base}/#/evaluations/${evaluationId}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已提交');
    await logout(p);

    await login(p, 'reviewer');
    await page.goto(`${base}/#/review/${evaluationId}`);
    await page.getByText('目标值被改动').first().waitFor();
    // The reviewer confirms it as a problem to fix, as any finding, on the review page.
    const changed = page
      .getByTestId('findings-panel')
      .locator('[data-finding-code="TARGET_VALUE_CHANGED"]')
      .first();
    await changed.getByRole('button', { name: /^确认问题/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '确认为问题，要求整改' });
    await modal
      .getByLabel('整改要求')
      .fill('年度指标值应与批复的绩效目标一致（≥98%），如确需调整应先办理目标调整');
    await modal.getByRole('button', { name: '确认', exact: true }).click();
    await changed.getByTestId('confirmed-note').waitFor();
    const decisions = await page.request.get(`${base}/api/evaluations/${evaluationId}/decisions`);
    const items = ((await decisions.json()) as { items: { code: string; state: string }[] }).items;
    expect(items).toContainEqual(
      expect.objectContaining({ code: 'TARGET_VALUE_CHANGED', state: 'confirmed' }),
    );
  });

  it("the 绩效目标表 downloads as Excel and Word, and the Excel file imports as next year's draft", async () => {
    const { page } = p;
    await login(p, FILER);
    await page.goto(targetUrl);
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/绩效目标表\.docx$/);
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载 Excel/ }).click(),
    ]);
    const path = await excel.path();
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('button', { name: '新建绩效目标' }).click();
    await page.getByLabel('年度', { exact: true }).fill('2026');
    await page.getByLabel('绩效目标表文件').setInputFiles({
      name: '2025年度绩效目标表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile(path),
    });
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/targets\/[^/]+$/);
    expect(page.url()).not.toBe(targetUrl);
    await expect(page.getByLabel('社保业务办结率年度指标值').inputValue()).resolves.toBe('≥98%');
    await expect(page.getByLabel('年度总体目标').inputValue()).resolves.toContain('全程网办');
    await page.getByText('2026年度部门整体绩效目标').first().waitFor();
  });

  it('a 目标调整 after approval shows what it changes and needs its reason', async () => {
    const { page } = p;
    await login(p, FILER);
    await page.goto(targetUrl);
    await page.getByLabel('社保业务办结率年度指标值').fill('≥96%');
    const changes = page.getByTestId('target-changes');
    await changes
      .getByRole('row')
      .filter({ hasText: '≥98%' })
      .filter({ hasText: '≥96%' })
      .waitFor();
    await page.getByRole('button', { name: '调整目标' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '调整已批复的绩效目标' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('请填写调整理由').first().waitFor();
    await dialog.getByLabel('调整理由').fill('省级考核口径调整，办结率目标相应下调。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('目标调整审核中，当前仍以第2版批复目标为准').waitFor();
    await page.getByText('调整理由：省级考核口径调整，办结率目标相应下调。').waitFor();
    await changes.getByText('“社保业务办结率”年度指标值').waitFor();
  });
});
