import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { SAMPLE_PNG, samplePdf } from '@jixiao/services/attachment-samples';
import { Client, createWorld, login } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

const PDF = samplePdf('预算执行情况说明');
const PNG = SAMPLE_PNG;

interface Info {
  id: string;
  fileName: string;
  indicator: string[] | null;
  kind: string;
  size: number;
  public: boolean;
  uploadedByName: string;
}

describe.each(TEST_DIALECTS)('supporting documents on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let reviewer: Client;
  let id: string;
  const list = async (client: Client, evaluation = id) =>
    client.get(`/api/evaluations/${evaluation}/attachments`);
  beforeAll(async () => {
    world = await createWorld(dialect);
    filer = await login(world.app, 'filer-a');
    reviewer = await login(world.app, 'reviewer');
    id = world.evaluations.a;
  });
  afterAll(async () => world.close());

  it('are uploaded by the unit, for the evaluation or one indicator, and listed without log-in names', async () => {
    const whole = await filer.upload(`/api/evaluations/${id}/attachments`, [
      { name: '资金拨付凭证.pdf', bytes: PDF },
    ]);
    expect(whole.statusCode).toBe(200);
    const indicator = encodeURIComponent(JSON.stringify(['预算执行率']));
    const one = await filer.upload(
      `/api/evaluations/${id}/attachments?indicator=${indicator}&public=1`,
      [{ name: '现场照片.png', bytes: PNG }],
    );
    expect(one.statusCode).toBe(200);
    const items: Info[] = (await list(filer)).json().items;
    expect(items.map((i) => [i.fileName, i.indicator, i.kind, i.size, i.public])).toEqual([
      ['资金拨付凭证.pdf', null, 'pdf', PDF.length, false],
      ['现场照片.png', ['预算执行率'], 'png', PNG.length, true],
    ]);
    // The uploader by name (the account's display name), never by a log-in field of its own.
    const filerRow = await world.ctx.db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'filer-a')
      .executeTakeFirstOrThrow();
    expect(items.map((i) => i.uploadedByName)).toEqual([
      filerRow.display_name,
      filerRow.display_name,
    ]);
    expect(Object.keys(items[0] ?? {})).not.toContain('uploadedBy');
    const log = await world.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'target'])
      .where('action', '=', 'attachment-added')
      .execute();
    expect(log).toEqual([
      { action: 'attachment-added', actor: 'filer-a', target: id },
      { action: 'attachment-added', actor: 'filer-a', target: id },
    ]);
  });

  it('are seen by the unit, its head and the region reviewer, and by no one else', async () => {
    const head = await login(world.app, 'head-a');
    expect((await list(head)).json().items).toHaveLength(2);
    expect((await list(reviewer)).json().items).toHaveLength(2);
    const first: Info = (await list(reviewer)).json().items[0];
    const file = await reviewer.get(`/api/attachments/${first.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(file.rawPayload).equals(Buffer.from(PDF))).toBe(true);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    const inline = await reviewer.get(`/api/attachments/${first.id}/file?inline=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    for (const other of ['reviewer-2', 'filer-b', 'head-c']) {
      const client = await login(world.app, other);
      expect((await list(client)).statusCode).toBe(403);
      expect((await client.get(`/api/attachments/${first.id}/file`)).statusCode).toBe(403);
    }
    const anonymous = new Client(world.app);
    expect((await list(anonymous)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/attachments/${first.id}/file`)).statusCode).toBe(401);
  });

  it('refuse bad input with a Chinese message and keep nothing of it', async () => {
    const cases: [string, { name: string; bytes: Uint8Array | string }, number, RegExp][] = [
      ['', { name: '合同.pdf', bytes: PNG }, 400, /与扩展名不符/],
      ['', { name: '材料.zip', bytes: 'PK\u0003\u0004' }, 400, /不接受压缩包/],
      ['', { name: '空.png', bytes: new Uint8Array() }, 400, /文件为空/],
      // Five bytes that only begin like a JPEG; a PDF that is only its header.
      [
        '',
        { name: '照片.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]) },
        400,
        /^文件不完整或已损坏，无法作为JPG 图片打开：照片\.jpg。请上传原始文件$/,
      ],
      ['', { name: '合同.pdf', bytes: '%PDF-1.7\n%%EOF\n' }, 400, /无法作为PDF打开/],
      ['?indicator=%5B%22%E6%97%A0%22%5D', { name: 'a.pdf', bytes: PDF }, 400, /指标“无”不存在/],
      ['?indicator=not-json', { name: 'a.pdf', bytes: PDF }, 400, /指标参数格式不正确/],
      ['?indicator=%5B%5D', { name: 'a.pdf', bytes: PDF }, 400, /指标参数格式不正确/],
      ['?public=yes', { name: 'a.pdf', bytes: PDF }, 400, /./],
    ];
    for (const [query, file, status, message] of cases) {
      const res = await filer.upload(`/api/evaluations/${id}/attachments${query}`, [file]);
      expect([res.statusCode, res.json().error.message]).toEqual([
        status,
        expect.stringMatching(message),
      ]);
    }
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await filer.upload(`/api/evaluations/${id}/attachments`, [
      { name: '扫描件.pdf', bytes: big },
    ]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('文件过大：扫描件.pdf（单个证明材料不能超过 20 MB）');
    const none = await filer.request('POST', `/api/evaluations/${id}/attachments`, {});
    expect(none.statusCode).toBe(400);
    expect((await filer.get('/api/attachments/nope/file')).statusCode).toBe(404);
    expect((await filer.request('DELETE', '/api/attachments/nope')).statusCode).toBe(404);
    expect((await list(filer)).json().items).toHaveLength(2);
  });

  it('are changed and deleted by the unit only, logged', async () => {
    const [pdf, png]: Info[] = (await list(filer)).json().items;
    if (pdf === undefined || png === undefined) throw new Error('two files expected');
    expect((await reviewer.request('DELETE', `/api/attachments/${pdf.id}`)).statusCode).toBe(403);
    expect((await reviewer.patch(`/api/attachments/${pdf.id}`, { public: true })).statusCode).toBe(
      403,
    );
    const extra: Info = (
      await filer.upload(`/api/evaluations/${id}/attachments`, [{ name: '多余.pdf', bytes: PDF }])
    ).json();
    const removed = await filer.request('DELETE', `/api/attachments/${extra.id}`);
    expect(removed.statusCode).toBe(200);
    const left: Info[] = (await list(filer)).json().items;
    expect(left.map((i) => i.fileName)).toEqual(['资金拨付凭证.pdf', '现场照片.png']);
    const deleted = await world.ctx.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'attachment-deleted')
      .execute();
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.actor).toBe('filer-a');
    expect(JSON.parse(deleted[0]?.details ?? '{}')).toMatchObject({ fileName: '多余.pdf' });
  });

  it('are public only once published and marked public, and locked once submitted', async () => {
    const anonymous = new Client(world.app);
    const [pdf, png]: Info[] = (await list(filer)).json().items;
    if (pdf === undefined || png === undefined) throw new Error('two files expected');
    expect((await anonymous.get(`/api/public/reports/${id}/attachments`)).json().items).toEqual([]);
    expect((await anonymous.get(`/api/public/attachments/${png.id}/file`)).statusCode).toBe(404);
    const head = await login(world.app, 'head-a');
    await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    const locked = await filer.request('DELETE', `/api/attachments/${pdf.id}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toBe('自评已提交审核，不能再增删或修改证明材料');
    const late = await filer.upload(`/api/evaluations/${id}/attachments`, [
      { name: '补充.pdf', bytes: PDF },
    ]);
    expect(late.statusCode).toBe(409);
    await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'approve' });
    await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'publish' });
    const shown: Info[] = (await anonymous.get(`/api/public/reports/${id}/attachments`)).json()
      .items;
    expect(shown.map((i) => [i.fileName, i.uploadedByName])).toEqual([['现场照片.png', '']]);
    const file = await anonymous.get(`/api/public/attachments/${png.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await anonymous.get(`/api/public/attachments/${pdf.id}/file`)).statusCode).toBe(404);
  });
});
