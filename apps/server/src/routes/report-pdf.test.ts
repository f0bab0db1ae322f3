import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createWorld, login } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

const haveLibreOffice = spawnSync('soffice', ['--version']).status === 0;
const havePoppler = spawnSync('pdftotext', ['-v']).status === 0;

/** pdftotext's text and pdfinfo's page size of a PDF. */
function readPdf(bytes: Buffer): { text: string; pageSize: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-test-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      text,
      pageSize: /Page size:\s+(.+)/.exec(info)?.[1]?.trim() ?? '',
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The PDF is the Word report converted by LibreOffice: the dialect plays no part, so SQLite only.
describe.skipIf(!haveLibreOffice || !havePoppler)(
  'the report as PDF (LibreOffice and poppler installed)',
  { timeout: 300_000 },
  () => {
    let world: World;
    let filer: Client;
    beforeAll(async () => {
      world = await createWorld('sqlite');
      filer = await login(world.app, 'filer-a');
    });
    afterAll(async () => world.close());

    it('states the figures the unit entered, on A4 pages, with no internal key', async () => {
      const id = world.evaluations.a;
      const current = (await filer.get(`/api/evaluations/${id}`)).json();
      // Entered figures that differ from the computed 100 分 优: the PDF must state these.
      current.body.stated = { total: 92.98, grade: '良' };
      const saved = await filer.put(`/api/evaluations/${id}`, {
        version: current.version,
        body: current.body,
      });
      expect(saved.statusCode).toBe(200);
      const res = await filer.get(`/api/evaluations/${id}/export.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment;.*\.pdf/);
      const pdf = readPdf(res.rawPayload);
      const flat = pdf.text.replace(/\s+/g, '');
      expect(flat).toContain('部门整体支出绩效自评报告');
      expect(flat).toContain('得分92.98分');
      expect(flat).toContain('附件2');
      expect(flat).not.toMatch(/hunan-department|indicators\[|计算得分|按指标体系计算|opening/);
      expect(pdf.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(pdf.pages).toBeGreaterThan(2);
      const inline = await filer.get(`/api/evaluations/${id}/export.pdf?inline=1`);
      expect(inline.headers['content-disposition']).toMatch(/^inline;/);
      const log = await world.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'export')
        .where('target', '=', id)
        .execute();
      expect(log.map((l): unknown => JSON.parse(l.details))).toContainEqual({ format: 'pdf' });
    });

    it('is given to the public once published, and only then', async () => {
      const id = world.evaluations.b;
      const anonymous = new Client(world.app);
      expect((await anonymous.get(`/api/public/reports/${id}/report.pdf`)).statusCode).toBe(404);
      const head = await login(world.app, 'head-b');
      const reviewer = await login(world.app, 'reviewer');
      await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
      await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'approve' });
      await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'publish' });
      const res = await anonymous.get(`/api/public/reports/${id}/report.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('says in Chinese, without a 500, when LibreOffice cannot be run', async () => {
      const id = world.evaluations.c;
      const admin = await login(world.app, 'admin');
      // A body of its own: the same report as one converted before would come from the cache.
      const current = (await admin.get(`/api/evaluations/${id}`)).json();
      current.body.stated = { total: 91, grade: '优' };
      await admin.put(`/api/evaluations/${id}`, { version: current.version, body: current.body });
      const path = process.env['PATH'];
      process.env['PATH'] = '/nonexistent';
      try {
        const res = await admin.get(`/api/evaluations/${id}/export.pdf`);
        expect(res.statusCode).toBe(503);
        expect(res.json().error.message).toMatch(
          /^暂时无法生成 PDF：.*LibreOffice.*请下载 Word 版报告/,
        );
      } finally {
        process.env['PATH'] = path;
      }
    });
  },
);
