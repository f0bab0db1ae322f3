// Roles and pages that work: a filer sees the open rounds, cannot create a second evaluation of a
// year and copies only from earlier years; pages a role may not use say so instead of showing
// forms; the head's dashboard shows the own unit; an administrator adds a unit, finds, edits and
// unlocks users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUnit, haveBrowser, login, startPlatform, type Platform } from './harness.ts';

describe.skipIf(!haveBrowser)('roles and pages', { timeout: 120_000 }, () => {
  let p: Platform;
  let unit = '';
  let filer = '';
  let head = '';

  beforeAll(async () => {
    p = await startPlatform();
    // A generated bureau: it has evaluations of 2022, 2023 and 2024 in the demo data.
    const accounts = p.server.demoAccounts ?? [];
    const index = accounts
      .filter((a) => a.role === 'filer')
      .findIndex((a) => a.username === 'filer-d01');
    ({ unit, filer, head } = demoUnit(p, Math.max(0, index)));
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  it('a filer sees the rounds, is sent to the existing evaluation of a year, copies only from earlier years', async () => {
    const { page, base } = p;
    await login(p, filer);
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.getByLabel('评价轮次', { exact: true }).click();
    const rounds = page.locator('.ant-select-item-option');
    await rounds.first().waitFor();
    expect(await rounds.count()).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');

    // The unit already has a 2024 evaluation (demo data): a second one is refused, with a way there.
    await page.getByLabel('年度', { exact: true }).last().fill('2024');
    await page.getByLabel('指标体系', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /湖南/ }).first().click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('alert').filter({ hasText: '已有2024年度' }).waitFor();
    await page.getByRole('button', { name: '打开已有的自评' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/);
    await page
      .getByRole('heading', { level: 4 })
      .filter({ hasText: `${unit} 2024年度` })
      .waitFor();

    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '复制上年度' }).click();
    await page.getByLabel('新自评年度', { exact: true }).fill('2023');
    await page.getByLabel('复制自', { exact: true }).click();
    const sources = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await sources.first().waitFor();
    // The list is drawn again as the sources arrive (and a dropdown closed before may still be
    // fading): read it until it holds the sources, which must all be of the year before.
    const years = async (): Promise<string[]> => sources.allTextContents();
    await expect
      .poll(async () => {
        const texts = await years();
        return texts.length > 0 && texts.every((t) => /^2022年度/.test(t));
      })
      .toBe(true);
    // Leave no dialog open for the next test.
    await page.reload();
  });

  it('a filer creates a 项目支出 evaluation by choosing a project rulebook, without a round', async () => {
    const { page, base } = p;
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.getByLabel('年度', { exact: true }).last().fill('2034');
    await page.getByLabel('指标体系', { exact: true }).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /项目支出绩效自评表（中央通用格式）/ })
      .first()
      .click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/);
    const id = page.url().split('/').pop() ?? '';
    const record = (await (await page.request.get(`${base}/api/evaluations/${id}`)).json()) as {
      kind: string;
      rulebookId: string;
      year: number;
    };
    expect(record).toMatchObject({ kind: 'project', rulebookId: 'central-project', year: 2034 });
    await page.getByLabel('项目名称', { exact: true }).first().waitFor();
  });

  it('an import shows what was read first and keeps the year of the document', async () => {
    const { page, base } = p;
    // The filer of the first test is still logged in.
    await page.goto(`${base}/#/evaluations`);
    await page.getByRole('button', { name: '新建自评' }).click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '导入文件' }).click();
    const report = [
      `2019年度${unit}部门整体支出绩效自评报告`,
      '一、部门（单位）基本情况',
      '二、一般公共预算支出情况',
      '2019年全年预算安排1000.00万元，实际支出950.00万元，完成预算安排的95.00%。',
    ].join('\n');
    await page.locator('.ant-modal .ant-upload-drag input[type=file]').setInputFiles({
      name: 'report-2019.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(report),
    });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.textContent()).resolves.toContain('2019');
    await expect(page.getByLabel('年度', { exact: true }).last().inputValue()).resolves.toBe(
      '2019',
    );
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/evaluations\/[^/]+$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 4 }).filter({ hasText: '2019年度' }).waitFor();
  });

  it('a page the role may not use says so, without showing its forms', async () => {
    await p.page.goto(`${p.base}/#/admin`);
    await p.page.getByText('无权访问此页面').waitFor();
    expect(await p.page.getByRole('button', { name: '添加单位' }).count()).toBe(0);
    expect(await p.page.getByRole('menuitem', { name: '管理' }).count()).toBe(0);
  });

  it('at 1280 px a long unit name leaves the main menu in the header', async () => {
    await login(p, 'admin');
    const long = '示范市人民政府发展研究中心（示范市经济社会发展研究院）';
    await p.page.goto(`${p.base}/#/admin`);
    // The header shows the unit of whoever is logged in; here it is given a long name.
    await p.page.setViewportSize({ width: 1280, height: 800 });
    await p.page.evaluate((name) => {
      const unit = document.querySelector('.header-unit');
      if (unit) unit.textContent = name;
    }, long);
    for (const item of ['绩效目标', '审核', '批量审查', '数据看板', '管理'])
      await expect(p.page.getByRole('menuitem', { name: item }).isVisible()).resolves.toBe(true);
    const overflow = await p.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await p.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('a unit name of 30 characters leaves the header whole and the main menu in it, at 1280 and 1440 px', async () => {
    const { page, base } = p;
    const long = '示范市人民政府发展研究中心（示范市经济社会发展研究院信息中心';
    expect([...long]).toHaveLength(30);
    // A real unit of that name and its head, created by the administrator.
    await login(p, 'admin');
    const { csrfToken } = (await (await page.request.get(`${base}/api/me`)).json()) as {
      csrfToken: string;
    };
    const headers = { 'x-csrf-token': csrfToken };
    const units = (await (await page.request.get(`${base}/api/departments`)).json()) as {
      items: { regionId: string }[];
    };
    const regionId = units.items[0]?.regionId ?? '';
    const made = await page.request.post(`${base}/api/departments`, {
      data: { code: 'LONG-NAME-30', name: long, regionId },
      headers,
    });
    expect(made.status(), await made.text()).toBe(201);
    const { id: departmentId } = (await made.json()) as { id: string };
    const user = await page.request.post(`${base}/api/users`, {
      data: {
        username: 'long-name-head',
        password: 'long-name-2025',
        role: 'head',
        displayName: '欧阳明',
        departmentId,
      },
      headers,
    });
    expect(user.status(), await user.text()).toBe(201);

    await login(p, 'long-name-head', 'long-name-2025');
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/#/evaluations`);
      await expect.poll(() => page.locator('.header-unit').getAttribute('title')).toBe(long);
      // The menu measures itself after a resize: every item of the role stays in the bar (none
      // folded into "…"), the header does not spill, nor does the page.
      for (const item of ['绩效目标', '我的自评', '数据看板', '指标体系', '公开'])
        await expect
          .poll(() => page.getByRole('menuitem', { name: item }).isVisible(), {
            message: `${item} at ${width} px`,
          })
          .toBe(true);
      const box = await page.evaluate(() => {
        const header = document.querySelector<HTMLElement>('.ant-layout-header');
        const unit = document.querySelector<HTMLElement>('.header-unit');
        const out = document.querySelector<HTMLElement>('button[aria-label="退出登录"]');
        return {
          header: (header?.scrollWidth ?? 0) - (header?.clientWidth ?? 0),
          page: document.documentElement.scrollWidth - window.innerWidth,
          unitRight: unit?.getBoundingClientRect().right ?? Infinity,
          unitWidth: unit?.getBoundingClientRect().width ?? 0,
          logoutRight: out?.getBoundingClientRect().right ?? Infinity,
        };
      });
      expect(box.header, `header at ${width} px`).toBeLessThanOrEqual(0);
      expect(box.page, `page at ${width} px`).toBeLessThanOrEqual(0);
      expect(box.unitWidth).toBeGreaterThan(0);
      expect(box.unitRight).toBeLessThanOrEqual(width);
      expect(box.logoutRight).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("the head's 数据看板 shows the own unit", async () => {
    await login(p, head);
    await p.page.getByRole('menuitem', { name: '数据看板' }).click();
    await p.page.getByTestId('dashboard-scope').waitFor();
    await expect(p.page.getByTestId('dashboard-scope').textContent()).resolves.toBe(
      `单位：${unit}`,
    );
    await p.page.locator('canvas').first().waitFor();
    expect(await p.page.getByText('加载失败').count()).toBe(0);
  });

  it('publishing over open errors takes a reason; a published report is withdrawn with one', async () => {
    const { page, base } = p;
    await login(p, 'reviewer');
    const list = async (status: string) =>
      (
        (await (await page.request.get(`${base}/api/evaluations?status=${status}`)).json()) as {
          items: { id: string; findingCounts: { error: number } }[];
        }
      ).items;
    const approved = (await list('approved')).find((e) => e.findingCounts.error > 0);
    if (!approved) throw new Error('the demo has an approved evaluation with errors');
    await page.goto(`${base}/#/review/${approved.id}`);
    await page.getByRole('button', { name: '公开' }).click();
    const publish = page.locator('.ant-modal').filter({ hasText: '向社会公开' });
    await publish.getByText(`仍有 ${approved.findingCounts.error} 个错误`).waitFor();
    const ok = publish.getByRole('button', { name: '公开', exact: true });
    await expect(ok.isDisabled()).resolves.toBe(true);
    await publish.getByLabel('公开理由').fill('错误为填报口径差异，经核实不影响公开');
    await ok.click();
    await expect
      .poll(() => page.getByTestId('status-tag').textContent(), { timeout: 15_000 })
      .toBe('已公开');

    await page.getByRole('button', { name: '撤回公开' }).click();
    const withdraw = page.locator('.ant-modal').filter({ hasText: '撤回后报告从公开页面下架' });
    const confirm = withdraw.getByRole('button', { name: '撤回公开' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await withdraw.getByLabel('撤回理由').fill('发现附件数据有误，需单位更正');
    await confirm.click();
    await expect
      .poll(() => page.getByTestId('status-tag').textContent(), { timeout: 15_000 })
      .toBe('已退回');
    const gone = await page.request.get(`${base}/api/public/reports/${approved.id}`);
    expect(gone.status()).toBe(404);
    await page.getByRole('tab', { name: '流转记录' }).click();
    await page.locator('.ant-timeline').getByText('发现附件数据有误，需单位更正').waitFor();
  });

  it('an administrator adds a unit, finds a user, edits and unlocks them', async () => {
    const { page, base } = p;
    await login(p, 'admin');
    await page.goto(`${base}/#/admin`);
    await page.getByRole('tab', { name: '单位' }).click();
    await page.getByLabel('单位名称').fill('示范市档案馆');
    await page.getByLabel('单位编码').fill('D99');
    await page.getByLabel('所属地区').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByRole('button', { name: '添加单位' }).click();
    await page.getByText('已添加单位').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '示范市档案馆' }).waitFor();

    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByLabel('搜索用户').fill(filer);
    const rows = page.getByRole('tabpanel').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByRole('button', { name: `解除锁定 ${filer}` }).click();
    await page.getByText('已解除登录锁定').waitFor();
    await rows.getByRole('button', { name: '编辑' }).click();
    await page.locator('.ant-modal').getByLabel('姓名').fill('李四（财务）');
    await page.locator('.ant-modal').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => rows.textContent()).toContain('李四（财务）');
  });
});
