import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentReportBlocks, renderReportDocx, resolveOptions } from '@jixiao/documents';
import { DepartmentEvaluation } from '@jixiao/domain';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { blocksToText } from '../../../../packages/services/src/audit/testing/render-text.ts';
import {
  installed,
  printTextToPdf,
} from '../../../../packages/services/src/read/testing/office-fixtures.ts';
import { createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';

const tools = installed('soffice') && installed('pdftoppm', ['-v']);
const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-page-pictures-'));
let pdf: Uint8Array = new Uint8Array();
let docx: Uint8Array = new Uint8Array();

/** A report with a wrong share (83.00% for 80.00%), printed to PDF by LibreOffice. */
beforeAll(async () => {
  if (!tools) return;
  const evaluation = DepartmentEvaluation.parse(fixtureBody('clean-hunan-department.json'));
  const text = blocksToText(
    departmentReportBlocks(evaluation, undefined, resolveOptions({ figures: 'stated' })),
  );
  const file = path.join(dir, 'wrong-share.txt');
  writeFileSync(file, text.replace('占基本支出的80.00%', '占基本支出的83.00%'));
  const [printed] = printTextToPdf([file], dir, dir);
  pdf = new Uint8Array(readFileSync(printed ?? ''));
  docx = await renderReportDocx(evaluation, undefined);
}, 150_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PlacedFinding {
  stated?: string;
  page?: number;
  bbox?: [number, number, number, number];
}

interface JobResult {
  status: string;
  files: { findings: PlacedFinding[]; pictures: number[] }[];
}

/** The job once it has finished, polled every 100 ms for up to 20 s. */
async function settledJob(client: Client, id: string): Promise<JobResult> {
  for (let i = 0; i < 200; i += 1) {
    const job = (await client.get(`/api/audit-jobs/${id}`)).json<JobResult>();
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

/** Width and height from a PNG's header; undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): [number, number] | undefined {
  if (bytes.subarray(1, 4).toString() !== 'PNG') return undefined;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.skipIf(!tools).each(TEST_DIALECTS)('pictures of the original page on %s', (dialect) => {
  let world: World;
  let filer: Client;
  beforeAll(async () => {
    world = await createWorld(dialect);
    filer = await login(world.app, 'filer-a');
  });
  afterAll(async () => world.close());

  it('shows an imported PDF page with the finding outlined, to its importer and reviewers only', async () => {
    const res = await filer.upload('/api/imports', [{ name: '政府办.pdf', bytes: pdf }]);
    expect(res.statusCode).toBe(200);
    const { documentId, findings } = res.json<{
      documentId: string;
      findings: PlacedFinding[];
    }>();
    const share = findings.find((f) => f.stated === '83.00%');
    expect(share?.page).toBeGreaterThan(0);
    const [x0, y0, x1, y1] = share?.bbox ?? [];
    const url = `/api/imports/${documentId}/pages/${share?.page}?x0=${x0}&y0=${y0}&x1=${x1}&y1=${y1}`;
    const page = await filer.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('image/png');
    // The whole A4 page at 96 dpi.
    expect(pngSize(page.rawPayload)).toEqual([794, 1123]);
    const reviewer = await login(world.app, 'reviewer');
    expect((await reviewer.get(url)).statusCode).toBe(200);
    const other = await login(world.app, 'filer-b');
    const refused = await other.get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/无权/);
    // A box off the page, and a page the PDF does not have: a Chinese 400, not a picture.
    const off = await filer.get(`/api/imports/${documentId}/pages/1?x0=0&y0=5000&x1=10&y1=5010`);
    expect(off.statusCode).toBe(400);
    expect(off.json().error.message).toMatch(/无法显示/);
    expect(
      (await filer.get(`/api/imports/${documentId}/pages/99?x0=0&y0=0&x1=1&y1=1`)).statusCode,
    ).toBe(400);
    const word = await filer.upload('/api/imports', [{ name: 'r.docx', bytes: docx }]);
    const wordPage = await filer.get(
      `/api/imports/${word.json().documentId}/pages/1?x0=0&y0=0&x1=1&y1=1`,
    );
    expect(wordPage.statusCode).toBe(400);
    expect(wordPage.json().error.message).toBe('只有 PDF 文件和图片可以显示原页面');
  }, 60_000);

  it('keeps a picture of each placed finding of a batch-audited PDF once the upload is gone', async () => {
    const res = await filer.upload('/api/audit-jobs', [
      { name: 'r.docx', bytes: docx },
      { name: '政府办.pdf', bytes: pdf },
    ]);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    const job = await settledJob(filer, jobId);
    expect(job.status).toBe('done');
    const [word, printed] = job.files;
    expect(word?.pictures).toEqual([]);
    const placed = (printed?.findings ?? []).flatMap((f, i) => (f.page !== undefined ? [i] : []));
    expect(placed.length).toBeGreaterThan(0);
    expect(printed?.pictures).toEqual(placed);
    // The originals are gone; the pictures stay.
    const stored = await world.ctx.db
      .selectFrom('job_files')
      .select((eb) => eb.fn.sum<number>(eb.fn('length', ['bytes'])).as('bytes'))
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.bytes)).toBe(0);
    for (const n of placed) {
      const picture = await filer.get(`/api/audit-jobs/${jobId}/files/1/pictures/${n}`);
      expect(picture.statusCode).toBe(200);
      const [width, height] = pngSize(picture.rawPayload) ?? [];
      // A band across the page around the finding, not the whole page.
      expect(width).toBe(794);
      expect(height).toBeLessThan(700);
      expect(picture.rawPayload.length).toBeLessThan(60_000);
    }
    const missing = await filer.get(`/api/audit-jobs/${jobId}/files/0/pictures/0`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/不存在/);
    const other = await login(world.app, 'filer-b');
    const refused = await other.get(`/api/audit-jobs/${jobId}/files/1/pictures/${placed[0]}`);
    expect(refused.statusCode).toBe(403);
  }, 60_000);
});
