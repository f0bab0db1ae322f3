import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { inventedTableCases } from './testing/invented-table-cases.ts';

/**
 * Every invented 自评表 written as text (tabs, PDF text, one cell per line), rewritten as a web
 * page's text or a PDF copied as one paragraph gives a table: the whole table on one line, its
 * cells parted by single spaces and its rows by nothing, page marks ("第 2 页，共 3 页") among
 * them. A clean table must get no error; the planted findings are measured (the floor keeps what
 * was reached). Where one cell ends was read from single spaces, so findings stay warnings.
 */

const glued = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/[\t ]+/g, ' ');

const cases = inventedTableCases((f) => /\.(?:tabs|pdf|cells|cells-blank)\.txt$/.test(f)).map(
  (c) => ({ ...c, text: glued(c.text) }),
);

describe('invented 自评表 with the whole table on one line', () => {
  const audits = cases.map((c) => ({
    ...c,
    findings: auditDocument(new TextEncoder().encode(c.text), c.file).findings,
  }));

  it('gives no clean table an error, and at most one warning in all', () => {
    const clean = audits.filter((a) => a.clean);
    const of = (severity: string): string[] =>
      clean.flatMap((a) =>
        a.findings.filter((f) => f.severity === severity).map((f) => `${a.file} ${f.code}`),
      );
    expect(clean.length).toBeGreaterThanOrEqual(60);
    expect(of('error')).toEqual([]);
    // z8's 指标性质 cell (定性) was read as the name of a row in two groups until a 定性 cell was
    // read as no part of the target. holdout-af's 韶关 table (分值 before 指标性质 | 指标值 |
    // 度量单位) had 37 warnings in each of its two text renderings until its 度量单位 cell, in its
    // place after the target's figure, was kept in its row.
    expect(of('warning')).toEqual([]);
  });

  // Measured: 2 of 170 before a line holding a whole table was read as its cells one after
  // another (the rest "未能识别自评表结构"); 157 after, each as a warning. Missed: tables whose
  // 小计 rows or weights over two pages need the rows' own lines (12-jilin, k5, k7, v7), a fund
  // block whose empty cells only the tabs showed (k2, 13), and a few more. With holdout-l (added
  // after, with its own fixes to tables): 174 of 187. With holdout-m, measured untouched: 13 of
  // its 18 (6 warnings on its clean ones); 192 of 205 after its fixes, no warning on a clean table;
  // 214 of 221 with holdout-n and a table ending before the prose line after it. With holdout-o,
  // measured untouched: 8 of its 16 (222 of 237), no warning on its clean ones; 230 of 237 after
  // its fixes. With holdout-aa: 244 of 251; its 基础数据表 glued is left unread (a figure and the
  // next row's label parted into one cell, so no row of it is trusted). With holdout-ab: 259 of
  // 264, its 13 all found; its clean table over two pages got 4 warnings until a page's footer
  // run into the line ("… 6 6 第 1 页 共 2 页 续表 …") no longer glued the figures before it.
  // With holdout-ac, measured untouched: 10 of its 13 (269 of 277) and 3 warnings on its clean
  // ones (a fund block headed 预算安排数 | 实际拨付数 unread); 271 of 277 and none after its fixes;
  // 272 once a short 完成情况说明 after a row's 得分 and before its group's 小计 row ("… 7 7 完成
  // 产出指标小计 40 40 …") was read as that row's reason, not as a leaf the 小计 figures belong to.
  // With holdout-af, measured untouched: 14 of its 16 (320 of 327; 朔州's 区域 table headed
  // 全年指标值 | 全年实际完成值 missed), 74 warnings on its clean ones (韶关's 分值 before 指标性质 |
  // 指标值 | 度量单位, its rows read as 分值 | 得分 | …); 322 of 327 and none once 全年指标值 was a
  // target's header and the 度量单位 cell kept in its row.
  it('finds the planted findings of most (floor 230), as warnings', () => {
    const withFindings = audits.filter((a) => a.planted.length > 0);
    const found = withFindings.filter((a) =>
      a.planted.some((c) => a.findings.some((f) => f.category === c)),
    );
    console.log(
      `glued: ${found.length}/${withFindings.length} tables with their finding found`,
      ...withFindings.filter((a) => !found.includes(a)).map((a) => `\n  missed: ${a.file}`),
    );
    expect(found.length).toBeGreaterThanOrEqual(230);
    // The cells' readings stay warnings. A sentence of prose written among the rows, once parted
    // from them, is read as written: what it says against itself is certain (z12's "全年执行
    // 1197.00元，执行率95.00%", a 元/万元 slip within one sentence).
    const errors = withFindings.flatMap((a) =>
      a.findings.filter((f) => f.severity === 'error' && !f.code.startsWith('DOC_CLAIM_')),
    );
    expect(errors.map((f) => `${f.code} ${f.message}`)).toEqual([]);
  });
});

/**
 * The same tables with every space and line break removed, as a web page's text of a table often
 * is ("…项目名称…主管部门…年度资金总额3,600,000.004,000,000.00…1096.31%9.63其中：…"): the rows are
 * told apart where a figure is followed by a name, so what they find is a warning.
 */
