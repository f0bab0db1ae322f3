// The report says what the unit entered: the editor shows where the entered scores differ from
// the computed ones and offers to adopt them; the preview, the downloaded .docx, the reviewer's
// view and the public pages state the entered total, grade and scores, in one outline numbered
// in Chinese, with no internal key, no computed column and no annotation.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext } from 'playwright-core';
import { readDocument } from '@jixiao/documents';
import {
  PASSWORD,
  createEvaluation,
  demoUnit,
  haveBrowser,
  login,
  serverBody,
  startPlatform,
  type Platform,
} from './harness.ts';

const SHOTS = process.env.JIXIAO_TEST_SHOTS;

describe.skipIf(!haveBrowser)('the report says what the unit entered', { timeout: 120_000 }, () => {
  let p: Platform;
  let unit = '';
  let filer = '';
  let head = '';
  let id = '';

  beforeAll(async () => {
    p = await startPlatform();
    ({ unit, filer, head } = demoUnit(p));
    await login(p, filer);
    id = await createEvaluation(p, 2033);
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  const saved = () =>
    expect
      .poll(() => p.page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');

  it('the editor shows where entered and computed scores differ and adopts the computed ones', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '绩效指标' }).click();
    await page.getByRole('button', { name: /生成指标框架/ }).click();
    await page.getByRole('button', { name: '在 数量指标 下添加指标' }).click();
    await page.getByLabel('指标名称 新指标').fill('办文数量');
    await page.getByLabel('办文数量 分值').fill('10');
    await page.getByLabel('办文数量 年度指标值').fill('≥100件');
    await page.getByLabel('办文数量 实际完成值').fill('90件');
    await page.getByLabel('办文数量 得分').fill('9.5');
    await page.getByLabel('办文数量 偏差原因').fill('部分来文合并办理。');
    await page.getByLabel('自评总分（填报）').fill('92.98');
    await page.getByLabel('自评等级（填报）').fill('优');
    const differences = page.getByTestId('score-differences');
    await differences.waitFor();
    await expect
      .poll(() => differences.textContent(), { timeout: 15_000 })
      .toContain('总分填报 92.98 分');
    await expect.poll(() => differences.textContent(), { timeout: 15_000 }).toContain('1 个指标');

    // Per indicator: 采用 puts the computed 9 in place of the entered 9.5.
    await page.getByRole('button', { name: '办文数量 采用计算得分' }).click();
    await expect.poll(() => page.getByLabel('办文数量 得分').inputValue()).toBe('9.00');
    // Re-scoring runs at a deferred priority: on a loaded machine it may take a few seconds.
    await expect.poll(() => differences.textContent(), { timeout: 15_000 }).not.toContain('个指标');
    await page.getByLabel('办文数量 得分').fill('9.5');
    await saved();
  });

  it('the preview states the entered figures, in one outline, with no internal key', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '报告文字' }).click();
    await page.getByLabel('开篇说明（标题后、第一章前）').fill('本单位高度重视绩效自评工作。');
    await page.getByLabel('一般公共预算支出情况：补充说明').fill('本年无预算调整。');
    await page.getByRole('button', { name: '预览报告' }).click();
    const preview = page.getByRole('article', { name: '报告预览' });
    await preview.locator('h1').waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'preview.png'), fullPage: true });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('得分92.98分，评价等级为“优”');
    expect(text).toContain('本单位高度重视绩效自评工作。');
    expect(text).not.toMatch(/opening|budget|计算得分|按指标体系计算|补充说明/);
    const headings = await preview.locator('h2').allTextContents();
    const chapters = headings.filter((h) => /^[一二三四五六七八九十]+、/.test(h));
    expect(chapters.filter((h) => h.includes('一般公共预算支出情况'))).toHaveLength(1);
    expect(chapters.length).toBeGreaterThanOrEqual(10);
    // Chinese numbering throughout, consecutive: 一、二、…十、十一、
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    chapters.forEach((h, i) => expect(h.startsWith(`${numerals[i]}、`)).toBe(true));
    const row = preview.locator('tr').filter({ hasText: '办文数量' });
    await expect(row.locator('td').allTextContents()).resolves.toContain('9.5');
    await page.locator('.ant-drawer-close').click();
  });

  it('the downloaded .docx states the entered total, grade and score', async () => {
    const res = await p.page.request.get(`${p.base}/api/evaluations/${id}/export.docx`);
    expect(res.ok()).toBe(true);
    const read = readDocument(new Uint8Array(await res.body()), 'report.docx');
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('得分92.98分，评价等级为“优”');
    const row = read.document.blocks
      .flatMap((b) => b.rows ?? [])
      .find((r) => r.cells.includes('办文数量'));
    expect(row?.cells).toContain('9.5');
  });

  it('the reviewer and the public see the entered figures; adopting the computed total works', async () => {
    // The head submits, the reviewer approves and publishes (through the API: not under test here).
    const as = async (username: string): Promise<[APIRequestContext, string]> => {
      const api = await request.newContext({ baseURL: p.base });
      const r = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
      const { csrfToken } = (await r.json()) as { csrfToken: string };
      return [api, csrfToken];
    };
    const move = async (username: string, action: string) => {
      const [api, csrf] = await as(username);
      const r = await api.post(`/api/evaluations/${id}/transitions`, {
        data: { action, ...(action === 'publish' ? { comment: '同意公开' } : {}) },
        headers: { 'x-csrf-token': csrf },
      });
      expect(r.status(), await r.text()).toBe(200);
      await api.dispose();
    };
    await move(head, 'submit');

    await login(p, 'reviewer');
    await p.page.goto(`${p.base}/#/review/${id}`);
    const review = p.page.getByRole('article', { name: '报告预览' });
    await review.locator('h1').waitFor();
    await expect(review.textContent()).resolves.toContain('得分92.98分');
    await expect(review.textContent()).resolves.not.toMatch(/计算得分|按指标体系计算|opening/);

    await move('reviewer', 'approve');
    await move('reviewer', 'publish');
    await p.page.goto(`${p.base}/#/public`);
    await p.page.getByLabel('搜索单位或标题').fill(unit);
    await p.page.getByLabel('搜索单位或标题').press('Enter');
    const item = p.page.locator('.item-list-item').filter({ hasText: '2033' }).first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('自评得分 92.98');
    await item.getByRole('link').first().click();
    const page = p.page.getByRole('article', { name: '报告预览' });
    await page.locator('h1').waitFor();
    const text = (await page.textContent()) ?? '';
    expect(text).toContain('得分92.98分，评价等级为“优”');
    expect(text).not.toMatch(/opening|计算得分|按指标体系计算/);
    if (SHOTS) await p.page.screenshot({ path: join(SHOTS, 'public.png'), fullPage: true });
  });

  it('the filer can adopt the computed total for the next year', async () => {
    await login(p, filer);
    const next = await createEvaluation(p, 2034);
    await p.page.getByRole('tab', { name: '绩效指标' }).click();
    await p.page.getByRole('button', { name: /生成指标框架/ }).click();
    await p.page.getByLabel('自评总分（填报）').fill('99');
    await p.page.getByRole('button', { name: '总分采用计算得分' }).click();
    await expect.poll(() => p.page.getByTestId('score-differences').count()).toBe(0);
    const computed = await p.page.getByTestId('header-computed').textContent();
    await expect
      .poll(async () => (await serverBody(p, next)).stated, { timeout: 15_000 })
      .toMatchObject({ total: Number(computed) });
  });
});
