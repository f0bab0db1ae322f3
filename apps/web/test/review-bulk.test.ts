// 审核 at scale: the reviewer ticks evaluations and approves, publishes or reminds them at once,
// each with its own outcome (one approved meanwhile by someone else, one with open errors published
// only with a reason), exports the filtered list as .xlsx; the unit's filer and head see the
// notifications in the header, open the evaluation from one and mark them read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeStrayDialogs,
  dialogTitled,
  haveBrowser,
  login,
  startPlatform,
  type Platform,
} from './harness.ts';

interface Item {
  id: string;
  departmentName: string;
  status: string;
  findingCounts: { error: number };
}

describe.skipIf(!haveBrowser)('bulk review, export and notifications', { timeout: 180_000 }, () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  }, 300_000);
  afterAll(async () => {
    await p?.close();
  });
  // One failure must not leave its dialog over the page for every later test.
  afterEach(async () => {
    if (p) await closeStrayDialogs(p);
  });

  const list = async (query: string): Promise<Item[]> =>
    (
      (await (await p.page.request.get(`${p.base}/api/evaluations?${query}`)).json()) as {
        items: Item[];
      }
    ).items;
  const userOf = (role: 'filer' | 'head', unit: string): string => {
    const a = (p.server.demoAccounts ?? []).find(
      (x) => x.role === role && x.departmentName === unit,
    );
    if (!a) throw new Error(`no ${role} of ${unit}`);
    return a.username;
  };
  /** Ticks the row of an evaluation in the review list. */
  const tick = async (id: string) => {
    const row = p.page.locator('tr', { has: p.page.locator(`a[href="#/review/${id}"]`) });
    await row.locator('.ant-table-selection-column .ant-checkbox').click();
  };
  const resultRow = (id: string) =>
    p.page
      .getByTestId('bulk-result')
      .locator('tr', { has: p.page.locator(`a[href="#/review/${id}"]`) });
  /**
   * Closes the result dialog. A click that lands while the dialog is still zooming in can be
   * lost on a loaded machine, so the button is pressed again while the dialog stays open.
   */
  const closeResult = async () => {
    const shown = p.page.getByTestId('bulk-result');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await p.page.getByRole('button', { name: '知道了' }).click({ timeout: 10_000 });
        await shown.waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      } catch {
        if ((await shown.count()) === 0) return;
      }
    }
    await shown.waitFor({ state: 'hidden', timeout: 10_000 });
  };

  let approvedUnit = '';
  let published = '';

  it('approves ticked evaluations, each on its own: one approved meanwhile fails with its reason', async () => {
    const { page, base } = p;
    await login(p, 'reviewer');
    // The first without open errors (it is published without a reason below), and another.
    const submitted = await list('status=submitted&year=2024');
    const first = submitted.find((e) => e.findingCounts.error === 0) ?? submitted[0];
    const second = submitted.find((e) => e !== first);
    if (!first || !second) throw new Error('the demo has two submitted 2024 evaluations');
    approvedUnit = first.departmentName;
    await page.goto(`${base}/#/review`);
    await page.getByLabel('年度筛选').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2024年度' }).click();
    await tick(first.id);
    await tick(second.id);
    await page.getByTestId('selected-count').filter({ hasText: '已选 2 项' }).waitFor();
    await page.getByRole('button', { name: '批量通过' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '批量通过（2 项）' });
    await dialog.waitFor();
    // Another reviewer approves the second one while the dialog is open.
    const meanwhile = await page.request.post(`${base}/api/evaluations/${second.id}/transitions`, {
      data: { action: 'approve' },
      headers: { 'x-csrf-token': await csrf() },
    });
    expect(meanwhile.ok()).toBe(true);
    await dialog.getByLabel('审核意见（可选，记入流转记录）').fill('经复核，同意通过');
    await dialog.getByRole('button', { name: '批量通过' }).click();
    await dialogTitled(page, '批量通过结果：成功 1 项，未成功 1 项');
    await resultRow(first.id).getByText('成功', { exact: true }).waitFor();
    await resultRow(second.id).getByText('自评当前状态为“已通过”，不能审核通过').waitFor();
    await closeResult();
    const now = await list('status=approved&year=2024');
    expect(now.map((e) => e.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    published = first.id;
  });

  it('publishes: an evaluation with open errors needs a reason, the others go out', async () => {
    const { page } = p;
    const faulty = (await list('status=approved')).find(
      (e) => e.findingCounts.error > 0 && e.id !== published,
    );
    if (!faulty) throw new Error('the demo has an approved evaluation with errors');
    // A fresh list: every year, 已通过.
    await page.reload();
    await page.getByRole('tab', { name: '已通过' }).click();
    await tick(published);
    await tick(faulty.id);
    await page.getByRole('button', { name: '批量公开' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '批量公开（2 项）' });
    // How many of the two have open errors (the demo's clean one, if it had none: one).
    const clean = (await list('status=approved')).find((e) => e.id === published);
    const withErrors = 1 + ((clean?.findingCounts.error ?? 0) > 0 ? 1 : 0);
    await dialog.getByText(`其中 ${withErrors} 项仍有错误未改正：须填写公开理由`).waitFor();
    await dialog.getByRole('button', { name: '批量公开' }).click();
    await dialogTitled(page, `批量公开结果：成功 ${2 - withErrors} 项，未成功 ${withErrors} 项`);
    await resultRow(faulty.id)
      .getByText(`该自评仍有 ${faulty.findingCounts.error} 个错误，如仍要公开，须填写公开理由`)
      .waitFor();
    await closeResult();

    const left = (await list('status=approved')).filter(
      (e) => e.id === faulty.id || e.id === published,
    );
    for (const e of left) await tick(e.id);
    await page.getByRole('button', { name: '批量公开' }).click();
    const again = page.locator('.ant-modal').filter({ hasText: `批量公开（${left.length} 项）` });
    await again.getByLabel('公开理由').fill('错误系口径差异，已与单位核实');
    await again.getByRole('button', { name: '批量公开' }).click();
    await dialogTitled(page, `批量公开结果：成功 ${left.length} 项，未成功 0 项`);
    await closeResult();
    const out = (await list('status=published')).map((e) => e.id);
    expect(out).toEqual(expect.arrayContaining([published, faulty.id]));
  });

  let reminded: Item | undefined;

  it('reminds a unit of its returned evaluation with a message', async () => {
    const { page } = p;
    reminded = (await list('status=returned&year=2024'))[0];
    if (!reminded) throw new Error('the demo has a returned evaluation');
    await page.getByRole('tab', { name: '已退回' }).click();
    await tick(reminded.id);
    await page.getByRole('button', { name: '催办' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '催办（1 项）' });
    await dialog.getByLabel('催办留言（可选）').fill('请于本周五前按审核意见修改并提交');
    await dialog.getByRole('button', { name: '催办' }).click();
    await dialogTitled(page, '催办结果：成功 1 项，未成功 0 项');
    await resultRow(reminded.id).getByText('已催办').waitFor();
    await closeResult();
  });

  it('exports the filtered review list as .xlsx with Chinese headers and reviewer names', async () => {
    const { page } = p;
    await page.getByRole('tab', { name: '已公开' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出审核列表（Excel）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('审核列表-已公开.xlsx');
    const saved = join(p.tmp, 'review.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
      rows.push(cells);
    });
    expect(rows[0]).toEqual([
      '序号',
      '单位',
      '年度',
      '类型',
      '标题',
      '状态',
      '填报得分',
      '评价等级',
      '错误',
      '警告',
      '提交时间（北京时间）',
      '审核决定时间（北京时间）',
      '审核人',
    ]);
    expect(rows.length - 1).toBe((await list('status=published')).length);
    const mine = rows.find((r) => r[1] === approvedUnit && r[2] === '2024');
    expect(mine?.[5]).toBe('已公开');
    expect(mine?.[11]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const me = (await (await page.request.get(`${p.base}/api/me`)).json()) as {
      user: { displayName: string };
    };
    expect(mine?.[12]).toContain(me.user.displayName);
    expect(rows.flat().join(' ')).not.toMatch(/department|project|published|hunan|reviewer/);
  });

  it('the unit sees the reminder in the header, opens the evaluation from it and marks all read', async () => {
    const { page, base } = p;
    if (!reminded) throw new Error('the reminder test ran first');
    await login(p, userOf('filer', reminded.departmentName));
    const bell = page.getByRole('button', { name: /^通知（\d+ 条未读）$/ });
    await bell.waitFor();
    const before = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThanOrEqual(1);
    await bell.click();
    const item = page.getByTestId('notification').filter({ hasText: '催办本单位的自评' }).first();
    await item.getByText('留言：请于本周五前按审核意见修改并提交').waitFor();
    await item.getByText(/^\d{4}-\d\d-\d\d \d\d:\d\d$/).waitFor();
    expect(await item.getAttribute('data-read')).toBe('no');
    await item.getByRole('link').click();
    await page.waitForURL(`${base}/#/evaluations/${reminded.id}`);
    await page
      .getByRole('button', { name: before - 1 > 0 ? `通知（${before - 1} 条未读）` : '通知' })
      .waitFor();
    if (before - 1 > 0) {
      await page.getByRole('button', { name: /^通知（/ }).click();
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    }
    // Read marks are kept by the server.
    await page.reload();
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
  });

  it('the head of the approved unit is told of 通过 and 公开, with the reviewer’s comment', async () => {
    const { page } = p;
    await login(p, userOf('head', approvedUnit));
    await page.getByRole('button', { name: /^通知（\d+ 条未读）$/ }).click();
    const list = page.getByTestId('notification-list');
    await list
      .getByTestId('notification')
      .filter({ hasText: '审核通过了本单位的自评' })
      .filter({ hasText: '审核意见：经复核，同意通过' })
      .waitFor();
    await list
      .getByTestId('notification')
      .filter({ hasText: '公开了本单位的自评报告' })
      .first()
      .waitFor();
    // Reviewers receive no notifications: no bell for them.
    await login(p, 'reviewer');
    expect(await page.getByRole('button', { name: /^通知/ }).count()).toBe(0);
  });

  async function csrf(): Promise<string> {
    const me = (await (await p.page.request.get(`${p.base}/api/me`)).json()) as {
      csrfToken: string;
    };
    return me.csrfToken;
  }
});
