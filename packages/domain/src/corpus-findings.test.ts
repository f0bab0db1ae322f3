import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation } from './evaluation.ts';
import type { Finding, FindingCategory, Severity } from './finding.ts';
import { Rulebook } from './rulebook.ts';
import { scoreEvaluation } from './scoring/score-evaluation.ts';
import { checkEvaluation } from './checks/check-evaluation.ts';

/**
 * The rows of the corpus FINDINGS list that concern structured data, asserted against the
 * hand-transcribed fixtures: each must be reported, the legitimate cases must stay silent, and
 * no other error may appear.
 */

const fixturesDir = new URL('../../../fixtures/evaluations/', import.meta.url);
const rulebooksDir = new URL('../../../rulebooks/', import.meta.url);

function load(stem: string): { evaluation: Evaluation; rulebook: Rulebook; findings: Finding[] } {
  const evaluation = Evaluation.parse(
    JSON.parse(readFileSync(new URL(`${stem}.json`, fixturesDir), 'utf8')),
  );
  const rulebook = Rulebook.parse(
    JSON.parse(readFileSync(new URL(`${evaluation.rulebookId}.json`, rulebooksDir), 'utf8')),
  );
  return { evaluation, rulebook, findings: checkEvaluation(evaluation, rulebook) };
}

