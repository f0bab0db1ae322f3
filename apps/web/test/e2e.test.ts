// End to end: the built web app, a real server on a fresh SQLite file with the demo data, and
// Debian's chromium driven by playwright-core. Every role does its work; screenshots of each main
// page go to docs/images/web-*.png when JIXIAO_SCREENSHOTS=1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '@jixiao/server';
import { firstLoadSize } from './first-load.ts';
import { parseRulebook } from '@jixiao/domain';
import { runBench, type BenchResult } from '../src/lib/keystroke-bench.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROOT = resolve(WEB, '..', '..');
// Screenshots refresh the README's images only when asked (JIXIAO_SCREENSHOTS=1), so that a
// plain test run leaves the working tree as it found it.
const SAVE_IMAGES = process.env.JIXIAO_SCREENSHOTS === '1';
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const PASSWORD = 'jixiao-demo';

const haveBrowser = existsSync(CHROMIUM);

describe.skipIf(!haveBrowser)('web app end to end', { timeout: 180_000 }, () => {
  let tmp = '';
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  let images = '';

  beforeAll(async () => {
    const built = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: WEB,
        encoding: 'utf8',
      },
    );
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
    tmp = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
    server = await startServer({
      target: { sqliteFile: join(tmp, 'e2e.db') },
      port: 0,
      demo: true,
      demoPassword: PASSWORD,
      webDist: join(WEB, 'dist'),
    });
    base = server.url;
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
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
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    images = SAVE_IMAGES ? join(ROOT, 'docs', 'images') : join(tmp, 'images');
    mkdirSync(images, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(images, `web-${name}.png`) });

  async function login(username: string): Promise<void> {
    await page.goto(`${base}/#/login`);
    if (await page.getByTestId('current-user').isVisible()) await logout();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('current-user').waitFor();
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
  }

  async function pickOption(label: string, option: string | RegExp): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  }

  it('first load stays under 500 kB of gzipped JavaScript and CSS', () => {
    const size = firstLoadSize(join(WEB, 'dist'));
    console.log(
      `[first-load] ${size.files.length} files, ${(size.gzip / 1024).toFixed(1)} kB gzip (${(size.raw / 1024).toFixed(1)} kB raw)`,
    );
    expect(size.gzip).toBeLessThan(500 * 1024);
  });

  let evaluationId = '';
  let unitName = '';
  let filer = '';
  let head = '';

  it('a filer creates an evaluation, sees a finding, jumps to it and fixes it', async () => {
    // Pick a department that has a filer and a head (the demo names them filer-<code>/head-<code>).
    const accounts = server.demoAccounts ?? [];
    const f = accounts.find(
      (a) =>
        a.role === 'filer' &&
        accounts.some((h) => h.role === 'head' && h.departmentName === a.departmentName),
    );
    if (!f?.departmentName) throw new Error('no demo filer');
    filer = f.username;
    unitName = f.departmentName;
    head = accounts.find((h) => h.role === 'head' && h.departmentName === unitName)?.username ?? '';

    await page.goto(`${base}/#/login`);
    await page.getByLabel('用户名').waitFor();
    await shot('login');
    await login(filer);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('填报人');
    await page.locator('.ant-table-row').first().waitFor();
    await shot('evaluations');

    await page.getByRole('button', { name: '新建自评' }).click();
    await page.getByLabel('年度', { exact: true }).last().fill('2030');
    await pickOption('指标体系', /湖南/);
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/);
    evaluationId = page.url().split('/').pop() ?? '';
    expect(evaluationId).not.toBe('');

    await page.getByRole('tab', { name: '收支情况' }).click();
    await page.getByLabel('年度资金总额 全年预算数').fill('1000');
    await page.getByLabel('年度资金总额 全年执行数').fill('950.5');
    await page.getByLabel('年度资金总额 执行率').fill('96.00');
    const finding = page
      .getByTestId('findings-panel')
      .getByRole('button')
      .filter({ hasText: '年度资金总额' })
      .first();
    await finding.waitFor();
    await page.getByRole('tab', { name: '基本情况' }).click();
    await finding.click();
    // The jump opens the tab and lights the cell up.
    await page.locator('[data-path="funds.total.statedRate"].field-hit').waitFor();
    await shot('editor');
    await page.getByLabel('年度资金总额 执行率').fill('95.05');
    await expect
      .poll(() =>
        page
          .getByTestId('findings-panel')
          .getByRole('button')
          .filter({ hasText: '年度资金总额' })
          .count(),
      )
      .toBe(0);
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');

    // The indicator tree: start from the rulebook, add a leaf, see the computed score beside the stated one.
    await page.getByRole('tab', { name: '绩效指标' }).click();
    await page.getByRole('button', { name: /生成指标框架/ }).click();
    await page.getByRole('button', { name: '在 数量指标 下添加指标' }).click();
    await page.getByLabel('指标名称 新指标').fill('办文数量');
    await page.getByLabel('办文数量 分值').fill('5');
    await page.getByLabel('办文数量 年度指标值').fill('≥100件');
    await page.getByLabel('办文数量 实际完成值').fill('90件');
    await page.getByLabel('办文数量 得分').fill('5');
    const computed = page.getByTestId('computed-indicators[1].children[0].children[0]');
    await expect.poll(() => computed.textContent()).toBe('4.5');
    await expect.poll(() => computed.getAttribute('class')).toBe('computed-differs');
    await page.getByLabel('办文数量 得分').fill('4.5');
    await page.getByLabel('办文数量 偏差原因').fill('部分来文合并办理，办文数量低于预期。');
    await page.getByLabel('办文数量 偏差原因').blur();
    await shot('editor-indicators');
    await expect.poll(() => computed.getAttribute('class')).toBe('');
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');

    await page.getByRole('button', { name: '预览报告' }).click();
    await page.getByRole('article', { name: '报告预览' }).waitFor();
    await shot('preview');
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await logout();
  });

  it('an edit made elsewhere meanwhile is merged and reported, and nothing typed is lost', async () => {
    await login(filer);
    const other = await context.newPage();
    await other.goto(`${base}/#/evaluations/${evaluationId}`);
    await page.goto(`${base}/#/evaluations/${evaluationId}`);
    await other.getByLabel('填报人').fill('王五');
    await expect
      .poll(() => other.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');
    await other.close();

    await page.getByLabel('联系电话').fill('0734-8888888');
    await page.getByText('已与他人的修改合并').waitFor({ timeout: 15_000 });
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('0734-8888888');
    await shot('conflict');
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');
    await page.reload();
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('0734-8888888');
    await expect(page.getByLabel('填报人').inputValue()).resolves.toBe('王五');
    await logout();
  });

  it('a filer starts an evaluation by importing a report', async () => {
    await login(filer);
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '导入文件' }).click();
    await page.getByLabel('年度', { exact: true }).last().fill('2031');
    await page
      .locator('.ant-modal .ant-upload-drag input[type=file]')
      .setInputFiles(join(CORPUS, '000_1b4dc649ed6af86d.txt'));
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/, { timeout: 60_000 });
    expect(page.url().split('/').pop()).not.toBe(evaluationId);
    // The imported report brings its figures and its mistakes with it.
    await page.getByRole('tab', { name: '绩效指标' }).click();
    await page.locator('[data-testid^="computed-indicators"]').first().waitFor();
    await expect
      .poll(() => page.getByTestId('findings-panel').getByRole('button').count())
      .toBeGreaterThan(0);
    await shot('editor-imported');
    await logout();
  });

  it('the head submits, the reviewer returns it with a comment', async () => {
    await login(head);
    await page.goto(`${base}/#/evaluations/${evaluationId}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已提交');
    await logout();

    await login('reviewer');
    await page.locator('.ant-table-row').filter({ hasText: unitName }).first().waitFor();
    await shot('review-inbox');
    await page.goto(`${base}/#/review/${evaluationId}`);
    // The reviewer picks the field by its name; no path is typed or shown.
    await page.getByLabel('字段', { exact: true }).click();
    await page.keyboard.type('联系电话');
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^联系电话$/ })
      .click();
    await page.getByLabel('字段意见', { exact: true }).fill('请核实联系电话');
    await page.getByRole('button', { name: '添加字段意见' }).click();
    await page.getByLabel('总体意见').fill('问题与措施未填写，请补充后重新提交');
    await shot('review');
    await page.getByRole('button', { name: '退回修改' }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已退回');
    await logout();
  });

  it('the filer fixes it, the head resubmits, the reviewer approves and publishes', async () => {
    await login(filer);
    await page.goto(`${base}/#/evaluations/${evaluationId}`);
    await page.getByText('审核人已退回').waitFor();
    // The comment names the field as the form does, and a click leads there.
    await page.getByRole('button', { name: '联系电话', exact: true }).click();
    await page.locator('[data-path="meta.phone"].field-hit').waitFor();
    await page.getByRole('tab', { name: '问题与措施' }).click();
    await page
      .getByLabel('存在的问题及原因分析')
      .fill('年中追加预算较多，预算编制的精准度有待提高。');
    await page.getByLabel('下一步改进措施').fill('加强预算编制与执行监控。');
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('已自动保存');
    await logout();

    await login(head);
    await page.goto(`${base}/#/evaluations/${evaluationId}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已提交');
    await logout();

    await login('reviewer');
    await page.goto(`${base}/#/review/${evaluationId}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已通过');
    await page.getByRole('button', { name: '公开' }).click();
    // Publishing over open errors takes a reason; the dialog says how many there are.
    const publish = page.locator('.ant-modal').filter({ hasText: '向社会公开' });
    await publish.getByLabel('公开理由').fill('经核实，数据问题不影响公开');
    await publish.getByRole('button', { name: '公开', exact: true }).click();
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已公开');
    await page.getByRole('tab', { name: '修订历史' }).click();
    await page.getByTestId('revision-diff').waitFor();
    await expect
      .poll(() => page.getByTestId('revision-diff').locator('.diff-field').count())
      .toBeGreaterThan(0);
    await expect(
      page.getByTestId('revision-diff').locator('.diff-field').allTextContents(),
    ).resolves.not.toContainEqual(expect.stringMatching(/[a-zA-Z]/));
    await shot('revisions');
    // The timeline names people, not accounts, and tells the time in Beijing.
    await page.getByRole('tab', { name: '流转记录' }).click();
    const timeline = page.locator('.ant-timeline');
    await timeline.waitFor();
    const events = (await (
      await page.request.get(`${base}/api/evaluations/${evaluationId}/events`)
    ).json()) as { items: { at: string; actor: string }[] };
    const last = events.items.at(-1);
    if (!last) throw new Error('no events');
    const beijing = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(last.at));
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain(beijing);
    expect(text).not.toMatch(/filer-|head-|reviewer|admin/);
    await logout();
  });

  it('anyone finds it on the public page without logging in', async () => {
    await page.goto(`${base}/#/public`);
    await page.getByLabel('搜索单位或标题').fill(unitName);
    await page.getByLabel('搜索单位或标题').press('Enter');
    const item = page.locator('.item-list-item').filter({ hasText: '2030' }).first();
    await item.waitFor();
    await shot('public');
    await item.getByRole('link').first().click();
    await page.getByRole('article', { name: '报告预览' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    const saved = join(tmp, 'report.docx');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: .docx
  });

  it('the reviewer audits the corpus in one batch', async () => {
    const files = readdirSync(CORPUS)
      .filter((n) => /^\d{3}_.*\.txt$/.test(n))
      .map((n) => join(CORPUS, n));
    expect(files.length).toBeGreaterThanOrEqual(4);
    await login('reviewer');
    await page.goto(`${base}/#/audit`);
    await page.locator('.ant-upload-drag input[type=file]').setInputFiles(files);
    await page.getByText(`已选择 ${files.length} 个文件`).waitFor();
    await page.getByRole('button', { name: '开始审查' }).click();
    await expect
      .poll(() => page.getByTestId('audit-progress').textContent(), { timeout: 120_000 })
      .toBe(`${files.length} / ${files.length}`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(files.length);
    // Every report was read, and the known mistakes of the corpus show up as errors.
    await expect(
      page.locator('.ant-table-row').filter({ hasText: '读取失败' }).count(),
    ).resolves.toBe(0);
    const first = page.locator('.ant-table-row').filter({ hasText: '000_' });
    await expect(first.textContent()).resolves.toContain('政府办');
    // Each row says how much of its report was understood; the corpus reports were read whole.
    await expect(
      page.locator('.ant-table-row').filter({ hasText: '已识别' }).count(),
    ).resolves.toBe(files.length);
    expect(Number(await first.locator('[data-count=error]').textContent())).toBeGreaterThan(0);
    await shot('audit');
    await page.locator('.ant-table-row').first().locator('a').first().click();
    await page.locator('.ant-drawer').getByTestId('findings-panel').waitFor();
    await expect(
      page.locator('.ant-drawer').getByTestId('reading-said').textContent(),
    ).resolves.toMatch(/识别情况：已识别自评表\d+张/);
    await page.waitForTimeout(600); // the drawer slides in
    await shot('audit-findings');
    await page.locator('.ant-drawer-close').click();
  });

  it('the dashboard, the rulebooks and the administration pages show data', async () => {
    await page.goto(`${base}/#/dashboard`);
    await page.getByLabel('年度').fill('2024'); // the demo's latest full year
    await page.getByLabel('年度').press('Enter');
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(800); // let the charts finish their entry animation
    await page.screenshot({ path: join(images, 'web-dashboard.png'), fullPage: true });
    await page.goto(`${base}/#/rulebooks`);
    await page.locator('.ant-tree-node-content-wrapper').first().waitFor();
    await shot('rulebooks');
    await logout();
    await login('admin');
    // An administrator uploads a broken rulebook: the errors show where they are.
    await page.goto(`${base}/#/rulebooks`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ id: 'Bad Id', name: '', version: '1', tree: [] })),
    });
    await page.getByText('指标体系校验未通过').waitFor();
    await expect(page.locator('.ant-alert code').first().textContent()).resolves.toBe('id');
    await shot('rulebook-invalid');
    await page.goto(`${base}/#/admin`);
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByRole('tabpanel').locator('.ant-table-row').first().waitFor();
    await shot('admin');
  });

  it('re-scores and re-checks a 200-indicator evaluation per keystroke in the browser, with the results of the domain', async () => {
    await page.goto(`${base}/#/bench`);
    await page.getByRole('button', { name: '运行基准' }).click();
    const text = await page.getByTestId('bench-result').textContent({ timeout: 60_000 });
    const r = JSON.parse(text ?? '{}') as BenchResult;
    // Its time is measured by `npm run bench:score` (against a schema parse), not asserted here.
    console.log(
      `[bench] per keystroke, ${r.leaves} leaves: median ${r.medianMs} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms`,
    );
    await shot('bench');
    // The same 200 keystrokes replayed here give the same score and findings: the browser ran
    // the whole re-score and re-check after each, on the evaluation as typed.
    const book = parseRulebook(
      JSON.parse(readFileSync(resolve(WEB, '../../rulebooks/hunan-department.json'), 'utf8')),
    );
    if (!book.ok) throw new Error('rulebooks/hunan-department.json is invalid');
    const expected = runBench(book.rulebook);
    expect(r.leaves).toBeGreaterThanOrEqual(200);
    expect(r.keystrokes).toBe(expected.keystrokes);
    expect(expected.total).not.toBeNull();
    expect(r.total).toBe(expected.total);
    expect(r.findings).toBe(expected.findings);
  });
});
