import { describe, expect, it } from 'vitest';
import { lazily, loadCorpus, measure, present, report, unread } from './testing/measure-corpus.ts';

/**
 * Invented 自评表 excerpts in the templates of provinces the web corpus does not hold (项目支出,
 * 部门整体, 转移支付 and 衔接资金 tables, 评分表), each flattened as real copies are: one cell per
 * line, cells run together (with spaces or with nothing), tabs, runs of spaces, html with merged
 * cells, Word; some cut short. Written by testing/write-invented-tables.ts and by hand; the
 * findings were written before the product ran on them. Targets: ≥ 90% of the findings found with
 * their category, no error on a clean file, no uncertain finding as an error.
 */
const corpus = present(loadCorpus(new URL('./invented-tables/', import.meta.url)));
// Uncertain findings count for recall here: they are meant to be found, as warnings.
const m = lazily(() => measure(corpus, undefined, true));

describe('invented 自评表 excerpts from other provinces, in every flattening', () => {
  // The target is 90%; measured: 25/39 on the first run, 30/39 after the fixes that came with
  // this set, 39/39 once a row's two figures were read as its 分值 and 得分. The floor keeps what
  // was reached; the missed ones are printed.
  it('finds the findings with their category (target 90%, floor 39/39)', () => {
    console.log(report('invented tables', m()));
    expect(m().found).toBeGreaterThanOrEqual(39);
  });

  it('reports an uncertain finding at most as a warning', () => {
    expect(m().uncertainAsErrors).toEqual([]);
  });

  it('gives the clean files no error and few warnings', () => {
    expect(m().falseErrors).toEqual([]);
    // 21-shandong's 执行率 score rounded to a whole point, in a table scored in whole points, is info.
    expect(m().cleanWarnings).toEqual([]);
  });
});

