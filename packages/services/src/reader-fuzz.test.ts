import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument, renderReportDocx, renderTablesXlsx } from '@jixiao/documents';
import { DepartmentEvaluation } from '@jixiao/domain';
import { auditDocument } from './audit/index.ts';
import { ServiceError } from './errors.ts';
import { readUpload } from './imports.ts';

const root = new URL('../../../', import.meta.url);
const evaluation = DepartmentEvaluation.parse(
  JSON.parse(readFileSync(new URL('fixtures/evaluations/000_1b4dc649ed6af86d.json', root), 'utf8')),
);
const html = readFileSync(new URL('fixtures/documents/merged-cells.html', root));
const samples: { name: string; bytes: Uint8Array }[] = [
  { name: 'report.docx', bytes: await renderReportDocx(evaluation, undefined) },
  {
    name: 'merged.docx',
    bytes: readFileSync(new URL('fixtures/documents/merged-cells.docx', root)),
  },
  { name: 'merged.html', bytes: html },
  {
    name: 'report.txt',
    bytes: new TextEncoder().encode(
      `2024年度${evaluation.meta.unitName}部门整体支出绩效自评报告\n一、基本情况\n全年预算数100万元，全年执行数90万元，执行率90%。\n`,
    ),
  },
];

const workbook = {
  name: 'tables.xlsx',
  bytes: await renderTablesXlsx(evaluation, undefined),
};

/** A sample with some bytes overwritten, some cut or some inserted. */
const mutationOf = (choices: { name: string; bytes: Uint8Array }[]) =>
  fc
    .record({
      sample: fc.constantFrom(...choices),
      edits: fc.array(
        fc.record({
          kind: fc.constantFrom('set', 'cut', 'insert', 'truncate'),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ sample, edits }) => {
      let bytes = sample.bytes;
      for (const edit of edits) {
        const at = Math.floor(edit.at * bytes.length);
        const copy = Array.from(bytes);
        if (edit.kind === 'set') copy.splice(at, edit.bytes.length, ...edit.bytes);
        else if (edit.kind === 'cut') copy.splice(at, edit.bytes.length);
        else if (edit.kind === 'insert') copy.splice(at, 0, ...edit.bytes);
        else copy.length = at;
        bytes = Uint8Array.from(copy);
      }
      return { name: sample.name, bytes };
    });

const han = /[\u4e00-\u9fff]/;

describe('readers on mutated files', () => {
  it('the samples read as they are', () => {
    for (const sample of samples) expect(readDocument(sample.bytes, sample.name).ok).toBe(true);
  });

  it('readDocument and auditDocument answer a value (read, or a Chinese error), never a throw', () => {
    fc.assert(
      fc.property(mutationOf(samples), ({ name, bytes }) => {
        const read = readDocument(bytes, name);
        if (!read.ok) expect(read.error.message).toMatch(han);
        const audit = auditDocument(bytes, name);
        expect(typeof audit.ok).toBe('boolean');
        if (!audit.ok) expect(audit.error ?? '').toMatch(han);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('an import of a mutated workbook (or any of the samples) is read or refused in Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(mutationOf([workbook, ...samples]), async ({ name, bytes }) => {
        try {
          await readUpload(name, bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError);
          expect((error as ServiceError).message).toMatch(han);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
