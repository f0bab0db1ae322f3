// The editor's tables as a finance officer uses them at 1280 px: the indicator table with every
// column readable without scrolling sideways, the keyboard of a spreadsheet, and a keystroke in a
// 200-indicator evaluation re-rendering only the rows it changes; the fund block with its 其中
// groups and the computed 执行率 beside the entered one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluation,
  demoUnit,
  haveBrowser,
  login,
  startPlatform,
  textWhenThere,
  type Platform,
} from './harness.ts';

describe.skipIf(!haveBrowser)('editor tables at 1280 px', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform({ width: 1280, height: 800 });
    await login(p, demoUnit(p).filer);
  }, 180_000);
  afterAll(async () => p?.close());

  it('shows 偏差原因 and the actions without sideways scrolling; keys move like a spreadsheet', async () => {
    const { page } = p;
    await createEvaluation(p, 2031);
    await page.getByRole('tab', { name: '绩效指标' }).click();
    await page.getByRole('button', { name: /生成指标框架/ }).click();
    for (const name of ['办文数量', '办会数量'])
      await page
        .getByRole('button', { name: '在 数量指标 下添加指标' })
        .click()
        .then(() => page.getByLabel('指标名称 新指标').fill(name));

    // Typed key by key in the middle of a cell: every character lands where the caret is.
    const actual = page.getByLabel('办文数量 实际完成值', { exact: true });
    await actual.fill('120件');
    await actual.press('Home');
    await page.keyboard.type('约1');
    await expect.poll(() => actual.inputValue()).toBe('约1120件');
    await actual.fill('');

    // Layout: the table fits its box, the reason box is wide enough to read, the actions show.
    const layout = await page.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('.indicator-grid-wrap');
      const reason = document.querySelector<HTMLElement>(
        'textarea[aria-label="办文数量 偏差原因"]',
      );
      const del = document.querySelector<HTMLElement>('button[aria-label="删除 办文数量"]');
      return {
        overflow: (wrap?.scrollWidth ?? 0) - (wrap?.clientWidth ?? 0),
        reasonWidth: reason?.getBoundingClientRect().width ?? 0,
        deleteRight: del?.getBoundingClientRect().right ?? Infinity,
        viewport: window.innerWidth,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.reasonWidth).toBeGreaterThanOrEqual(200);
    expect(layout.deleteRight).toBeLessThanOrEqual(layout.viewport);

    // ↓ in a score cell moves to the next row's score and leaves the number as typed.
    const score1 = page.getByLabel('办文数量 得分', { exact: true });
    const score2 = page.getByLabel('办会数量 得分', { exact: true });
    await score1.fill('3.5');
    await score1.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('办会数量 得分');
    expect(await score1.inputValue()).toBe('3.50');
    await score2.fill('4');
    await score2.press('ArrowUp');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('办文数量 得分');
    expect(await score2.inputValue()).toBe('4.00');
    expect(await score1.inputValue()).toBe('3.50');
    // Enter moves down in the same column, past the rows that have no such cell.
    await page.getByLabel('办文数量 实际完成值', { exact: true }).fill('120件');
    await page.getByLabel('办文数量 实际完成值', { exact: true }).press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('办会数量 实际完成值');

    // Tab goes across the editable cells only: no stop on the row's buttons.
    await page.getByLabel('办文数量 年度指标值', { exact: true }).focus();
    const stops: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
      );
    }
    expect(stops).toEqual([
      '办文数量 实际完成值',
      '办文数量 度量单位',
      '办文数量 得分',
      '办文数量 偏差原因',
      '指标名称 办会数量',
      '办会数量 分值',
    ]);
  }, 120_000);

  it('收支情况 groups the parts under the total and shows the computed 执行率 beside the entered one', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '收支情况' }).click();
    const labels = await page.locator('[data-testid^="fund-label-"]').allTextContents();
    expect(labels).toEqual([
      '年度资金总额',
      '一般公共预算',
      '政府性基金拨款',
      '纳入专户管理的非税收入拨款',
      '其他资金',
      '基本支出',
      '项目支出',
    ]);
    const groups = await page.locator('.fund-group-row').allTextContents();
    expect(groups).toEqual(['其中：按资金来源', '其中：按支出用途']);
    // The parts sit under their group, after the total.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('tr')]
        .map(
          (tr) =>
            /^(年度资金总额|其中：按资金来源|其中：按支出用途|一般公共预算|基本支出)/.exec(
              tr.textContent ?? '',
            )?.[1],
        )
        .filter((t) => t !== undefined),
    );
    expect(order).toEqual([
      '年度资金总额',
      '其中：按资金来源',
      '一般公共预算',
      '其中：按支出用途',
      '基本支出',
    ]);

    await page.getByLabel('年度资金总额 全年预算数').fill('600.01');
    await page.getByLabel('年度资金总额 全年执行数').fill('570.17');
    await page.getByLabel('年度资金总额 执行率').fill('95.03');
    const rate = page.getByTestId('fund-rate-total');
    await expect.poll(() => rate.textContent()).toBe('95.03%');
    expect(await rate.getAttribute('class')).not.toContain('computed-differs');
    await page.getByLabel('年度资金总额 执行率').fill('96.00');
    await expect.poll(() => rate.getAttribute('class')).toContain('computed-differs');
    expect(await rate.textContent()).toBe('95.03%');
    // A row without both amounts has nothing to compute.
    expect(await page.getByTestId('fund-rate-basic').textContent()).toBe('—');
  }, 60_000);

  it('a keystroke in a 200-indicator evaluation re-renders only the rows it changes', async () => {
    const { page, base } = p;
    await page.goto(`${base}/#/bench`);
    await page.getByRole('button', { name: '运行编辑器输入基准' }).click();
    const text = await textWhenThere(page, '[data-testid="typing-result"]');
    const r = JSON.parse(text ?? '{}') as {
      leaves: number;
      keystrokes: number;
      medianMs: number;
      p95Ms: number;
      settledMedianMs: number;
      rowRenders: number;
      baselineMedianMs: number;
    };
    console.log(
      `[typing] ${r.leaves} indicators: median ${r.medianMs} ms (bare input ${r.baselineMedianMs} ms), ` +
        `p95 ${r.p95Ms} ms, with re-score ${r.settledMedianMs} ms, ${r.rowRenders} rows rendered`,
    );
    expect(r.leaves).toBe(201);
    expect(r.keystrokes).toBeGreaterThanOrEqual(50);
    // The typed leaf and its two groups, for the text and again for the new scores (a render
    // React restarts counts twice); not the 230 rows of the whole tree, twice, as before.
    expect(r.rowRenders).toBeGreaterThanOrEqual(1);
    expect(r.rowRenders).toBeLessThanOrEqual(20);
  }, 180_000);
});