describe('held-out 自评表 excerpts, written after the fixes and measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

describe('held-out 自评表 excerpts, third batch (other column sets, merged cells, split cells), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-z/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, third batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

describe('held-out 自评表 excerpts, fourth batch (written after the fixes of the third), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-w/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, fourth batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

describe('held-out 自评表 excerpts, fifth batch (other fund column orders, 权重 before targets, split targets, full-width digits, 转移支付 over pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-t/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, fifth batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

describe('held-out 自评表 excerpts, sixth batch (cells run together, empty cells dropped, two-row fund headers, 偏差原因 before 分值, 小计 rows, cut mid-table), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-u/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, sixth batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

/**
 * Seventh batch, written before any fix of its own: templates of 湖南 (a 指标内容 column), 山西
 * (预期指标值, header repeated after a page footer), 宁夏, 青海 (long cells wrapped over two lines,
 * one cell per line), 广西 (columns aligned with runs of spaces), 深圳 and 山西 部门整体 in 元,
 * 厦门, and 转移支付 tables with 合计/中央/地方 columns under 全年预算数 and 全年执行数, two of them
 * cut mid-row; the four clean ones hold rounded rates (99% for 98.68%), 0/0 rows, ≤ targets met,
 * targets of ≤0 met by a fall, and 定性 targets (优, 好, 达标, 健全).
 * Measured untouched: 7/8 found (the sum under 中央/地方 columns missed; the met target with 2
 * points deducted found only as info); on the clean ones 3 errors (a lone 政府性基金 row of zeros
 * taken as the only source of 年度资金总额) and 1 warning (a 较上年提高 target taken for no target).
 * After the fixes it brought (income rows all zero are no breakdown of the total; a wrapped leaf
 * name joined; an actual right before the row's figures kept in its row; 合计/中央/地方
 * sub-columns read as the total and its sources): 8/8, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, seventh batch (指标内容 and 预期指标值 columns, wrapped cells, aligned spaces, 元 部门整体, 中央/地方 columns), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-v/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, seventh batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
  });
});

/**
 * Eighth batch, written before any fix of its own: 贵州 (茶产业 project with 上年结转资金; a 评分表
 * of 决策/过程/产出/效益 with 小计 rows), 云南 (中央/省级 source rows with no 分值 or 得分, PDF
 * text), 辽宁 部门整体 (separators in amounts), 内蒙古 (weights short of 100, PDF text), 新疆 (a
 * date target; a table in 元 with separators), 北京 部门整体; planted: a 总分, a source's 执行率,
 * an execution score, the 分值 sum and a 小计 得分. Measured untouched: 5/5 found, no finding at
 * all on the three clean tables; the 评分表 with 小计 rows also gets four false subtotal errors (its
 * 二级 cells 产出质量, 产出时效 and a second 三级 under 项目效益 are not read as children), and in
 * the run-together rendering (run-together-tables.test.ts) its finding is missed.
 */
describe('held-out 自评表 excerpts, eighth batch (贵州 评分表 with 小计 rows, 云南, 辽宁, 内蒙古, 新疆 in 元, 北京), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-r/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, eighth batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
    expect(m.found).toBeGreaterThanOrEqual(5);
  });
});

/**
 * Ninth batch, written before any fix of its own: ten tables, each in two or three of html with
 * rowspan/colspan, Word with merged cells, tabs, one cell per line and PDF text wrapped at a
 * page's width (a row's last figures, the last header words and a 偏差原因 on the next line):
 * 全年预算数 before 年初预算数 and 年度/实际 over 指标值/完成值 in two header rows; 指标性质 |
 * 指标值 | 度量单位 with a 得分系数 column, in 元; 部门整体 with 年度主要任务 rows and 资金总额 /
 * 基本支出 / 项目支出 in 元; 转移支付 with 中央补助/地方资金 under 全年预算数 and 全年执行数; a
 * 评分表 with a 扣分 column; 万元 to four decimals; 分值 before the targets. The clean ones hold
 * rates over 100% written as 100%, 0/0 rows, a proportional score rounded, and reasons written
 * beside met targets.
 * Measured untouched: 22/27 found (html 4/4, tabs 4/4, PDF text 5/8, Word 2/4, cells 4/4, cells
 * with blanks 1/1, spaces 2/2); on the clean ones 7 errors (a merged 全年预算数 over 合计/中央/
 * 地方 shifting the grid's columns onto a source; capped rates) and 13 warnings (wrapped rows).
 * After the fixes it brought: 27/27, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, ninth batch (two-row targets, 得分系数 and 度量单位, 年度主要任务, 中央补助/地方资金, 扣分 column, four decimals, wrapped PDF rows), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-x/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, ninth batch', m));
    expect(unread(held)).toEqual([]);
    // No batch gives a clean table an error.
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.found).toBeGreaterThanOrEqual(27);
  });
});

/**
 * Tenth batch, written before any fix of its own: twelve tables in two or three of PDF text (one
 * of them wrapped at a page's width, one with nothing between cells), one cell per line (with and
 * without empty cells), tabs, html with rowspan/colspan and Word with merged cells: fund columns
 * 年初预算数 | 全年执行数 | 全年预算数 (executed before budget); 是否核心指标 | 指标性质 | 指标值 |
 * 度量单位 columns; 部门整体 income blocks with 其他资金; a 共同财政事权 区域表 with 说明 rows; an
 * indicator table over two pages with its header repeated; a two-row header (绩效指标 over 一级/
 * 二级/三级, the rest merged down); a 县级 table whose 年度指标值 spans a sign cell and a value
 * cell; 元 without 年初预算数; 其中 merged down beside 基本支出/项目支出. The three clean ones hold
 * rates over 100% (a truncated one), 0/0 and "—" rows, whole-percent rates in 元, a 自评等级 row,
 * ≤ and ≤0 targets met, proportional scores with reasons, footnotes with figures.
 * Measured untouched: 24/29 found (PDF text 7/9, cells 5/5, cells with blanks 0/1, html 3/4, tabs
 * 5/6, Word 3/3 (one by a misreading), PDF without spaces 1/1); on the clean ones no error and 1
 * warning (the 年度总体目标 pair of a table one cell per line read as prose, its two figures taken
 * for one claim restated). After the fixes it brought (a lone sign cell joined to its value under
 * a 年度指标值 with no 指标性质 column; grid rows read by a header cell spanning two columns, and a
 * header over two rows; a bare 其中 groups fund rows; a 是否核心指标 column; the goal pair kept in
 * the table): 29/29, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, tenth batch (executed before budget, 是否核心指标, income blocks with 其他资金, 区域表 with 说明, pages with the header repeated, two-row and spanning headers, 元), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-s/', import.meta.url)));

  it('finds at least 90% of the findings, gives the clean files no error, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, tenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (27 of 29); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(29);
  });
});

/**
 * Eleventh batch, written before any fix of its own: twelve tables in three of PDF text (one with
 * nothing between cells), one cell per line (with and without empty cells), tabs, runs of spaces,
 * html with rowspan/colspan and Word with merged cells: a 专项债券 project with a 政府性基金 source
 * row, a 国有资本经营预算 project in 元 with separators, 部门整体 tables (一级/二级/三级 with per-row
 * 分值, a 得分系数 column, scores written "10分"), 区域绩效 tables whose 全年执行数 is parted into
 * 合计/中央资金/地方资金/其他资金 under a two-row header, a table over two pages ("第 2 页" and its
 * header repeated), full-width digits and ％, "—", "/" and 无 placeholders, 优/良, 100%以上 and
 * 较上年提高 targets. Planted: a source's 执行率, executed sources not adding up, 分值 adding to 95
 * under 100, an execution score, a score over its 分值, a 总分, a missed target with full marks, a
 * met target with points deducted, a duplicate indicator.
 * Measured untouched: 23/27 found (the 区域 table's execution score missed in all three renderings,
 * the 总分 of the html table with scores in 分 missed); on the clean ones 3 errors and 3 warnings
 * (the clean 区域 table's fund row not read under its two-row header: 总分 99.9 against 90 and the
 * book's 100). After the fixes it brought (one group of sub-columns under one of several amount
 * headers placed by the row's figures; 分值 and 得分 cells written "10分" and a 执行率 in
 * full-width ％ read on a grid): 27/27, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, eleventh batch (专项债券, 国有资本经营, 部门整体 一级/二级/三级, 区域 tables with 全年执行数 parted, 得分系数, scores in 分, full-width digits, pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-y/', import.meta.url)));

  it('finds at least 90% of the findings, gives the clean files no error, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, eleventh batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (25 of 27); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(27);
  });
});

/**
 * Twelfth batch, written before any fix of its own: thirteen tables in three of tabs, one cell per
 * line (with and without empty cells), PDF text, runs of spaces, pipes, html with rowspan/colspan
 * and Word with merged cells: 区域 tables with 中央/自治区(省级)/市县 source rows, a 部门整体 table
 * with a 权重（%） column before the targets and a 合计 row, a fund block with no 分值/得分 and
 * 预算执行率 as an indicator row, a numbered 年度总体目标 with figures, 偏差原因 cells starting
 * "1.因…", scores written to two decimals, a table over two pages with its header repeated, 小计
 * rows with a 合计 row, 元 with separators, an amount in 元 under a 万元 header, two 满意度 rows,
 * ≤5个工作日, 100%完成 and 较上年提高2个百分点 targets. Planted: executed sources not adding up, 权重
 * adding to 97, a stated 执行率, a missed target with full marks, an execution score, a 总分, a
 * 小计 得分, a 元 slip, a score over its 分值, a met target with points deducted.
 * Measured untouched: 29/30 found (the 小计 得分 of the html table missed: its 小计 rows, spanning
 * the 一级 to 实际完成值 columns, were read as 一级 groups of their own, giving a false 总分 error
 * too); on the clean ones no error and 2 warnings (a 较上年提高2个百分点 target read one cell per
 * line taken for a leaf's name, its row then holding no target). Also, on planted tables: the
 * 权重 column of the table one cell per line with blanks misread (weights 87, a false 总分
 * error), and the 元 amount under the 万元 header giving a false 执行率 error beside its unit
 * finding. Run together (run-together-tables.test.ts): 12 of its 13, no error on its clean
 * tables, but its 年度总体目标 pairs read as one figure restated in three files.
 * After the fixes it brought (a 小计 row spanning the name columns of a grid read as its group's
 * figures; a target written as words with its figure taken after the name, one cell per line; a
 * long name right before a figure, after a row whose reason cell is empty, read as the next
 * leaf, not as that reason; an amount in 元 under a 万元 header checked as meant in its row's
 * 执行率 too; a numbered 偏差原因 closing a row run together kept whole as its last cell): 30/30,
 * no error or warning on the clean ones, and 13 of 13 run together.
 */
describe('held-out 自评表 excerpts, twelfth batch (区域 source rows, 权重（%）, 预算执行率 as an indicator row, "1.因…" reasons, two decimals, pages, 小计 and 合计, 元 slips, pipes), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-p/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twelfth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (27 of 30); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(30);
  });
});

