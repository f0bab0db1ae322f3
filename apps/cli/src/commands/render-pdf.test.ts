import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluation, formatPoints, scoreEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { findRulebook } from '@jixiao/services';
import { repoRoot } from '../repo-root.ts';
import {
  docxToPdf,
  pdfPages,
  previewToolsAvailable,
  previewWorkspace,
} from '../preview/pdf-tools.ts';

const fixtureDir = path.join(repoRoot(), 'fixtures', 'evaluations');
const files = (await readdir(fixtureDir)).filter((f) => f.endsWith('.json')).sort();
const departments: { file: string; evaluation: Extract<Evaluation, { kind: 'department' }> }[] = [];
for (const file of files) {
  const parsed = Evaluation.safeParse(
    JSON.parse(await readFile(path.join(fixtureDir, file), 'utf8')),
  );
  if (parsed.success && parsed.data.kind === 'department')
    departments.push({ file, evaluation: parsed.data });
}

const tools = await previewToolsAvailable();
const squash = (s: string) => s.replace(/\s+/g, '');

// CI installs libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk; elsewhere this is skipped.
describe.skipIf(!tools)(
  'rendered reports survive LibreOffice (skipped: soffice/pdftoppm not installed)',
  () => {
    let ws: Awaited<ReturnType<typeof previewWorkspace>>;
    let out: string;
    beforeAll(async () => {
      ws = await previewWorkspace();
      out = await mkdtemp(path.join(tmpdir(), 'jixiao-render-pdf-'));
    });
    afterAll(async () => {
      await ws.dispose();
      await rm(out, { recursive: true, force: true });
    });

    it('has department fixtures to render', () => {
      expect(departments.length).toBeGreaterThanOrEqual(4);
    });

    it.each(departments)(
      '$file: title, total score and attachment titles in the PDF',
      async ({ file, evaluation }) => {
        const rulebook = findRulebook(evaluation.rulebookId);
        if (!rulebook) throw new Error(`no rulebook ${evaluation.rulebookId}`);
        const sheet = scoreEvaluation(evaluation, rulebook);
        const docx = path.join(out, file.replace(/\.json$/, '.docx'));
        await writeFile(docx, await renderReportDocx(evaluation, sheet));
        const pdf = await docxToPdf(docx, out, ws.dir, ws.env);
        const pages = await pdfPages(pdf);
        const text = squash(pages.join(''));
        const y = evaluation.meta.year;
        expect(text).toContain(
          squash(
            evaluation.meta.title ?? `${y}年度${evaluation.meta.unitName}部门整体支出绩效自评报告`,
          ),
        );
        expect(text).toContain(`自评得分${formatPoints(sheet.total)}分`);
        expect(text).toContain(`附件${evaluation.baseData ? 2 : 1}${y}年度部门整体支出绩效自评表`);
        if (evaluation.baseData)
          expect(text).toContain(`附件1${y}年度部门整体支出绩效评价基础数据表`);
        for (const p of evaluation.projectEvaluations)
          expect(text).toContain(squash(p.projectName));
        if (evaluation.projectEvaluations.length > 0)
          expect(text).toContain(`${y}年度项目支出绩效自评表`);
        // 22 lines a page: a report of this size takes a handful of pages, never one, never hundreds
        const leaves = JSON.stringify(evaluation.indicators).split('"name"').length;
        expect(pages.length).toBeGreaterThanOrEqual(4);
        expect(pages.length).toBeLessThanOrEqual(
          12 + leaves + 3 * evaluation.projectEvaluations.length,
        );
        // page numbers "— n —" on the pages
        expect(pages[1]).toMatch(/—\s*2\s*—/);
      },
      180_000,
    );
  },
);