/** Resolves a finding path ("chapters[2].paragraphs[8]") in the evaluation. */
function valueAt(root: unknown, path: string): unknown {
  let here: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

function show(f: Finding): string {
  return `[${f.severity}] ${f.category} ${f.code} ${f.path} stated=${f.stated ?? ''} expected=${f.expected ?? ''}: ${f.message}`;
}

interface Row {
  /** The FINDINGS row, as written there. */
  row: string;
  category: FindingCategory;
  /** Accepted severities; absent: any. */
  severity?: readonly Severity[];
  match: (f: Finding, evaluation: Evaluation) => boolean;
}

const stated =
  (...values: string[]) =>
  (f: Finding): boolean =>
    f.stated !== undefined && values.includes(f.stated.trim());

const ARITHMETIC: readonly Severity[] = ['error'];

const ROWS: Record<string, Row[]> = {
  '000_1b4dc649ed6af86d': [
    {
      row: 'ratio 12% (治超交通经费75.71万元)',
      category: 'ratio',
      severity: ARITHMETIC,
      match: stated('12%'),
    },
    {
      row: 'ratio 3.96% (重点民生实事 36.17万元)',
      category: 'ratio',
      severity: ARITHMETIC,
      match: stated('3.96%'),
    },
    {
      row: 'sum 全年执行数3385.52',
      category: 'sum',
      severity: ARITHMETIC,
      match: stated('3385.52', '3385.52万元'),
    },
    {
      row: 'score-subtotal 产出指标 得49',
      category: 'score-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('49')(f) && f.path.startsWith('indicators[1]'),
    },
    {
      row: 'weight-subtotal 数量指标 分值20',
      category: 'weight-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('20')(f) && f.path.startsWith('indicators[1].children[0]'),
    },
    {
      row: 'score-subtotal 数量指标 得20',
      category: 'score-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('20')(f) && f.path.startsWith('indicators[1].children[0]'),
    },
    {
      row: 'weight-subtotal 社会效益指标 分值20',
      category: 'weight-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('20')(f) && f.path.startsWith('indicators[2].children[0]'),
    },
    {
      row: 'score-subtotal 社会效益指标 得20',
      category: 'score-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('20')(f) && f.path.startsWith('indicators[2].children[0]'),
    },
    { row: 'unit 138万件', category: 'unit', match: stated('138万件') },
    {
      row: 'execution-score 预算执行率100% 得8分',
      category: 'execution-score',
      match: (f) => stated('8', '8分')(f),
    },
    {
      row: 'implausible 处罚金额约273000万元',
      category: 'implausible',
      match: (f) => `${f.stated ?? ''}${f.excerpt ?? ''}`.includes('273000'),
    },
    { row: 'numbering ⑵可持续影响指标', category: 'numbering', match: stated('⑵') },
  ],
  '002_a7b055efa2efa46e': [
    { row: 'ratio (info) 97.06%', category: 'ratio', severity: ['info'], match: stated('97.06%') },
    {
      row: 'score-subtotal 效益指标 得30 未扣分',
      category: 'score-subtotal',
      severity: ARITHMETIC,
      match: (f) => stated('30')(f) && f.path.startsWith('indicators[3]'),
    },
    {
      row: 'numbering 一…四、5、6、7、8、九、十、11、十二',
      category: 'numbering',
      match: (f) =>
        f.path.startsWith('outline') &&
        stated('5、', '6、', '7、', '8、', '九、', '11、', '十二、')(f),
    },
    {
      row: 'numbering （一）（2）（三）',
      category: 'numbering',
      match: (f) => f.path.startsWith('outline') && stated('（2）')(f),
    },
  ],
  '003_673b39950d73d57f': [
    {
      row: 'year 2022年，我办所有固定资产',
      category: 'year',
      match: (f, e) =>
        `${String(valueAt(e, f.path))}${f.excerpt ?? ''}`.includes('2022年，我办所有固定资产'),
    },
    {
      row: 'sum (info) 912.96 支出 vs 912.97 收入',
      category: 'sum',
      severity: ['info'],
      match: stated('912.96', '912.97'),
    },
    {
      row: 'numbering 1.部门主要职责 / 1.部门主要职能',
      category: 'numbering',
      match: (f) => f.path.startsWith('outline') && stated('1.')(f),
    },
  ],
  '004_66e78293cd0851a8': [
    {
      row: 'cross-section 公用经费273.10 (text)',
      category: 'cross-section',
      match: stated('273.10'),
    },
    {
      row: 'cross-section 区委办专项 373 (附件3)',
      category: 'cross-section',
      match: stated('373'),
    },
    {
      row: 'numbering 1、（一）（3）（2）2、…5、六、七、8、十 — 九 missing',
      category: 'numbering',
      match: (f) =>
        f.path.startsWith('outline') &&
        (stated('十、')(f) || `${f.expected ?? ''}${f.message}`.includes('九')),
    },
    {
      row: 'numbering 1、（一）（3）（2）2、…5、六、七、8、十 — mixed styles',
      category: 'numbering',
      match: (f) =>
        f.path.startsWith('outline') && stated('（3）', '（2）', '（1）', '2、', '5、', '8、')(f),
    },
    {
      row: 'duplicate (warning) 服务经济社会发展',
      category: 'duplicate',
      severity: ['warning'],
      match: (f) => `${f.stated ?? ''}${f.message}`.includes('服务经济社会发展'),
    },
  ],
};

/**
 * What the book computes from the stated leaf scores: 000 loses the 4 points its subtotals
 * invent (10 + 49 + 24 + 10 = 93, the execution rule giving 10 for 100%); 003 is 98 + 3.5 capped
 * at 100; 004 agrees with its 99. 002: 97.06% of 10 is 9.7068, stated 9.7 — either rounding.
 */
const COMPUTED_TOTAL: Record<string, number> = {
  '000_1b4dc649ed6af86d': 93,
  '002_a7b055efa2efa46e': 98.7,
  '003_673b39950d73d57f': 100,
  '004_66e78293cd0851a8': 99,
};
const TOTAL_TOLERANCE: Record<string, number> = { '002_a7b055efa2efa46e': 0.01 + 1e-9 };

describe.each(Object.keys(ROWS))('corpus report %s', (stem) => {
  const { evaluation, rulebook, findings } = load(stem);
  const rows = ROWS[stem] ?? [];
  const all = findings.map(show).join('\n');

  it.each(rows.map((r) => [r.row, r] as const))('reports %s', (_label, r) => {
    const hits = findings.filter((f) => f.category === r.category && r.match(f, evaluation));
    expect(
      hits.length,
      `no ${r.category} finding for “${r.row}”; findings:\n${all}`,
    ).toBeGreaterThan(0);
    if (r.severity) {
      const ok = hits.filter((f) => r.severity?.includes(f.severity));
      expect(
        ok.length,
        `“${r.row}” has severity ${hits.map((f) => f.severity).join('/')}`,
      ).toBeGreaterThan(0);
    }
  });

  it('reports no error that the FINDINGS list lacks', () => {
    const extra = findings.filter(
      (f) =>
        f.severity === 'error' &&
        !rows.some((r) => r.category === f.category && r.match(f, evaluation)),
    );
    expect(extra.map(show)).toEqual([]);
  });

  it('scores to the total the stated leaf scores support', () => {
    const sheet = scoreEvaluation(evaluation, rulebook);
    expect(sheet.statedTotal).toBe(evaluation.stated.total);
    expect(Math.abs(sheet.total - (COMPUTED_TOTAL[stem] ?? Number.NaN))).toBeLessThanOrEqual(
      TOTAL_TOLERANCE[stem] ?? 0,
    );
  });
});

describe('legitimate cases stay silent', () => {
  it('004: the attached 区委办专项 table has no error under its own book and scores its 98', () => {
    const { evaluation } = load('004_66e78293cd0851a8');
    const project = evaluation.kind === 'department' ? evaluation.projectEvaluations[0] : undefined;
    if (!project) throw new Error('004 has no attached project evaluation');
    const book = Rulebook.parse(
      JSON.parse(readFileSync(new URL(`${project.rulebookId}.json`, rulebooksDir), 'utf8')),
    );
    const errors = checkEvaluation(project, book).filter((f) => f.severity === 'error');
    expect(errors.map(show)).toEqual([]);
    expect(scoreEvaluation(project, book).total).toBe(98);
  });

  it('003: 部门预算资金支出率 scored 6 of 3 is explained by the moved weight', () => {
    const { findings } = load('003_673b39950d73d57f');
    const over = findings.filter((f) => f.category === 'score-over-weight');
    expect(over.map(show)).toEqual([]);
  });

  it('003: the stated total 100 is the capped 101.5, not an error', () => {
    const { evaluation, rulebook, findings } = load('003_673b39950d73d57f');
    const sheet = scoreEvaluation(evaluation, rulebook);
    expect(sheet.treeTotal).toBe(98);
    expect(sheet.bonus).toBe(3.5);
    expect(sheet.total).toBe(100);
    expect(sheet.capsApplied).toContain('total-cap');
    const totalErrors = findings.filter(
      (f) => (f.category === 'total' || f.category === 'grade') && f.severity === 'error',
    );
    expect(totalErrors.map(show)).toEqual([]);
  });

  it('002: 97.06% is a rounding style (info), never a warning or an error', () => {
    const { findings } = load('002_a7b055efa2efa46e');
    const loud = findings.filter((f) => f.stated === '97.06%' && f.severity !== 'info');
    expect(loud.map(show)).toEqual([]);
  });

  it('000: the shares that agree with their amounts are not flagged', () => {
    const { findings } = load('000_1b4dc649ed6af86d');
    const ratio = findings.filter((f) => f.category === 'ratio').map((f) => f.stated);
    for (const s of ['23.1%', '2.21%', '2.32%', '97.68%']) expect(ratio).not.toContain(s);
  });
});