/**
 * Thirteenth batch, written before any fix of its own: thirteen tables in three of PDF text, one
 * cell per line (with and without empty cells), tabs, runs of spaces, html with rowspan/colspan
 * and Word with merged cells: 一级 groups written as section rows spanning the grid ("一、产出指标")
 * under 调整后预算数/实际支出数/预算执行率 and 标准分/实得分; a 计量单位 column before bare targets
 * and actuals; 中央/省级/市县 source rows; a table over two pages with "- 1 -", 续表 and its header
 * repeated; 执行率 scored in the fund block beside 85 points of indicators; 元 with separators
 * and 指标性质/指标值/度量单位; 部门整体 tables with 年度履职目标 and 年度主要任务 rows above the
 * fund block (one in 元); a 转移支付 table with 权重, 得分系数 and 自评得分; a 评分标准 column of
 * scoring words with figures between 分值 and 得分; 一级 and 二级 written on every row. Planted:
 * execution scores, 总分, a missed target with full marks, a met target with points deducted,
 * sources and 支出 parts not adding up, a stated 执行率, a duplicate across pages, scores over
 * their 分值, 分值 adding to 95.
 * Measured untouched: 45/51 found (the section-row table's execution score in all three
 * renderings, its 实得分 column not read; the 部门整体 sum one cell per line and in PDF text; the
 * 评分标准 table's missed target one cell per line); no error or warning on the clean ones.
 * After the fixes it brought (实得分 read as 得分; a row of one cell spanning the grid under the
 * header read as a 一级 group, not as the header's lower half; "按支出性质分：基本支出" read as
 * the 基本支出 row; a 评分标准 cell naming columns, "达到目标值得满分", no longer parted as a
 * header run together): 51/51, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, thirteenth batch (section rows, 标准分/实得分, 计量单位, 中央/省级/市县, 续表, 年度履职目标, 评分标准, group cells on every row), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-q/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, thirteenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (46 of 51); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(51);
  });
});

/**
 * Fourteenth batch, written before any fix of its own: twelve tables in three of one cell per line
 * (with and without empty cells), PDF text (with spaces and with nothing between cells), tabs,
 * runs of spaces, html with rowspan/colspan and Word with merged cells: 调整后预算数/预算执行数 with
 * 执行率 before 分值; 年度指标值 split over sign, value and unit cells under one spanning header;
 * 指标权重/自评得分; 全年预算数/实际支出 in 元 with 年初指标值/全年完成值; 部门整体 tables with
 * 年度主要任务 rows (above and below the fund block) and 按收入性质分/按支出性质分 merged down; 评分表
 * with 评分要点, 加分项 and 扣分项 rows; 小计 rows above their groups ("过程指标小计"), leaf rows
 * holding only 分值 and 得分; 衔接资金 over two pages with the header repeated; every 偏差原因 cell
 * empty; 得分系数 with 指标性质/指标值/度量单位. Planted: a 总分, sources not adding up (by income
 * and by expenditure), a 项目支出 执行率, a score over its 分值, 分值 adding to 95, an execution
 * score, a missed target with full marks, a 小计 得分, a met target with a point deducted.
 * Measured untouched: 26/30 found (the 评分表 with 加分项/扣分项 rows in all three renderings, the 小计
 * table with nothing between cells; the split-target table one cell per line and as PDF text found
 * only by a misreading, its indicators unread, and the 小计 table as PDF text and tabs by a wrong
 * grouping); on the clean ones 3 errors (加分项/扣分项 rows left out of a 总分) and 7 warnings, 6 of
 * them right (a 满意度 of 105% in one "clean" table, 0.25 points deducted with no reason in
 * another: both tables mended afterwards). After the fixes it brought (a project table's 加分项/扣分项 rows
 * added to its total, 扣分项 a penalty, a tab row or a 加分项 row of one figure read as a row; a
 * text after a row's scores that nothing of a row follows, or a text with a figure that a name
 * would not be followed by, read as the row's reason; 评分要点 a 评分标准; a formula
 * ("执行率×分值") no header run together; a sign, a value and a unit cell under one 年度指标值
 * joined; a 小计 row above the group it names held for that group; 决策指标 and 产出数量/产出质量/
 * 产出时效/产出成本 known as groups): 28/30, no error or warning on the clean ones; missed, the two
 * tables with nothing between their cells.
 */
