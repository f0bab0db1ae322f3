// Print / PDF of a report and supporting documents (证明材料): a filer downloads the report as
// PDF from the editor (the Word report converted, stating the entered figures, no internal key),
// attaches files to an indicator and to the evaluation (a renamed file is refused in Chinese),
// the reviewer sees them read-only, and once published the public sees the PDF and the files
// marked public, and no others.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'playwright-core';
import { SAMPLE_PNG, samplePdf } from '@jixiao/services/attachment-samples';
import {
  PASSWORD,
  createEvaluation,
  demoUnit,
  haveBrowser,
  login,
  type Platform,
  startPlatform,
} from './harness.ts';

const FILE_INPUT = 'input[type=file][aria-label="选择证明材料文件"]';
const haveLibreOffice = spawnSync('soffice', ['--version']).status === 0;
const PDF = Buffer.from(samplePdf('资金拨付凭证'));
const PNG = Buffer.from(SAMPLE_PNG);

describe.skipIf(!haveBrowser)('print and supporting documents', { timeout: 300_000 }, () => {
  let p: Platform;
  let unit = '';
  let filer = '';
  let head = '';
  let id = '';

  beforeAll(async () => {
    p = await startPlatform();
    ({ unit, filer, head } = demoUnit(p));
    await login(p, filer);
    id = await createEvaluation(p, 2035);
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  const saved = () =>
    expect
      .poll(() => p.page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');

  it.skipIf(!haveLibreOffice)(
    'the editor downloads the report as PDF, with the entered figures and no internal key',
    async () => {
      const { page } = p;
      await page.getByRole('tab', { name: '绩效指标' }).click();
      await page.getByRole('button', { name: /生成指标框架/ }).click();
      await page.getByLabel('自评总分（填报）').fill('92.98');
      await page.getByLabel('自评等级（填报）').fill('优');
      await saved();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 180_000 }),
        page.getByRole('button', { name: /下载 PDF/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = await download.path();
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain(unit);
      expect(text).toContain('得分92.98分，评价等级为“优”');
      expect(text).not.toMatch(/hunan-department|indicators\[|计算得分|按指标体系计算|opening/);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const print = page.getByRole('link', { name: /打印/ });
      await expect(print.getAttribute('href')).resolves.toBe(
        `/api/evaluations/${id}/export.pdf?inline=1`,
      );
      await expect(print.getAttribute('target')).resolves.toBe('_blank');
    },
  );

  it('an indicator row takes a supporting document and shows its count; a renamed file is refused', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '绩效指标' }).click();
    if ((await page.getByLabel('指标名称 预算执行率').count()) === 0)
      await page.getByRole('button', { name: /生成指标框架/ }).click();
    await page.getByRole('button', { name: '预算执行率 的证明材料（0）' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '证明材料：预算执行率' });
    await drawer.locator(FILE_INPUT).setInputFiles({
      name: '资金拨付凭证.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await drawer.getByRole('link', { name: '下载 资金拨付凭证.pdf' }).waitFor();
    await drawer.locator(FILE_INPUT).setInputFiles({
      name: '合同.pdf',
      mimeType: 'application/pdf',
      buffer: PNG,
    });
    await expect(drawer.getByRole('alert').textContent()).resolves.toContain(
      '文件内容不是PDF，与扩展名不符：合同.pdf',
    );
    // Five bytes that only begin like a JPEG are no picture a reviewer could open.
    await drawer.locator(FILE_INPUT).setInputFiles({
      name: '现场.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]),
    });
    await expect
      .poll(() => drawer.getByRole('alert').textContent())
      .toContain('文件不完整或已损坏，无法作为JPG 图片打开：现场.jpg');
    await expect(drawer.getByRole('row').count()).resolves.toBe(2); // header + one file
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.locator('.ant-drawer-close'))
      .first()
      .click();
    await page.getByRole('button', { name: '预算执行率 的证明材料（1）' }).waitFor();
  });

  it('the 证明材料 tab lists them all, uploads for the evaluation, marks public and deletes', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '证明材料（1）' }).click();
    const panel = page.getByRole('region', { name: '证明材料' });
    await panel.getByText('随报告公开').click();
    await panel.locator(FILE_INPUT).setInputFiles([
      { name: '现场照片.png', mimeType: 'image/png', buffer: PNG },
      { name: '多余.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await panel.getByRole('link', { name: '下载 多余.pdf' }).waitFor();
    await page.getByRole('tab', { name: '证明材料（3）' }).waitFor();
    const row = (name: string) => panel.getByRole('row').filter({ hasText: name });
    await expect(row('资金拨付凭证.pdf').textContent()).resolves.toContain('预算执行率');
    await expect(row('现场照片.png').textContent()).resolves.toContain('整份自评');
    await expect(
      panel.getByRole('switch', { name: '现场照片.png 随报告公开' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    // The 多余 file goes public by mistake: switched back, then deleted.
    await panel.getByRole('switch', { name: '多余.pdf 随报告公开' }).click();
    await expect
      .poll(() =>
        panel.getByRole('switch', { name: '多余.pdf 随报告公开' }).getAttribute('aria-checked'),
      )
      .toBe('false');
    await panel.getByRole('button', { name: '删除 多余.pdf' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByRole('tab', { name: '证明材料（2）' }).waitFor();
    const served = await page.request.get(`${p.base}/api/evaluations/${id}/attachments`);
    const names = ((await served.json()) as { items: { fileName: string }[] }).items.map(
      (i) => i.fileName,
    );
    expect(names).toEqual(['资金拨付凭证.pdf', '现场照片.png']);
  });

  it('the reviewer sees the files read-only; the public sees the PDF and the public file only', async () => {
    const move = async (username: string, action: string) => {
      const api = await request.newContext({ baseURL: p.base });
      const r = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
      const { csrfToken } = (await r.json()) as { csrfToken: string };
      const t = await api.post(`/api/evaluations/${id}/transitions`, {
        data: { action, ...(action === 'publish' ? { comment: '同意公开' } : {}) },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(t.status(), await t.text()).toBe(200);
      await api.dispose();
    };
    await move(head, 'submit');
    await login(p, 'reviewer');
    const { page } = p;
    await page.goto(`${p.base}/#/review/${id}`);
    await page.getByRole('tab', { name: '证明材料' }).click();
    const panel = page.getByRole('region', { name: '证明材料' });
    await panel.getByRole('link', { name: '下载 资金拨付凭证.pdf' }).waitFor();
    await expect(panel.getByRole('button', { name: /删除/ }).count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: '上传证明材料' }).count()).resolves.toBe(0);
    const href = await panel
      .getByRole('link', { name: '下载 资金拨付凭证.pdf' })
      .getAttribute('href');
    const file = await page.request.get(`${p.base}${href ?? ''}`);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

    await move('reviewer', 'approve');
    await move('reviewer', 'publish');
    await page.goto(`${p.base}/#/public/${id}`);
    await page.getByRole('article', { name: '报告预览' }).locator('h1').waitFor();
    const files = page.locator('.ant-card').filter({ hasText: '证明材料' });
    await files.getByRole('link', { name: '下载 现场照片.png' }).waitFor();
    await expect(files.textContent()).resolves.not.toContain('资金拨付凭证');
    await expect(page.getByRole('link', { name: /打印/ }).getAttribute('href')).resolves.toBe(
      `/api/public/reports/${id}/report.pdf?inline=1`,
    );
    const anonymous = await request.newContext({ baseURL: p.base });
    const hidden = await anonymous.get(`/api/evaluations/${id}/attachments`);
    expect(hidden.status()).toBe(401);
    await anonymous.dispose();
  });
});
