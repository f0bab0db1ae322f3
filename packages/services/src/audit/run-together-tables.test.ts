import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { inventedTableCases } from './testing/invented-table-cases.ts';

/**
 * Every invented 自评表 written with tabs or as PDF text, rewritten with the cells of each row run
 * together with nothing between them (as html tables flattened to text give them): a clean
 * table must get no error, and the planted findings are measured (the floor keeps what was
 * reached; the rows are split by fit alone, so their findings stay warnings).
 */

const runTogether = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.includes('\t') ? line.replace(/\t/g, '') : line.replace(/ +/g, '')))
    .join('\n');

const cases = inventedTableCases((f) => /\.(?:tabs|pdf)\.txt$/.test(f)).map((c) => ({
  ...c,
  text: runTogether(c.text),
}));

describe('invented 自评表 with the cells of each row run together', () => {
  const audits = cases.map((c) => ({
    ...c,
    findings: auditDocument(new TextEncoder().encode(c.text), c.file).findings,
  }));

  it('gives no clean table an error', () => {
    const errors = audits
      .filter((a) => a.clean)
      .flatMap((a) =>
        a.findings.filter((f) => f.severity === 'error').map((f) => `${a.file} ${f.code}`),
      );
    expect(audits.filter((a) => a.clean).length).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });

  // 预期目标 and 实际完成情况 run together on one line are the table's cells, not prose stating
  // one figure twice ("惠及居民5800户。…惠及居民5920户。").
  it('reads no restatement into the cells of a table', () => {
    const restated = audits
      .filter((a) => !a.planted.includes('cross-section'))
      .flatMap((a) =>
        a.findings
          .filter((f) => f.code === 'DOC_CLAIM_RESTATED')
          .map((f) => `${a.file} ${f.message}`),
      );
    expect(restated).toEqual([]);
  });

  // Measured: 1 of 32 before rows run together were split, 24 of 32 after. With holdout-v: 28 of
  // 37 (and a false 总分 error on a clean table once a cut-short reading no longer hid it); 33
  // of 37 after names holding figures (PM2.5, 24小时), dates, 分值 × 系数, source rows the
  // vocabulary does not name, a 偏差原因 sentence closing a row, and a 总分 row's label glued to
  // its figures no longer taken for a cut; 34 once merged group cells written twice (预算执行率 |
  // 预算执行率) were read as groups; 35 with 得分率 read as the 系数 column it is (得分 ÷ 分值) and
  // unit notes in run-together headers (权重(%)) kept with their word. With holdout-r, measured
  // untouched: 39 of 42 (its 评分表 with 小计 rows missed), and no alarm on its clean tables. With
  // holdout-x (PDF text wrapped at a page's width, then run together): 4 of its 10 untouched, 5
  // after its rows' wrapped figures and header words were joined back (44 of 52 in all). Warnings
  // of categories not planted, over all these files: 36 before, 25 after. With holdout-s (added
  // after its own fixes, so not untouched): 11 of its 13, no error or restatement on its clean
  // tables; missed, its table with a 是否核心指标 column, whose 是/否 runs into the name before it
  // and whose 实际完成值, 分值 and 得分 run together ("≤12月1156": 11 | 5 | 6) (55 of 65 in all).
  // 57 once a fund header's 合计/中央/地方 sub-columns run together ("合计中央补助地方资金…") were
  // parted and a row's figures split over every sub-column (x4 and v8 found). With holdout-y,
  // measured untouched: 10 of its 12 (its 区域 table with only 全年执行数 parted missed), no error
  // on its clean tables; 12 of 12 once one group of sub-columns was placed by the row's figures
  // (69 of 77 in all). 70 once a 是/否 that ran into the name was taken for the 是否核心指标 cell
  // and a bare actual read at the size of its target (x2 found; s2's rows are read but for the
  // one it plants its finding in, "≤12月1156", 11 | 5 | 6 or 1 | 15 | 6, left whole). 72 once
  // amounts to four decimals (万元 to the 元) were split as such (x6 found in both renderings).
  // With holdout-p, measured untouched: 12 of its 13 (84 of 90), no error on its clean tables,
  // but three restatements: rows closing on a numbered 偏差原因 ("…14.251.因…；2.下一步…") were
  // no rows, so the tables around them went unread and their goal pairs read as prose. 85 of 90
  // once such a reason is kept whole as the row's last cell. With holdout-q, measured untouched:
  // 8 of its 14 (93 of 104); 96 once its 计量单位 cell, run into the name ("少年宫所≥12…",
  // "合格率%≥95…"), was parted from it, full marks (1515 as 15 | 15) preferred, a reading reached
  // twice no longer counted as its own rival, and rows "按支出性质分：基本支出" read. Missed: its 评分标准 table (sentences with commas mid-row) and the row whose
  // 偏差原因 opens with a count ("54.52个路口因…": 4.5 | 2个… or 4.52 | 个…, left unread).
  // With holdout-k (after its own fixes): 100 of 113, no error on its clean tables; missed, its
  // 衔接资金 table over two pages, its 评分表 with 评分要点 and 加分项/扣分项 rows, and its 小计
  // rows above their groups; and holdout-r's 评分表 with 小计 rows, found until then only by a
  // misreading (产出 得分 29 against rows of 30, where 过程 is the planted one), now read less.
  // With holdout-l, measured untouched: 6 of its 12 (106 of 125); 10 of 12 once a dash was read
  // as an empty amount cell, a "得分（10分）" header run together kept its points, and a row could
  // close on its 得分率 or hold a month glued to its figures. 113 of 125 once 评分表 rows of a
  // name, 分值 and 得分 alone ("立项程序规范性44"), group cells of a first-level word before a
  // second-level name ("决策项目立项…"), names of two group words (产出时效) and 小计 rows named
  // for their group ("决策指标小计2019.5") were read: k7 and r7 found, with the 小计 they plant.
  // Missed: l8 (its 指标解释 runs into the name), k4, k5, q5, q9, s2, x5 and 12-jilin.
  // With holdout-m, measured untouched: 7 of its 12; 9 of 12 after its fixes (122 of 137).
  // Missed of it: m3's rows of 指标方向 and 评分标准, m10's date row. Its clean m9 had 4 warnings
  // (a fund row closing on its 备注, a pair 达到自治区标准达到自治区标准 read as a name) until both
  // were read; warnings on all clean tables run together: 48 before, 44 after.
  // With holdout-ab (after its vocabulary fixes): 7 of its 9 (149 of 173), no error on its clean
  // tables; 9 of 9 (151) once a 偏差原因 sentence holding figures of its own ("…109部分培训班次
  // 调整至2025年一季度举办，…") was kept whole as the row's last cell. With holdout-ac, measured
  // untouched: 5 of its 8 (156 of 181); 7 of 8 once 实际拨付数 was read as the money spent and
  // 完成情况说明 as a reason column (a header run together had read 完成情况 as the actual); its
  // 南平 table stays unread (rows like "1512.51个市场…" and "1012全部…" fit more than one way).
  it('finds the planted findings of most (floor 122)', () => {
    const withFindings = audits.filter((a) => a.planted.length > 0);
    const found = withFindings.filter((a) =>
      a.planted.some((c) => a.findings.some((f) => f.category === c)),
    );
    console.log(
      `run together: ${found.length}/${withFindings.length} tables with their finding found`,
      ...withFindings.filter((a) => !found.includes(a)).map((a) => `\n  missed: ${a.file}`),
    );
    expect(found.length).toBeGreaterThanOrEqual(122);
  });
});