describe('held-out 自评表 excerpts, fourteenth batch (调整后预算数, split targets, 指标权重/自评得分, 实际支出 in 元, 年度主要任务, 加分项/扣分项, 小计 above groups, bare 分值/得分 rows, pages, empty 偏差原因, 得分系数), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-k/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, fourteenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (27 of 30); the floor keeps what was reached. 29 once 评分表 rows run
    // together of a name, 分值 and 得分 alone were read (k7 with nothing between its cells).
    expect(m.found).toBeGreaterThanOrEqual(29);
  });
});

/**
 * Fifteenth batch, written before any fix of its own: twelve tables in three of tabs, PDF text
 * (with spaces and with nothing between cells), one cell per line (with and without empty cells),
 * html with rowspan/colspan and Word with merged cells: a 区域 table with 中央/地方 rows and 分地区
 * rows merged under one cell; 部门整体 tables with 年度主要任务 | 任务对应项目 | 预算数 | 执行数 (one
 * in 元); the fund block scored under "得分（10分）" with no 分值 column; 满分 and 得分率 columns with
 * a 综合得分 row; 元 with separators and 一级 merged over many rows; 二级 indicators with no 三级
 * column; a table over two pages closed by 总计; 指标解释 and 自评等级 columns; a 备注 column;
 * 权重 | 预算执行率（%） | 自评得分 with the rate written without %. Planted: the places not adding
 * up to the total, a 执行率, execution scores, a 综合得分, 分值 adding to 95, a missed ≤5个工作日
 * with full marks, a met target with 2 points deducted.
 * Measured untouched: 21/24 found (the execution score under 得分（10分） missed in all three
 * renderings; the places' sum found only by adding them to 中央/地方 as sources); on the clean ones
 * no error and 9 warnings (the 总计 row read as an indicator). After the fixes it brought (a fund
 * header's "得分（10分）" gives the total row its weight; 分地区 rows a breakdown of their own; 总计
 * a total row; 自评等级 a column, its 良 no reason): 24/24, no error or warning on the clean ones.
 */
describe('held-out 自评表 excerpts, fifteenth batch (分地区 rows, 任务对应项目, 得分（10分）, 满分/得分率/综合得分, 元 with 一级 merged, 二级 only, 总计 over pages, 指标解释/自评等级, 备注), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-l/', import.meta.url)));

  it('finds at least 90% of the findings, gives the clean files no error, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, fifteenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (22 of 24); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(24);
  });
});

/**
 * Seventeenth batch, written before any fix of its own: twelve tables in three of tabs, PDF text
 * (with spaces and with nothing between cells), one cell per line (with and without empty
 * cells), html with rowspan/colspan and Word with merged cells, from places and templates not used
 * before: 预算安排数 | 实际支付数 | 支付进度 | 权重分 | 评价得分 fund columns and 年度目标值 |
 * 实际完成情况 | 权重分 | 评价得分 | 扣分原因 indicator columns (宁夏, 海南); 中央/省级/市县 sources
 * in 元 under a fund header over two rows (预算数 over 年初预算数/全年预算数, 其中 merged down);
 * 指标方向 (正向/反向/定性) and 评分标准 columns (西藏); 部门整体 tables with a 重点工作任务 |
 * 主要内容 | 对应项目 | 预算数 | 执行数 block (兵团) and 备注 columns (宁夏); 一级 cells blank below;
 * a 转移支付 table in 亿元 to four decimals with 全年预算数（A）| 全年执行数（B）| 执行率（B/A）;
 * 成本指标 as a 一级 of its own with 经济/社会/生态环境成本; 资金到位数 | 资金到位率 columns with
 * scores to one decimal (河北 county); 扣分 | 扣分原因 columns. Planted: a source's 支付进度, sources
 * not adding up, missed targets with full marks (one 反向), 总分 (three), a score over its 分值,
 * 分值 adding to 105, a 执行率 and its score in 亿元, an execution score under 90%, a 扣分 cell.
 * Measured untouched: 32/42 found (the 支付进度 ratio in all three renderings, the 元 sources' sum
 * under the two-row header in tabs and PDF text, the 反向 target missed in all three, the table
 * with nothing between cells); on the clean ones no error and 8 warnings (the 资金到位率 table's
 * fund block not read, its 执行率 points missing from the book: 90 of 100; an 亿元 table's cost
 * per km in 万元 held against its budget as 万元). Run together: 7 of 12; on one line: 13 of 18,
 * 6 warnings on the clean ones. 37/42 and no warning on the clean ones once 实际支付数/支付进度 were
 * known words, 资金到位数/资金到位率 columns of a fund block, a grid's 亿元 header its unit, and a
 * fund header's second row of amount words (年初预算数 | 全年预算数 under 预算数) the columns of
 * the cell they stand under. 42/42 once a 指标方向 cell (反向) gave a bare figure its sign and no
 * longer made the target a text ("反向≤40万元"), a 正向/反向 cell one cell per line no longer took
 * the place of the 评分标准 text, a row run together that writes a 二级 cell beside 成本指标 opened
 * 成本指标 as a 一级, and "55.00" run together was read 5 | 5.00 (a 分值 written "55.0" has a 得分
 * written as finely) and "1010.50超额完成" 10 | 10.50 (a reason opens with no bare figure). Run
 * together 9 of 12 (m3's rows of 指标方向 and 评分标准 and m10's date row still missed), on one line
 * 18 of 18.
 */
describe('held-out 自评表 excerpts, seventeenth batch (支付进度/权重分/评价得分/扣分原因, 元 sources under two header rows, 指标方向 and 评分标准, 重点工作任务, 备注, blank group cells, 亿元, 成本指标 as a 一级, 资金到位率, 扣分 column), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-m/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, seventeenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is all 42; the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(42);
  });
});

