// A finding of a PDF opens its original page with the box outlined: on the import dialog (the
// page drawn from the kept original) and on the batch-audit page (the band kept with the result);
// a finding of a photo (.jpg) the same way, the photo upright as its EXIF orientation says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { DepartmentEvaluation } from '@jixiao/domain';
import { departmentReportBlocks, resolveOptions } from '@jixiao/documents';
import { blocksToText } from '../../../packages/services/src/audit/testing/render-text.ts';
import {
  grayImagePdf,
  installed,
  pdfPageGray,
  printTextToPdf,
  quarterTurnLeft,
  withExifOrientation,
} from '../../../packages/services/src/read/testing/office-fixtures.ts';
import { firstLoadSize } from './first-load.ts';
import { demoUnit, haveBrowser, login, ROOT, startPlatform, type Platform } from './harness.ts';

const tools = haveBrowser && installed('soffice') && installed('pdftoppm', ['-v']);

/** What the picture shows: its size, and how many of its pixels are the outline's red. */
async function seen(picture: Locator): Promise<{ width: number; height: number; red: number }> {
  await picture.waitFor();
  return picture.evaluate(async (node) => {
    const img = node as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    if (!g) return { width: 0, height: 0, red: 0 };
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let red = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === 212 && data[i + 1] === 56 && data[i + 2] === 13) red++;
    return { width: img.naturalWidth, height: img.naturalHeight, red };
  });
}

describe.skipIf(!tools)('pictures of the original page in the browser', () => {
  let p: Platform;
  let pdf = '';
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-pictures-'));
  beforeAll(async () => {
    const evaluation = DepartmentEvaluation.parse(
      JSON.parse(
        readFileSync(join(ROOT, 'fixtures/evaluations/clean-hunan-department.json'), 'utf8'),
      ),
    );
    const text = blocksToText(
      departmentReportBlocks(evaluation, undefined, resolveOptions({ figures: 'stated' })),
    );
    const file = join(dir, '政府办自评报告.txt');
    writeFileSync(file, text.replace('占基本支出的80.00%', '占基本支出的83.00%'));
    pdf = printTextToPdf([file], dir, dir)[0] ?? '';
    p = await startPlatform();
  }, 300_000);
  afterAll(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the viewer out of the first load', () => {
    const dist = join(p.tmp, 'dist');
    const chunks = readdirSync(join(dist, 'assets')).filter((f) => /^page-picture-/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    const first = firstLoadSize(dist).files;
    expect(first.some((f) => /page-picture-/.test(f))).toBe(false);
  });

  it('an imported PDF: a finding opens its page with the box outlined', async () => {
    const { page, base } = p;
    await login(p, demoUnit(p).filer);
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '导入文件' }).click();
    await page.locator('.ant-modal .ant-upload-drag input[type=file]').setInputFiles(pdf);
    const findings = page.getByTestId('import-findings');
    await findings.waitFor({ timeout: 60_000 });
    const share = findings.locator('.item-list-item').filter({ hasText: '83.00%' });
    await share.getByRole('button', { name: /查看原页面/ }).click();
    const shown = await seen(page.getByTestId('page-picture'));
    // The whole A4 page at 96 dpi, the outline drawn on it.
    expect([shown.width, shown.height]).toEqual([794, 1123]);
    expect(shown.red).toBeGreaterThan(200);
    await page.getByText(/^原文第 \d+ 页$/).waitFor();
    // Leave no dialog open for the next test.
    await page.reload();
  }, 120_000);

  it('a batch-audited PDF: a finding opens the band of its page kept with the result', async () => {
    const { page, base } = p;
    // A new session for the reviewer (the filer's ends with its cookie).
    await p.context.clearCookies();
    await page.goto(`${base}/#/login`);
    await page.reload();
    await login(p, 'reviewer');
    await page.goto(`${base}/#/audit`);
    await page.locator('.ant-upload-drag input[type=file]').setInputFiles([pdf]);
    await page.getByRole('button', { name: '开始审查' }).click();
    await expect
      .poll(() => page.getByTestId('audit-progress').textContent(), { timeout: 120_000 })
      .toBe('1 / 1');
    await page.locator('.ant-table-row').first().locator('a').first().click();
    const panel = page.locator('.ant-drawer').getByTestId('findings-panel');
    await panel.waitFor();
    const share = panel.locator('.item-list-item').filter({ hasText: '83.00%' });
    await share.getByRole('button', { name: /查看原页面/ }).click();
    const shown = await seen(page.getByTestId('page-picture'));
    expect(shown.width).toBe(794);
    expect(shown.height).toBeLessThan(700);
    expect(shown.red).toBeGreaterThan(200);
  }, 180_000);

  it.skipIf(!installed('tesseract', ['--list-langs']))(
    'a batch-audited photo taken sideways: the band of the upright page, the finding outlined',
    async () => {
      const { page, base } = p;
      // The page with the wrong share, photographed with the phone held sideways: the pixels
      // stored a quarter turned, the EXIF orientation saying how to show them.
      const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const number = texts.split('\f').findIndex((t) => t.includes('83.00%')) + 1;
      expect(number).toBeGreaterThan(0);
      const turned = quarterTurnLeft(pdfPageGray(pdf, number, 300, join(dir, 'photo-page')));
      writeFileSync(join(dir, 'turned.pdf'), grayImagePdf([turned], 300));
      execFileSync('pdftoppm', [
        ...['-r', '300', '-gray', '-jpeg', '-singlefile'],
        ...[join(dir, 'turned.pdf'), join(dir, 'turned')],
      ]);
      const photo = join(dir, '自评报告照片.jpg');
      writeFileSync(photo, withExifOrientation(readFileSync(join(dir, 'turned.jpg')), 6));
      await page.goto(`${base}/#/audit`);
      await page.reload();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles([photo]);
      await page.getByRole('button', { name: '开始审查' }).click();
      await expect
        .poll(() => page.getByTestId('audit-progress').textContent(), { timeout: 180_000 })
        .toBe('1 / 1');
      await page
        .locator('.ant-table-row')
        .filter({ hasText: '自评报告照片' })
        .locator('a')
        .first()
        .click();
      const panel = page.locator('.ant-drawer').getByTestId('findings-panel');
      await panel.waitFor();
      // The wrong share, read by OCR: a warning that says the reading is uncertain.
      const share = panel.locator('.item-list-item').filter({ hasText: '报告填写83.00%' });
      await expect.poll(() => share.textContent()).toMatch(/文字识别结果不确定/);
      await share.getByRole('button', { name: /查看原页面/ }).click();
      const shown = await seen(page.getByTestId('page-picture'));
      // A band across the upright page (595 pt at 96 dpi), not across the stored picture (842 pt).
      expect(shown.width).toBe(794);
      expect(shown.height).toBeLessThan(700);
      expect(shown.red).toBeGreaterThan(200);
    },
    300_000,
  );
});