/**
 * With holdout-ad, measured untouched: 7 of its 9 (165 of 190), no error on its clean tables:
 * missed, its tables with 指标解释 and 评分标准 columns, whose texts ran into the name hold stops
 * ("…达到目标值得满分，否则按比例得分≥90%87%1514.5"), so their rows were taken for prose and the
 * indicator block left unread (a qualitative row of it read as a fund source). 9 of 9 (167 of
 * 190) once such a row, no figure before its stops and three glued figures after them, was read
 * as a row; the warnings on clean tables run together unchanged (53).
 * With holdout-ae, measured untouched: 8 of its 9 (175 of 199), 3 warnings on its clean tables (56
 * in all); 177 of 199 and 36 warnings, none new, once a 定性 cell run into the name, a qualitative
 * pair around the dash of an empty 度量单位 ("好—好") or of one character ("良良"), a change on the
 * year before ("较上年提高提高0.6个百分点") and a reason holding a year ("…推迟至2025年春季实施")
 * were read, and a leaf with a target weighed 40 points at most ("83001516": 8300 | 15 | 16).
 * 178 once a total row's empty 得分系数 was read (总分100—98.60); warnings 36 → 30 once a reason
 * closing on words after a year it holds ("…纳入2025年收运线路。") was the row's last cell.
 * With holdout-af, measured untouched: 9 of its 9 (187 of 208), no warning on its clean tables.
 * Warnings 30 → 28 once a magnitude was measured against the total's 执行数 where its 全年预算数,
 * misread from a row run together, was under a hundredth of it.
 */
describe('invented 自评表 run together, rows whose 评分标准 holds stops', () => {
  const audits = cases.map((c) => ({
    ...c,
    findings: auditDocument(new TextEncoder().encode(c.text), c.file).findings,
  }));

  it('finds the planted findings of most (floor 187), no error and few warnings (at most 28) on clean tables', () => {
    const withFindings = audits.filter((a) => a.planted.length > 0);
    const found = withFindings.filter((a) =>
      a.planted.some((c) => a.findings.some((f) => f.category === c)),
    );
    expect(found.length).toBeGreaterThanOrEqual(187);
    const errors = audits
      .filter((a) => a.clean)
      .flatMap((a) => a.findings.filter((f) => f.severity === 'error'));
    expect(errors).toEqual([]);
    const warnings = audits
      .filter((a) => a.clean)
      .flatMap((a) => a.findings.filter((f) => f.severity === 'warning'));
    expect(warnings.length).toBeLessThanOrEqual(28);
  });
});