/**
 * Eighteenth batch, written before any fix of its own: twelve tables in three renderings each,
 * from places and templates not used before: 年度目标值 | 实际完成情况 | 指标分值 | 评分 with 备注
 * (常州); 中央补助/省级资金/市县配套 in 元 with 分 decimals under 资金来源 | 全年预算数 | 全年执行数
 * | 执行率 | 分值 | 得分 (九江); 部门整体 tables with 履职效能/管理效率 as 一级 (遵义, 安庆 in 元
 * with a 备注 column); a 转移支付 table in 亿元 whose 执行数 passes its budget under a stated
 * 100.00%, with a target split = | 100 | % (榆林); 一级 rows of their own carrying only the group's
 * 分值 and 得分, the 一级 cell empty below (襄阳, 鄂尔多斯 in 亿元); 优/良 actuals and a 自评等级
 * row (拉萨); a 总分 with the 预算执行率 points (喀什); a 年度资金总额 in 元 in a 万元 table
 * (漳州); 分值 before the target (潍坊); targets ≤3天, 按期完成, 较上年提高, ≥1次/年. Planted:
 * 分值 adding to 95, a source's 执行率, missed targets with full marks (one split), a 总分 not
 * the sum, 执行数 over the budget at a stated 100% (uncertain), a score over its 分值, a grade
 * against the bands, an execution score against the formula, a met target with points lost, a
 * 元/万元 slip. Measured untouched: 27/33 found (the capped 100% in all three renderings, the
 * total's 元 slip in all three, read as a sum, a rate and an execution score gone wrong); on the
 * 12 clean files 1 error and 10 warnings (a html table's 一级 rows with only 分值/得分 read as
 * leaves, its 二级 then read as 一级: 190 points; 分值 before the target one cell per line, the
 * actual "较上年减少0.6次" read as the next leaf; 2次 against ≥1次/年 asked an over-completion
 * reason). 33/33 and nothing on the clean files once 年度资金总额 ten thousand times its parts
 * was read as a 元 slip (UNIT_FUND_TOTAL_YUAN, its rate and score taken of the total as meant),
 * an 执行率 capped at 100% over the budget a note (info), a 一级 row with only 分值/得分 and rows
 * below it with an empty 一级 cell that group's own, a text in the target's or actual's place
 * before the row's last score that value, and a whole count one over its target no
 * over-completion. Its clean tables run together on one line gave a warning until 管理效率 was a
 * 一级 name (重点工作履行情况, 绩效管理, 制度管理 二级) and a target kept as a standard
 * ("按序时进度" | "符合序时进度") was read as target and actual.
 */
describe('held-out 自评表 excerpts, eighteenth batch (年度目标值/实际完成情况/指标分值/评分 with 备注, 中央补助/省级资金/市县配套 in 元 with 分, 履职效能/管理效率, 亿元 with 执行数 over the budget, split targets, 一级 subtotal rows, 优/良 actuals and 自评等级, 分值 before the target), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-n/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, eighteenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is all 33; the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(33);
  });
});

/**
 * Nineteenth batch, written before any fix of its own: twelve tables in three renderings each,
 * from places and templates not used before: 预期值 | 实际值 | 标准分 | 自评分 under a fund block
 * headed 预算批复数 | 全年预算数 (南通); a 元 fund block with a 未完成原因分析 column (烟台);
 * 绩效目标值 | 考核得分 in a 部门整体 table (商丘); a 转移支付 table with (A)/(B)/(B/A) columns
 * and scores (包头); 预算执行 10 with 绩效指标 90 (宜宾); 计划完成值 with a 小计 row after each
 * 一级 (大庆); 投入/过程/产出/效益 with two text columns, 指标解释 and 评价标准 (张掖); 预期指标值 |
 * 实际完成指标值 | 自评得分 (阿克苏); a goal block restating an actual (昌都); 不少于/不超过/不低于
 * targets in 元 (吉安); 人员经费/公用经费 rows under 基本支出 (黄山); an 执行率 worth 20 with
 * 产出 40 and 效益 40 (安顺). Planted: sources not adding up to the total's 执行数, a missed
 * target at full marks, an actual in 元 against 万元, a source's 执行率, an 88.40% 执行率 scored
 * 10, a 效益 小计 not its children's sum, a score over its 分值, a completion date a year early, a
 * cost over its ceiling at full marks, a goal block's actual unlike its indicator's. Measured
 * untouched: 18/30 found (预算批复数 and 计划完成值 unknown words, so the fund block or every leaf
 * unread in text; the 小计 rows given to the last 二级; the two text columns ending the header;
 * no check of a deadline's actual year nor of the goal block against the indicators); on the
 * clean ones no error and 1 warning ("候车时间不超过" | 30分钟 run together). One line: 8 of 16.
 * 30/30 and nothing on the clean ones once 预算批复数/计划完成值 were known words, a 小计 naming
 * no group took the 一级 whose children its 分值 adds up to, an indicator header kept a second
 * text column, a name never ended in 不超过/不少于…, an actual date before the year evaluated was
 * a year warning, and the goal block (read from Word and web tables too) was held against the
 * indicators it restates. One line: 16 of 16.
 */
describe('held-out 自评表 excerpts, nineteenth batch (预期值/标准分/自评分, 预算批复数, 绩效目标值/考核得分, (A)/(B)/(B/A) with scores, 计划完成值 with 小计 rows, 指标解释 and 评价标准, 预期指标值/实际完成指标值, goal block against the indicators, 不少于/不超过 targets, 人员经费/公用经费 rows, 执行率 worth 20), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-o/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, nineteenth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is all 30; the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(30);
  });
});

