import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { auditDocument } from './audit-document.ts';

const fixtures = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../fixtures/evaluations',
);
// The example reports with their narrative chapters, as jixiao's writer renders them.
const MESSY = ['000_1b4dc649ed6af86d', '002_a7b055efa2efa46e', '004_66e78293cd0851a8'];

describe('an example report rendered with the writer and read back', () => {
  it.each(MESSY)(
    '%s takes no 基本支出, 人员经费 or other total for a project',
    async (name) => {
      const evaluation = DepartmentEvaluation.parse(
        JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')),
      );
      const bytes = await renderReportDocx(evaluation, undefined, { figures: 'stated' });
      const projects = new Set([
        ...evaluation.projectExpenditure.projects.map((p) => p.name),
        ...evaluation.projectEvaluations.map((p) => p.projectName),
      ]);
      const exceeding = auditDocument(bytes, `${name}.docx`)
        .findings.filter((f) => f.code === 'CROSS_PROJECT_EXCEEDS')
        .map((f) => /项目“([^”]+)”/.exec(f.message)?.[1] ?? f.message);
      // Only the department's own projects may be compared with its 项目支出 (004's 区委办专项
      // really exceeds it); amounts of other kinds never are.
      expect(exceeding.filter((p) => !projects.has(p))).toEqual([]);
    },
    30_000,
  );
});

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');

describe.runIf(existsSync(corpus))('the rendered report against its source text', () => {
  it.each([...MESSY, '003_673b39950d73d57f'])(
    '%s gains no kind of error, duplicate or book total its source text does not have',
    async (name) => {
      const evaluation = DepartmentEvaluation.parse(
        JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')),
      );
      const bytes = await renderReportDocx(evaluation, undefined, { figures: 'stated' });
      const rendered = auditDocument(bytes, `${name}.docx`).findings;
      const source = auditDocument(
        new Uint8Array(readFileSync(join(corpus, `${name}.txt`))),
        `${name}.txt`,
      ).findings;
      const kinds = new Set(source.map((f) => f.category));
      const gained = rendered
        .filter((f) => f.severity === 'error' && !kinds.has(f.category))
        .map((f) => `${f.code} ${f.message}`);
      expect(gained).toEqual([]);
      // Duplicates and the book's total only where the source has them too (004 really lists
      // 服务经济社会发展 twice).
      for (const code of ['DUPLICATE_INDICATOR', 'WEIGHT_BOOK_TOTAL']) {
        const inSource = new Set(source.filter((f) => f.code === code).map((f) => f.stated));
        expect(
          rendered.filter((f) => f.code === code && !inSource.has(f.stated)).map((f) => f.message),
        ).toEqual([]);
      }
    },
    30_000,
  );
});
