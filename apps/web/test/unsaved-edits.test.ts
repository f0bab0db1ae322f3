// Nothing typed is lost: a filer types and leaves the editor at once by every route out (menu,
// 返回列表, reload, logout), and the server has the value; a save that fails is kept, shown as
// pending and retried when the server is back; a save made elsewhere meanwhile is merged with
// the typing (both kept; where both changed one field the user is told which and chooses); a
// session that ends while typing gives the typing back after signing in again; deleting a group
// asks first, a deleted leaf can be brought back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluation,
  demoUnit,
  haveBrowser,
  login,
  logout,
  serverBody,
  startPlatform,
  type Platform,
} from './harness.ts';

describe.skipIf(!haveBrowser)('nothing typed is lost', { timeout: 120_000 }, () => {
  let p: Platform;
  let filer = '';
  let id = '';

  beforeAll(async () => {
    p = await startPlatform();
    filer = demoUnit(p).filer;
    await login(p, filer);
    id = await createEvaluation(p, 2032);
  }, 240_000);

  afterAll(async () => {
    await p?.close();
  });

  const phone = () => p.page.getByLabel('联系电话');
  const phoneOnServer = async () => {
    const meta = (await serverBody(p, id)).meta as { phone?: string } | undefined;
    return meta?.phone;
  };
  const metaOnServer = async () => (await serverBody(p, id)).meta as Record<string, unknown>;
  /** Saves the evaluation with `meta` changed, as another tab or user of the unit would. */
  async function saveElsewhere(meta: Record<string, string>): Promise<void> {
    const { request } = p.page;
    const me = (await (await request.get(`${p.base}/api/me`)).json()) as { csrfToken: string };
    const rec = (await (await request.get(`${p.base}/api/evaluations/${id}`)).json()) as {
      version: number;
      body: { meta: Record<string, unknown> };
    };
    const res = await request.put(`${p.base}/api/evaluations/${id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: rec.version, body: { ...rec.body, meta: { ...rec.body.meta, ...meta } } },
    });
    if (!res.ok()) throw new Error(`save elsewhere: ${res.status()} ${await res.text()}`);
  }
  async function openEditor(): Promise<void> {
    await p.page.goto(`${p.base}/#/evaluations/${id}`);
    await phone().waitFor();
  }

  it('leaving by the main menu right after typing saves the edit', async () => {
    await openEditor();
    await phone().fill('0731-1000001');
    await p.page.getByRole('menuitem', { name: '我的自评' }).click();
    await p.page.getByRole('button', { name: '新建自评' }).waitFor();
    await expect.poll(phoneOnServer).toBe('0731-1000001');
    await openEditor();
    await expect(phone().inputValue()).resolves.toBe('0731-1000001');
  });

  it('leaving by 返回列表 right after typing saves the edit', async () => {
    await openEditor();
    await phone().fill('0731-1000002');
    await p.page.getByRole('button', { name: '返回列表' }).click();
    await p.page.getByRole('button', { name: '新建自评' }).waitFor();
    await expect.poll(phoneOnServer).toBe('0731-1000002');
  });

  it('a reload right after typing warns first, then the edit is saved', async () => {
    await openEditor();
    await phone().fill('0731-1000003');
    const dialogs: string[] = [];
    p.page.once('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await p.page.reload();
    await phone().waitFor();
    expect(dialogs).toEqual(['beforeunload']);
    await expect.poll(phoneOnServer).toBe('0731-1000003');
    await expect.poll(() => phone().inputValue()).toBe('0731-1000003');
    await expect
      .poll(() => p.page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toMatch(/已自动保存|未修改/);
  });

  it('logging out right after typing saves the edit first', async () => {
    await openEditor();
    await phone().fill('0731-1000004');
    await logout(p);
    await login(p, filer);
    await expect.poll(phoneOnServer).toBe('0731-1000004');
  });

  it('a failed save keeps the edit, shows it pending and saves when the server is back', async () => {
    await openEditor();
    const url = `**/api/evaluations/${id}`;
    await p.page.route(url, (route) =>
      route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.fallback(),
    );
    await phone().fill('0731-1000005');
    await expect
      .poll(() => p.page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toContain('未保存');
    await expect(phone().inputValue()).resolves.toBe('0731-1000005');
    expect(await phoneOnServer()).toBe('0731-1000004');
    await p.page.unroute(url);
    await expect
      .poll(() => p.page.getByTestId('save-state').textContent(), { timeout: 20_000 })
      .toBe('已自动保存');
    await expect.poll(phoneOnServer).toBe('0731-1000005');
  });

  it('a save made elsewhere meanwhile is merged: both edits are kept and the user is told', async () => {
    await openEditor();
    await saveElsewhere({ filler: '王五' });
    await phone().fill('0731-1000006');
    await p.page.getByText('已与他人的修改合并').waitFor({ timeout: 15_000 });
    await expect
      .poll(metaOnServer, { timeout: 15_000 })
      .toMatchObject({ phone: '0731-1000006', filler: '王五' });
    await expect(p.page.getByLabel('填报人').inputValue()).resolves.toBe('王五');
    await expect(phone().inputValue()).resolves.toBe('0731-1000006');
  });

  it('where both changed one field, the user is told which, and merging keeps the rest of theirs', async () => {
    await openEditor();
    await saveElsewhere({ phone: '0731-9999999', filler: '李四' });
    await phone().fill('0731-1000007');
    await p.page.getByText('此自评已在别处被修改').waitFor({ timeout: 15_000 });
    await expect(p.page.getByTestId('save-clashes').textContent()).resolves.toContain('联系电话');
    await expect(phone().inputValue()).resolves.toBe('0731-1000007');
    expect(await phoneOnServer()).toBe('0731-9999999');
    await p.page.getByRole('button', { name: /合并双方修改/ }).click();
    await expect
      .poll(metaOnServer, { timeout: 15_000 })
      .toMatchObject({ phone: '0731-1000007', filler: '李四' });
    await expect(p.page.getByLabel('填报人').inputValue()).resolves.toBe('李四');
  });

  it('a session that ends while typing gives the typing back after signing in again', async () => {
    await openEditor();
    // The session ends elsewhere (another tab logs out, or it expires on the server).
    const { request } = p.page;
    const me = (await (await request.get(`${p.base}/api/me`)).json()) as { csrfToken: string };
    await request.post(`${p.base}/api/auth/logout`, { headers: { 'x-csrf-token': me.csrfToken } });
    await phone().fill('0731-1000008');
    await p.page.getByLabel('用户名').waitFor({ timeout: 15_000 });
    await login(p, filer);
    await openEditor();
    await expect.poll(() => phone().inputValue()).toBe('0731-1000008');
    await expect.poll(phoneOnServer, { timeout: 15_000 }).toBe('0731-1000008');
  });

  it('deleting an indicator group asks first; a deleted leaf comes back with 撤销', async () => {
    await openEditor();
    await p.page.getByRole('tab', { name: '绩效指标' }).click();
    await p.page.getByRole('button', { name: /生成指标框架/ }).click();
    const rows = p.page.locator('.indicator-row');
    await rows.first().waitFor();
    const before = await rows.count();

    // A group (产出指标 and everything under it) is not deleted without a confirmation.
    await p.page.getByRole('button', { name: '删除 产出指标', exact: true }).click();
    const confirm = p.page.locator('.ant-popconfirm');
    await confirm.getByText('删除指标组“产出指标”？').waitFor();
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await rows.count()).toBe(before);

    // A leaf goes at once, with 撤销 offered.
    await p.page.getByRole('button', { name: '在 数量指标 下添加指标' }).click();
    await p.page.getByLabel('指标名称 新指标').fill('办文数量');
    await expect.poll(() => rows.count()).toBe(before + 1);
    await p.page.getByRole('button', { name: '删除 办文数量', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(before);
    await p.page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    await expect(p.page.getByLabel('指标名称 办文数量').inputValue()).resolves.toBe('办文数量');
  });
});