/**
 * Twentieth batch, written before any fix of its own: twelve tables in three of Word with merged
 * cells, html with rowspan/colspan, Excel with merged cells, PDF text (cells run together with
 * spaces, and hard-wrapped: a long cell's tail on the next line), one cell per line (with and
 * without empty cells), tabs, runs of spaces and pipes, from places not used before (阿拉善左旗,
 * 石嘴山, 果洛, 琼中, 建三江 农垦, 延吉, 西青区, 酉阳, 兵团第十四师, 那曲, 正蓝旗, 城口): a fund block in
 * 元; 调整后预算数 | 实际支出 | 执行率 | 权重 | 得分 with 按收入性质分/按支出性质分; 指标性质 | 指标值 |
 * 度量单位; 得分系数 with 中央/省级/州县 rows; 0/0 rows written "—", "0%" and "0.00%"; 执行率
 * before 分值; 权重 before the targets; 小计 rows spanning the name columns; a 基础数据表 with 三公经费,
 * 项目支出, 公用经费 and 楼堂馆所 blocks. Planted: a source's 执行率, 权重 adding to 95 under a 合计
 * of 100, a 总分, a met target with points deducted, a score over its 分值, an actual in 元 against
 * a 万元 target, a 小计 得分, an 88% 执行率 scored 10, a missed target at full marks, 基本 + 项目 not
 * adding up to the total's 执行数, a 三公经费 total not its parts' sum.
 * Measured untouched: 32/33 found (the 基本 + 项目 sum of the hard-wrapped PDF text missed:
 * "按支出性质分：基" | figures, then "本支出" on the next line); no error or warning on the clean
 * ones. The 元 slip in an actual was written as uncertain and reported as an error: marked
 * certain afterwards, as the earlier batches mark the same slip (a ≤25万元 ceiling, 24.5元).
 * 33/33 once a fund row's label cut by a wrap, its rest alone on the next line, was read whole.
 */
describe('held-out 自评表 excerpts, twentieth batch (元 fund blocks, 调整后预算数/实际支出, 指标性质/指标值/度量单位, 得分系数, 0/0 rows, 小计 rows, hard-wrapped PDF text, pipes, Excel, 基础数据表), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-aa/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twentieth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (30 of 33); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(33);
  });
});

/**
 * Twenty-first batch, written before any fix of its own: twelve tables in three renderings each
 * (tabs, PDF text plain and hard-wrapped, one cell per line with and without empty cells, runs of
 * spaces, pipes, html with rowspan/colspan, Word with merged cells, Excel), from places and
 * templates not used before (承德 高校 in 千元, 赣州 县医院, 百色 部门整体, 三亚, 山南, 和田 部门整体 over
 * two pages, 丰台 街道, 昌吉 职业技术学院, 宜春 医院, 浦东 部门整体, 阿勒泰 in 元, 桂林 高校): 指标名称 |
 * 指标值 | 实际完成值 | 未完成原因; 年度目标 | 全年实际值 | 权重 | 评分 | 偏差原因及改进措施 with the
 * groups written once; 全年预算执行数; 执行率 before 全年执行数; 执行率（%） with bare figures;
 * 年度绩效目标 | 实际完成 | 权数 | 自评分值 with weights of 12.5 and 7.5; 考核指标 | 目标值 | 完成值 |
 * 分值（分） | 得分（分）; "产出指标合计" rows after each 一级; 上年结转 and 单位自有资金 rows; 总分
 * written 综合得分 and 自评总分; 良/优, 是, 达标, 按时完成 and ≤预算 targets; 居民满意度（%）.
 * Planted: a 执行率 in 千元, a missed target with full marks, 权重 adding to 105 under 100 (and
 * its 综合得分), points lost with no reason, a 合计 得分, a score over its 权数, sources not adding
 * up, a met target with points deducted, an 82% 执行率 scored 9.
 * Measured untouched: 27/30 found (the score over its 权数 missed in all three renderings: 权数,
 * 自评分值, 年度绩效目标 and 实际完成 unknown words, so the indicators of the tabs and one cell per
 * line unread and the fund block of the Word table too); on the clean ones no error and 1 warning
 * (the Word table over two pages: its second table, after 续表 and the header repeated, not read,
 * the book 60 of 100). 30/30 and nothing on the clean ones once 权数 was a weight column and
 * 年度绩效目标 a target column, 全年预算执行数 the executed column (the Word table's 执行率 score
 * then no longer taken for points lost with no reason), and an indicator table continued on the
 * next page as a table of its own joined the one before it.
 */
describe('held-out 自评表 excerpts, twenty-first batch (千元, 指标名称/未完成原因, 年度目标/全年实际值/权重/评分, 全年预算执行数, 权数/自评分值, 考核指标/目标值/完成值, 合计 rows, 综合得分/自评总分, qualitative targets, pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-ab/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twenty-first batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    // The target is 90% (27 of 30); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(30);
  });
});

