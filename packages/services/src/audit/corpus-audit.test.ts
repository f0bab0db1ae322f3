import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTextLines } from '@jixiao/documents';
import { auditDocument } from './audit-document.ts';
import type { AuditFinding } from '@jixiao/documents';

// The example reports live beside the repository (../shared/corpus), not in it.
const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');
const has = existsSync(join(corpus, 'FINDINGS.md'));

function audit(file: string) {
  return auditDocument(new Uint8Array(readFileSync(join(corpus, file))), file);
}

/** Every row of FINDINGS.md: the file, the category and the figure as stated. */
const EXPECTED: readonly { file: string; category: string; stated: string; severity?: string }[] = [
  { file: '000_1b4dc649ed6af86d.txt', category: 'ratio', stated: '12%' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'ratio', stated: '3.96%' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'sum', stated: '3385.52' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'score-subtotal', stated: '49' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'weight-subtotal', stated: '20' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'score-subtotal', stated: '20' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'unit', stated: '138万件' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'execution-score', stated: '8' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'implausible', stated: '273000万元' },
  { file: '000_1b4dc649ed6af86d.txt', category: 'numbering', stated: '⑵' },
  { file: '002_a7b055efa2efa46e.txt', category: 'ratio', stated: '97.06%', severity: 'info' },
  { file: '002_a7b055efa2efa46e.txt', category: 'score-subtotal', stated: '30' },
  { file: '002_a7b055efa2efa46e.txt', category: 'numbering', stated: '5、' },
  { file: '002_a7b055efa2efa46e.txt', category: 'numbering', stated: '（2）' },
  { file: '003_673b39950d73d57f.txt', category: 'total', stated: '100' },
  { file: '003_673b39950d73d57f.txt', category: 'year', stated: '2022年' },
  { file: '003_673b39950d73d57f.txt', category: 'sum', stated: '912.96', severity: 'info' },
  { file: '003_673b39950d73d57f.txt', category: 'numbering', stated: '1.' },
  { file: '004_66e78293cd0851a8.txt', category: 'cross-section', stated: '273.10' },
  { file: '004_66e78293cd0851a8.txt', category: 'cross-section', stated: '373' },
  { file: '004_66e78293cd0851a8.txt', category: 'numbering', stated: '十、' },
  { file: '004_66e78293cd0851a8.txt', category: 'duplicate', stated: '服务经济社会发展' },
];

const matches = (f: AuditFinding, e: (typeof EXPECTED)[number]): boolean =>
  f.category === e.category &&
  f.stated === e.stated &&
  (e.severity === undefined || f.severity === e.severity);

describe.skipIf(!has)('auditing the example reports', () => {
  const results = new Map(
    [
      '000_1b4dc649ed6af86d.txt',
      '002_a7b055efa2efa46e.txt',
      '003_673b39950d73d57f.txt',
      '004_66e78293cd0851a8.txt',
    ].map((f) => [f, audit(f)] as const),
  );

  it.each(EXPECTED.map((e) => [`${e.file.slice(0, 3)} ${e.category} ${e.stated}`, e] as const))(
    'finds %s',
    (_, e) => {
      const found = results.get(e.file)?.findings ?? [];
      expect(found.some((f) => matches(f, e))).toBe(true);
    },
  );

  it('reads each report with its unit, year, rulebook and claimed total', () => {
    const summaries = [...results.values()].map((r) => r.summary);
    expect(summaries.map((s) => [s.year, s.rulebook, s.claimedTotal])).toEqual([
      [2024, 'hunan-department', 97],
      [2024, 'huaihua-department', 98.7],
      [2023, 'guangdong-department', 100],
      [2023, 'hunan-department', 99],
    ]);
    expect(summaries.map((s) => s.department)).toEqual([
      '政府办',
      '怀化市人民政府办公室',
      '乐昌市人民政府办公室',
      '中共岳阳市君山区委办公室',
    ]);
  });

  it('stays silent on the weight moved to 部门预算资金支出率 in 003', () => {
    const f = results.get('003_673b39950d73d57f.txt')?.findings ?? [];
    expect(f.filter((x) => x.category === 'score-over-weight')).toEqual([]);
  });

  it('reports the truncated 97.06% of 002 as a rounding style only', () => {
    const f = results.get('002_a7b055efa2efa46e.txt')?.findings ?? [];
    expect(f.filter((x) => x.stated === '97.06%').map((x) => x.severity)).toEqual(['info']);
  });

  it('cites a line and an excerpt for every finding', () => {
    for (const r of results.values()) {
      for (const f of r.findings) {
        expect(f.line, `${r.file} ${f.code}`).toBeTypeOf('number');
        expect(f.excerpt, `${r.file} ${f.code}`).toBeTypeOf('string');
      }
    }
  });
});

/** A corpus report (.txt, tables one cell per line) as a .docx with real tables. */
async function asDocx(text: string): Promise<Uint8Array> {
  const doc = parseTextLines(text, 'x.txt');
  const children = doc.blocks.map((b) =>
    b.kind !== 'table' || !b.rows
      ? new Paragraph({ children: [new TextRun(b.text)] })
      : new Table({
          rows: b.rows.map(
            (row) =>
              new TableRow({
                children: row.cells.map(
                  (c) => new TableCell({ children: c.split('\n').map((l) => new Paragraph(l)) }),
                ),
              }),
          ),
        }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe.skipIf(!has)('auditing the example reports saved as .docx', () => {
  const results = new Map<string, ReturnType<typeof auditDocument>>();
  beforeAll(async () => {
    for (const file of new Set(EXPECTED.map((e) => e.file))) {
      const docx = await asDocx(readFileSync(join(corpus, file), 'utf8'));
      results.set(file, auditDocument(docx, file.replace(/\.txt$/, '.docx')));
    }
  });

  it.each(EXPECTED.map((e) => [`${e.file.slice(0, 3)} ${e.category} ${e.stated}`, e] as const))(
    'finds %s',
    (_, e) => {
      const found = results.get(e.file)?.findings ?? [];
      expect(found.some((f) => matches(f, e))).toBe(true);
    },
  );
});