describe('invented 自评表 with every cell joined by nothing', () => {
  const joined = inventedTableCases((f) => /\.(?:tabs|pdf|cells|cells-blank)\.txt$/.test(f)).map(
    (c) => ({ ...c, text: c.text.replace(/[\s\u3000]+/g, '') }),
  );
  const audits = joined.map((c) => ({
    ...c,
    findings: auditDocument(new TextEncoder().encode(c.text), c.file).findings,
  }));

  // Measured: 2 of 187 before such a line was given back a row a line, 100 after; the clean
  // tables no error before or after (71 warnings after, from rows whose cells were cut wrong).
  it('finds the planted findings of many (floor 100) and gives no clean table an error', () => {
    const withFindings = audits.filter((a) => a.planted.length > 0);
    const found = withFindings.filter((a) =>
      a.planted.some((c) => a.findings.some((f) => f.category === c)),
    );
    console.log(
      `joined by nothing: ${found.length}/${withFindings.length} tables with their finding found`,
    );
    expect(found.length).toBeGreaterThanOrEqual(100);
    const clean = audits.filter((a) => a.clean);
    const errors = clean.flatMap((a) =>
      a.findings.filter((f) => f.severity === 'error').map((f) => `${a.file} ${f.code}`),
    );
    expect(errors).toEqual([]);
  });
});

/**
 * The tables joined by nothing again, once the unit line (金额单位：万元), the fund header after it
 * ("资金来源年初预算数…") and a first row glued to a header closing on 扣分原因 or 完成情况说明
 * were set on lines of their own: 152 of 295 before (holdout-ad 0 of its 18, no table of it read),
 * 177 after (holdout-ad 12 of 18); warnings on the clean tables 101 before, 71 after, none new.
 * 179 (holdout-ad 16 of 18) once no row ended inside a 评分标准 ("≥85%得满分", "…扣1分"), a
 * group's name after a 评分标准 with stops opened a row, a unit opening a long name ("10家庭医生…")
 * did not hold it in the row before, and rows whose 评分标准 holds stops were read run together.
 * With holdout-ae, measured untouched: 14 of its 16 (193 of 311), 6 warnings on its clean tables
 * (77 in all). 206 of 311 (one cell per line 49 → 51 of 79, with empty cells 17 → 18 of 33, PDF
 * text 70 → 77 of 108, tabs 57 → 60 of 91), warnings on the clean tables 77 → 48 with none new,
 * once a reason closed by no stop ended where a group's name follows it (past a year it holds:
 * "…推迟至2025年春季实施质量指标…"), 亿元 was a unit, a 资金情况 header opened the fund block,
 * and rows run together read their 定性 cell, "好—好" around an empty 度量单位, "良良", "较上年提高
 * 提高0.6个百分点", a reason holding a year, and no leaf weight over 40. 208 once a total row's
 * empty 得分系数 was read (总分100—98.60); 217, warnings on the clean tables 48 → 42 with none new,
 * once a first row glued to a header closing on 分析 (未完成原因分析) and the sub-columns under a
 * fund header's amounts (…得分合计中央补助地方资金…) were set apart, and a reason closing on words
 * after a year it holds ("…纳入2025年收运线路。") was read as the row's last cell. 219 once a
 * table in full-width digits (４５０.００, ９８.００％) had its rows cut where its figures end.
 * With holdout-af, measured untouched: 16 of its 16 (235 of 327), 8 warnings on its clean tables
 * (50 in all: 宁德's 部门整体 in 亿元 over two pages, its 渔船更新改造 row cut wrong at 艘).
 * 254 of 327, warnings on the clean tables 50 → 38, once measure words (艘, 处, 斤, 微克/立方米)
 * ended no row, a header opening on 绩效指标 was set apart from the 年度总体目标 row before it
 * (tables whose indicator block had been left unread: 21 tables found, 8 new warnings on clean
 * ones where those rows are now read, misread: 较上年提高2个百分点 | 提高2.5个百分点, a 区域 table
 * with no 执行率 row), and a numbered reason ended at its last stop ("…；2.下一步加强宣传动员。"
 * before the next row's name). Lost: holdout-q's 常德 评分标准 table, found until then only by a
 * misreading ("≥15处15处15…" cut at 处, its weights read as 1 and scores as 0), now unread.
 */
describe('invented 自评表 joined by nothing, their unit line and headers apart', () => {
  const joined = inventedTableCases((f) => /\.(?:tabs|pdf|cells|cells-blank)\.txt$/.test(f)).map(
    (c) => ({ ...c, text: c.text.replace(/[\s\u3000]+/g, '') }),
  );
  const audits = joined.map((c) => ({
    ...c,
    findings: auditDocument(new TextEncoder().encode(c.text), c.file).findings,
  }));

  it('finds the planted findings of more (floor 254) and warns on few clean tables (at most 38)', () => {
    const withFindings = audits.filter((a) => a.planted.length > 0);
    const found = withFindings.filter((a) =>
      a.planted.some((c) => a.findings.some((f) => f.category === c)),
    );
    expect(found.length).toBeGreaterThanOrEqual(254);
    const warnings = audits
      .filter((a) => a.clean)
      .flatMap((a) => a.findings.filter((f) => f.severity === 'warning'));
    expect(warnings.length).toBeLessThanOrEqual(38);
  });
});