/**
 * Twenty-second batch, written before any fix of its own: twelve tables in three renderings each
 * (Word with merged cells, html with rowspan/colspan, Excel with numbers as numbers, PDF text plain
 * and hard-wrapped, one cell per line with and without empty cells, tabs, runs of spaces, pipes),
 * from places and templates not used before (恩施 茶产业, 信阳 部门整体, 阜阳 转移支付区域 in 元, 丽水
 * 公益林, 南平 农贸市场, 梅州 部门整体 in 元 over two pages, 河池 村道, 普洱 咖啡, 凉山 转移支付区域, 延安
 * 部门整体, 定西 马铃薯, 通辽 棚圈 in 元): 资金来源 | 预算安排数 | 实际拨付数; 指标内容 | 指标值 | 实际值;
 * 分数 | 实得分 with a 评分依据 column; 完成情况说明; 调整后预算数 | 实际支出数; 分值 | 自评得分;
 * "产出指标小计" rows after each 一级; a 区域 table with 全年预算数（A）| 全年执行数（B）| 执行率（B/A）
 * and no scores; 达标/良好/健全/应保尽保 targets, 个百分点, 一票否决 notes; 自评等级 rows.
 * Planted: a 执行率 over 预算安排数/实际拨付数, a 小计 得分, a 区域 total in 元 not the sum of its
 * sources, a score over its 分值 and a grade 良 for 94.2, an 88% 执行率 scored 10, a 3.42元 cost
 * for 3.42万元 and a 总分, 分值 adding to 95 under 合计 100, a met target with points deducted and
 * a source's 执行率.
 * Measured untouched: 29/33 found (the 执行率 over 预算安排数/实际拨付数 missed in all three
 * renderings; the 区域 total's sum missed in the Excel copy); on the clean ones no error and 8
 * warnings (通辽's 预算安排数/实际拨付数 fund block unread in two renderings, so the 执行率's 10
 * points missing from the book, and its Excel copy's 9.9 read as a deduction with no reason;
 * 丽水's 分数 | 实得分 columns unread, its 总分 held against 0, 10 or 90).
 * After its fixes: 32/33 and no warning on the clean ones once 实际拨付数 (拨付数) was read as the
 * money spent and 分数 as a 分值; 33/33 once a workbook's sheet read as one grid (its fund block
 * above its 区域 indicators, no 总分 row closing it) kept its fund rows out of what a cut might
 * take: only the indicator tree below them may span a cut.
 */
describe('held-out 自评表 excerpts, twenty-second batch (预算安排数/实际拨付数, 指标内容/实际值, 分数/实得分 with 评分依据, 完成情况说明, 小计 rows, 区域 tables in 元, 一票否决, 个百分点, pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-ac/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twenty-second batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    // The target is 90% (30 of 33); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(33);
  });
});

/**
 * Twenty-third batch, written before any fix of its own: twelve tables in three renderings each
 * (html with rowspan/colspan, Word with merged cells, PDF text with a row's cells run together on
 * one line, one cell per line with and without empty cells, tabs), from places not used before
 * (绍兴, 哈密 in 元, 四平 部门整体, 锦州 in 亿元, 邯郸 部门整体, 大同, 赤峰, 株洲 部门整体 in 元, 上饶,
 * 聊城, 莆田 部门整体, 开封): 资金来源 rows 中央/省级/市县/其他 in other orders (其他 first, 市县
 * first, 自治区/旗县, 市级/区级); 指标值（目标） | 实际值 | 扣分原因; 指标解释 and 评分标准 columns
 * before the targets, with 分值 before them too; 指标性质 | 指标值 | 度量单位 and a 指标值（目标）
 * spanning three cells (≥ | 24 | 个); 年度目标 | 实际完成情况 blocks; 小计 rows after each 一级;
 * 按收入性质分 / 按支出性质分 merged down; thousands separators in amounts and in targets.
 * Planted: a 全年执行数 not the sum of its sources, a total's 执行率, a score over its 分值, 分值
 * adding to 95 under 100, a missed target given full marks, a 小计 分值 not its children's, points
 * lost with no reason, a source's 执行数 in 元 under 万元, a source's 执行率.
 * Measured untouched: 27/27 found, each for its own reason (the 95 under 100 as the book's total
 * of the 一级 weights), no error or warning on the 9 clean files. Rewritten as the other tests
 * rewrite every invented table: on one line parted by spaces 18 of its 18 (290 of 295), no alarm
 * on its clean ones; run together 7 of its 9 (165 of 190: ad3's and ad9's tabs, whose 指标解释 and
 * 评分标准 texts run into the name, missed), one warning on a clean table (ad4's PDF text, its row
 * "…≥40个38109.52个小区因…", a 9.5 and a reason opening with 2个, read as a score of 5 over a 分值
 * of 2); joined by nothing 0 of its 18 (152 of 295), no table of it read at all.
 * After its fixes: still 27/27 and nothing on the clean files; run together 9 of 9 (167 of 190)
 * once a row whose 评分标准 holds stops was read as a row; joined by nothing 16 of 18 (179 of
 * 295, warnings on the clean tables 101 → 71) once the unit line, the fund header and a first row
 * glued to a 扣分原因 header were set apart, and no row ended inside a 评分标准.
 */
describe('held-out 自评表 excerpts, twenty-third batch (sources in other orders, 指标值（目标）/实际值/扣分原因, 指标解释 and 评分标准, 分值 before the targets, targets split over three cells, 年度目标 blocks, 小计 rows, 元 and 亿元, separators), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-ad/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twenty-third batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    // The target is 90% (25 of 27); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(27);
  });
});

/**
 * Twenty-fourth batch, written before any fix of its own: twelve tables in three renderings each
 * (html with rowspan/colspan, Word with merged cells, PDF text with a row's cells parted by spaces,
 * one cell per line with and without empty cells, tabs), from places not used before (衢州, 渭南
 * 部门整体 in 元, 白银 区域, 鹰潭 in 亿元, 营口 部门整体, 松原, 乌海 in 元, 临沧, 崇左 区域, 池州 部门整体
 * over two pages, 亳州, 晋城 in 元): 全年(调整)预算数 | 预算执行数 headers; 年初指标值 | 全年实际值
 * with 执行率 before 分值; 指标性质 | 指标值 | 度量单位 (≥ | 24 | 个) with and without a 得分系数
 * column; 当年财政拨款/上年结转资金/其他资金 with a 0/0 row; 中央财政衔接资金 and 自治区/市级 sources;
 * 年度总体目标 rows with merged cells; 小计 rows after each 一级; an indicator table continued after
 * "— 1 —" and 续表 with its header repeated; ≤0 and 定性 targets; a missed target scored in
 * proportion with its reason. Planted: sources not adding up to the total's 预算执行数, a total's
 * 执行率 in 元, a score over its 分值, 分值 adding to 105 under 100, a 总分 not the sum of the
 * scores, a missed target with full marks, a met target with points deducted, a 小计 得分.
 * Measured untouched: 24/24 found (html 5/5, Word 3/3, PDF text 6/6, one cell per line 5/5, with
 * empty cells 2/2, tabs 3/3), no error or warning on the 12 clean files. Rewritten as the other
 * tests rewrite every invented table: on one line parted by spaces 16 of its 16 (306 of 311), no
 * alarm on its clean ones; run together 8 of its 9 (175 of 199), 3 warnings on its clean tables
 * (56 in all); joined by nothing 14 of its 16 (193 of 311: one cell per line 49/79, with empty
 * cells 17/33, PDF text 70/108, tabs 57/91), 6 warnings on its clean tables (77 in all). Missed:
 * 松原's 总分 with a 得分系数 column, run together (tabs) and joined by nothing (tabs, one cell
 * per line).
 * After its first fixes: still 24/24 and nothing on the clean files; run together 8 of 9 (177 of
 * 199), no warning on its clean tables (36 in all); joined by nothing 14 of 16 (206 of 311), no
 * warning on its clean tables (48 in all), once a reason closed by no stop ended before a group's
 * name, 亿元 was a unit, and a 定性 cell run into a name was read as that cell. 松原's total found
 * run together (9 of 9, 178 of 199) and joined by nothing (16 of 16, 208 of 311) once a total
 * row's empty 得分系数 cell was read (总分100—98.60).
 */
describe('held-out 自评表 excerpts, twenty-fourth batch (全年(调整)预算数/预算执行数, 年初指标值, 指标性质/指标值/度量单位 with 得分系数, 区域 tables, 亿元 and 元, 小计 rows, 年度总体目标 rows, pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-ae/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twenty-fourth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    // The target is 90% (22 of 24); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(24);
  });
});

/**
 * Twenty-fifth batch, written before any fix of its own: twelve tables in three renderings each
 * (html with rowspan/colspan, Word with merged cells, PDF text, one cell per line with and without
 * empty cells, tabs), from places not used before (铜仁, 防城港 部门整体 in 元, 六盘水 区域 in 亿元,
 * 韶关, 景德镇, 十堰 部门整体 over two pages, 攀枝花 in 元, 邢台, 朔州 区域, 宁德 部门整体 in 亿元
 * over two pages, 娄底 in 元, 商洛 区域): 全年预算数（A） | 全年执行数（B） | 执行率（B/A）; a fund block
 * of 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 with no 年初预算数; 资金情况 and 资金类别 headers;
 * 亿元 to four decimals; 分值 before the target, plain and before 指标性质 | 指标值 | 度量单位;
 * 指标性质 | 年度指标值 | 度量单位 in 元; 指标值 | 全年完成值 | 未完成原因分析, 年度目标值 | 全年实际值 |
 * 权重分 | 自评得分, 全年指标值 | 全年实际完成值; 得分系数 columns; 小计 rows over two pages; 续表
 * with the header repeated (once with its 一级 written again); 年度总体目标 rows. Planted: a
 * 全年预算数 not the sum of its sources, a total's 执行率 with two digits swapped (元), an 执行率
 * score not 分值 × 执行率 (亿元), a score over its 权重分, a 小计 得分, a 总分 not the sum of the
 * scores, a met target with a point lost and no reason (得分系数 0.90), a missed target at full
 * marks. Measured untouched: 21/24 found (朔州's 区域 table with 全年指标值 | 全年实际完成值 missed in
 * html, PDF text and one cell per line), no error on the 12 clean files but 37 warnings on 韶关's
 * one cell per line (分值 before 指标性质 | 指标值 | 度量单位 read as 分值 | 得分). Rewritten as the
 * other tests rewrite every invented table: on one line parted by spaces 14 of its 16 (320 of
 * 327), 74 warnings on its clean ones (韶关's two text renderings); run together 9 of its 9 (187 of
 * 208), no warning on its clean tables (30 in all); joined by nothing 16 of its 16 (235 of 327),
 * 8 warnings on its clean tables (宁德's two text renderings; 50 in all).
 * After its fixes: 24/24 once 全年指标值 was read as the target's header (on one line parted by
 * spaces 16 of 16, 322 of 327); no warning on its clean files (37 → 0, on one line 74 → 0) once
 * the 度量单位 cell of a target split over three cells, in its place after the target's figure,
 * was kept in its row with 分值 before the target. Joined by nothing, its clean 宁德 table's 8
 * warnings gone once 艘 and like measure words ended no row (254 of 327 in all, 38 warnings on
 * clean tables); run together still 9 of 9 (187 of 208, 28 warnings on clean tables).
 */
describe('held-out 自评表 excerpts, twenty-fifth batch (全年预算数（A）/全年执行数（B）, no 年初预算数, 分值 before the targets, 权重分/自评得分, 全年指标值/全年实际完成值, 得分系数, 区域 tables, 亿元 and 元, 小计 rows, pages), measured untouched', () => {
  const held = present(loadCorpus(new URL('./invented-tables/holdout-af/', import.meta.url)));

  it('prints recall and false errors, and reads every file', () => {
    const m = measure(held, undefined, true);
    console.log(report('held-out tables, twenty-fifth batch', m));
    expect(unread(held)).toEqual([]);
    expect(m.falseErrors).toEqual([]);
    expect(m.uncertainAsErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    // The target is 90% (22 of 24); the floor keeps what was reached.
    expect(m.found).toBeGreaterThanOrEqual(24);
  });
});
