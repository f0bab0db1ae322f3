import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/domain';
import { readHtml } from '../read/read-html.ts';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';
import { readTableStream } from './self-table-stream.ts';
import type { Token } from './self-table-stream.ts';

/** One cell per line, as a text export gives them. */
const cells = (...texts: string[]): Token[] => texts.map((text, k) => ({ text, line: k + 1 }));

/** A row of a grid (or one line of PDF text): its cells on one line. */
const rows = (...lines: string[][]): Token[] =>
  lines.flatMap((row, k) =>
    row.map((text, c) => ({ text, line: k + 1, ...(c === 0 ? { rowStart: true } : {}) })),
  );

const strip = (nodes: readonly IndicatorNode[]): unknown =>
  JSON.parse(JSON.stringify(nodes, (key, v: unknown) => (key === 'source' ? undefined : v)));

describe('indicator rows of other layouts', () => {
  it('reads a target kept as a standard ("按序时进度") and its actual one cell per line', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['管理效率', '预算管理', '预算执行进度', '按序时进度', '符合序时进度', '5', '5'],
        ...['资产账实相符率', '100%', '100%', '5', '5'],
      ),
    );
    const group = t?.indicators[0];
    const leaves = group?.children?.[0]?.children ?? [];
    expect(group?.name).toBe('管理效率');
    expect(leaves.map((l) => [l.name, l.target?.text, l.actual?.text, l.weight])).toEqual([
      ['预算执行进度', '按序时进度', '符合序时进度', 5],
      ['资产账实相符率', '100%', '100%', 5],
    ]);
  });

  it('takes a long value alone on its line ("≥150000.00元") for one cell, not a row run together', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['产出指标', '成本指标', '“三公”经费控制', '≤150000.00元', '128600.00元', '5', '5'],
        ...['校舍维修面积', '≥12,000平方米', '11,640平方米', '5', '4'],
      ),
    );
    const leaves = t?.indicators[0]?.children?.[0]?.children ?? [];
    expect(leaves.map((l) => [l.name, l.target?.text, l.actual?.text])).toEqual([
      ['“三公”经费控制', '≤150000.00元', '128600.00元'],
      ['校舍维修面积', '≥12,000平方米', '11,640平方米'],
    ]);
    expect(t?.uncertain ?? []).toEqual([]);
  });

  it('reads 分值 before the target one cell per line, a long actual in its place included', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '指标分值', '年度目标值', '实际完成情况', '评分'],
        ...[
          '效益指标',
          '社会效益指标',
          '群众办事跑动次数',
          '10',
          '较上年减少',
          '较上年减少0.6次',
          '10',
        ],
        ...['差评整改率', '10', '100%', '100%', '10'],
      ),
    );
    const leaves = t?.indicators[0]?.children?.[0]?.children ?? [];
    expect(leaves.map((l) => [l.name, l.target?.text, l.actual?.text, l.weight, l.score])).toEqual([
      ['群众办事跑动次数', '较上年减少', '较上年减少0.6次', 10, 10],
      ['差评整改率', '100%', '100%', 10, 10],
    ]);
  });

  it('reads a 评分表 with a 评分标准 column one cell per line, thresholds included', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分', '扣分原因'],
        ...['过程（30分）', '预算执行', '预算完成率', '10', '完成率×10', '10'],
        ...['结转结余率', '5', '≤10%得5分', '4', '年末结转略高'],
      ),
    );
    expect(strip(t?.indicators ?? [])).toEqual([
      {
        name: '过程',
        weight: 30,
        children: [
          {
            // 预算执行 is a first-level name elsewhere; right after 过程 it is its second level.
            name: '预算执行',
            children: [
              { name: '预算完成率', weight: 10, score: 10 },
              { name: '结转结余率', weight: 5, score: 4, deviationReason: '年末结转略高' },
            ],
          },
        ],
      },
    ]);
  });

  it('takes a 小计 row for its group’s figures, not for a leaf', () => {
    const t = readTableStream(
      rows(
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['过程', '小计', '30', '27'],
        ['过程（30分）', '预算执行', '预算完成率', '10', '10'],
        ['结转结余率', '20', '18'],
      ),
    );
    const [group] = t?.indicators ?? [];
    expect(group).toMatchObject({ name: '过程', weight: 30, score: 27 });
    expect(JSON.stringify(strip(t?.indicators ?? []))).not.toContain('小计');
  });

  it('maps 扣分 and 得分系数 columns by their header', () => {
    const t = readTableStream(
      rows(
        [
          '一级指标',
          '二级指标',
          '三级指标',
          '指标值',
          '完成值',
          '权重',
          '得分系数',
          '得分',
          '扣分',
        ],
        [
          '效益指标',
          '社会效益指标',
          '技术培训人次',
          '≥2000人次',
          '1800人次',
          '15',
          '0.9',
          '14.5',
          '2',
        ],
      ),
    );
    const leaf = t?.indicators[0]?.children?.[0]?.children?.[0];
    expect(leaf).toMatchObject({ weight: 15, coefficient: 0.9, score: 14.5, deduction: 2 });
  });
});

describe('fund rows of other names', () => {
  it('splits a source row run together with the very figures of the total as the total was', () => {
    // All the money of one source: 43.2 | 43.2 | 37.24 again, which the row alone (no 执行率 to
    // bear out amounts written unalike) could not have been split into.
    const t = readTableStream(
      cells(
        ...['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        '年度资金总额43.243.237.241086%9',
        '其中：当年财政拨款43.243.237.24',
      ),
    );
    const row = t?.funds.currentAppropriation;
    expect([row?.initialBudget?.text, row?.budget?.text, row?.executed?.text]).toEqual([
      '43.2',
      '43.2',
      '37.24',
    ]);
    expect(t?.funds.total?.executed?.text).toBe('37.24');
  });

  it('keeps 中央补助 and 地方资金 as source rows with their own figures', () => {
    const t = readTableStream(
      cells(
        ...['全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
        ...['年度资金总额', '1500.00', '1380.00', '92.00%'],
        ...['其中：中央补助', '1200.00', '1140.00', '95.00%'],
        ...['地方资金', '200.00', '190.00', '95.00%'],
        ...['人员经费', '100.00', '100.00', '100.00%'],
      ),
    );
    const sources = t?.funds.sources ?? [];
    expect(
      sources.map((s) => [s.name, s.budget?.text, s.executed?.text, s.statedRate?.text]),
    ).toEqual([
      ['中央补助', '1200.00', '1140.00', '95.00%'],
      ['地方资金', '200.00', '190.00', '95.00%'],
    ]);
  });

  it('takes rows under a 支出项目 header for items of spending, not sources', () => {
    const table = (label: string) =>
      readTableStream(
        rows(
          ['序号', label, '全年预算数', '全年执行数', '执行率'],
          ['1', '学生资助', '143.20', '138.65', '96.82%'],
          ['2', '校舍维修改造', '215.00', '198.42', '92.29%'],
          ['合计', '358.20', '337.07', '94.10%'],
        ),
      );
    expect(table('支出项目')?.funds.sources).toBeUndefined();
    expect((table('资金来源')?.funds.sources ?? []).map((s) => s.name)).toEqual([
      '学生资助',
      '校舍维修改造',
    ]);
  });
});

describe('tab-separated rows whose first cell is empty', () => {
  it('are rows of their own, not cells of a one-cell-per-line table', () => {
    const doc = parseTextLines(
      '一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t甲\t10\t10\n\t质量指标\t乙\t10\t9\n',
      'x.txt',
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    // A line holding one cell after its tab is still such a cell.
    expect(parseTextLines('\t年度资金总额\n\t100\n', 'y.txt').blocks.map((b) => b.kind)).toEqual([
      'table',
    ]);
  });
});

describe('a grid holding the fund block above an indicator tree with no 总分 row', () => {
  // A workbook's sheet is read as one grid from its fund rows to its last indicator; a 区域
  // table scores nothing, so no 总分 row closes it. Only the tree may span a cut: the fund rows
  // above its header are whole.
  it('leaves the fund rows before the cut', () => {
    const html = [
      '<table><tr><td>资金情况（元）</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td><td></td><td></td></tr>',
      '<tr><td>年度资金总额</td><td>4,000,000.00</td><td>3,900,000.00</td><td>97.50%</td><td></td><td></td></tr>',
      '<tr><td>其中：中央财政资金</td><td>3,000,000.00</td><td>2,900,000.00</td><td>96.67%</td><td></td><td></td></tr>',
      '<tr><td>地方资金</td><td>1,000,000.00</td><td>950,000.00</td><td>95.00%</td><td></td><td></td></tr>',
      '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>全年实际完成值</td><td>未完成原因和改进措施</td></tr>',
      '<tr><td>产出指标</td><td>数量指标</td><td>试点村数</td><td>≥45个</td><td>46个</td><td></td></tr>',
      '<tr><td>效益指标</td><td>社会效益指标</td><td>受益人口</td><td>≥8万人</td><td>8.3万人</td><td></td></tr>',
      '<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>93.5%</td><td></td></tr></table>',
    ].join('\n');
    const read = readHtml(new TextEncoder().encode(html), 'r.html');
    if (!read.ok) throw new Error('html not read');
    const report = extractEvaluation(read.document);
    const fundLine = report.evaluation.funds.total?.source?.line ?? Infinity;
    const treeLine = report.evaluation.indicators[0]?.source?.line ?? -1;
    expect(fundLine).toBeLessThan(treeLine);
    // Cut or not, the cut lies at the tree's first row at the earliest, below the fund rows.
    expect(report.truncation?.line ?? Infinity).toBeGreaterThan(fundLine);
  });
});

describe("a short 完成情况说明 after a row's 得分, before its group's 小计 row", () => {
  it("is the row's reason, not a leaf named by it", () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        '完成情况说明',
        ...['产出指标', '数量指标', '建设面积', '≥5万亩', '5.2万亩', '20', '20', '超额完成'],
        ...['质量指标', '抽检合格率', '≥98%', '98.6%', '20', '20', '完成'],
        ...['产出指标小计', '40', '40'],
        ...['效益指标', '社会效益指标', '培育主体', '≥60家', '63家', '50', '50', '完成'],
        ...['效益指标小计', '50', '50'],
        ...['总分', '90', '90'],
      ),
    );
    const names = JSON.stringify(strip(t?.indicators ?? []));
    expect(names).not.toContain('"name":"完成"');
    expect(t?.indicators.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['产出指标', 40, 40],
      ['效益指标', 50, 50],
    ]);
  });
});

describe('page numbers inside a table', () => {
  it('are neither indicators nor the end of the document', () => {
    const text = [
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
      '产出指标 数量指标 甲 ≥10个 10个 50 50',
      '第 3 页，共 4 页',
      '效益指标 社会效益指标 乙 ≥90% 95% 50 50',
      '总分 100 100',
      '- 4 -',
    ].join('\n');
    const report = extractEvaluation(parseTextLines(text, 'p.txt'));
    const names = JSON.stringify(report.evaluation.indicators);
    expect(names).toContain('"乙"');
    expect(names).not.toContain('"第"');
    expect(report.truncation).toBeUndefined();
  });
});

describe('fund rows grouped by a merged cell (按收入性质分 | 一般公共预算 | …)', () => {
  const fundOf = (report: ReturnType<typeof extractEvaluation>): string[] =>
    Object.keys(report.evaluation.funds).sort();
  const html = [
    '<table><tr><th colspan="2">资金情况（万元）</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th></tr>',
    '<tr><td colspan="2">年度资金总额</td><td>2,560.00</td><td>2,432.00</td><td>95.00%</td></tr>',
    '<tr><td rowspan="2">按收入性质分</td><td>一般公共预算</td><td>2,360.00</td><td>2,240.00</td><td>—</td></tr>',
    '<tr><td>其他资金</td><td>200.00</td><td>192.00</td><td>—</td></tr>',
    '<tr><td rowspan="2">按支出性质分</td><td>基本支出</td><td>1,800.00</td><td>1,730.00</td><td>—</td></tr>',
    '<tr><td>项目支出</td><td>760.00</td><td>712.00</td><td>—</td></tr></table>',
  ].join('');

  it('are read by their own name from a grid', () => {
    const read = readHtml(new TextEncoder().encode(html), 'f.html');
    if (!read.ok) throw new Error('html not read');
    expect(fundOf(extractEvaluation(read.document))).toEqual([
      'basic',
      'generalPublic',
      'other',
      'project',
      'total',
    ]);
  });

  it('are read by their own name from text run together', () => {
    const text = [
      '资金情况（万元） 全年预算数 全年执行数 执行率',
      '年度资金总额 2,560.00 2,432.00 95.00%',
      '按收入性质分 一般公共预算 2,360.00 2,240.00 —',
      '其他资金 200.00 192.00 —',
      '按支出性质分 基本支出 1,800.00 1,730.00 —',
      '项目支出 760.00 712.00 —',
    ].join('\n');
    expect(fundOf(extractEvaluation(parseTextLines(text, 'f.txt')))).toEqual([
      'basic',
      'generalPublic',
      'other',
      'project',
      'total',
    ]);
  });

  it('are read with their label wrapped onto the next line of PDF text', () => {
    const text = [
      '项目 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额 2,860.00 3,040.00 2,948.80 10 97.00% 9.7',
      '按收入性质分：一 2,860.00 3,040.00 2,948.80 — 97.00% —',
      '般公共预算财政拨款',
      '按支出性质分：基 1,960.00 1,980.00 1,960.20 — 99.00% —',
      '本支出',
      '项目支出 900.00 1,060.00 978.60 — 92.32% —',
    ].join('\n');
    const funds = extractEvaluation(parseTextLines(text, 'f.txt')).evaluation.funds;
    expect([funds.basic?.executed?.text, funds.project?.executed?.text]).toEqual([
      '1960.20',
      '978.60',
    ]);
    // The income row (一般公共预算财政拨款, the 一般公共预算 row) is read once, its rest no row
    // of its own.
    expect(funds.generalPublic?.executed?.text).toBe('2948.80');
    expect(funds.sources ?? []).toEqual([]);
  });

  it('are read with the start of their label alone on the line above the figures', () => {
    const text = [
      '项目 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额 2,860.00 3,040.00 2,948.80 10 97.00% 9.7',
      '按支出性质分：基',
      '本支出 1,960.00 1,980.00 1,960.20 — 99.00% —',
      '项目支出 900.00 1,060.00 978.60 — 92.32% —',
    ].join('\n');
    const funds = extractEvaluation(parseTextLines(text, 'f.txt')).evaluation.funds;
    expect(funds.basic?.executed?.text).toBe('1960.20');
  });
});

describe('tab-separated rows', () => {
  it('keep an empty 实际完成值 in its column, so 分值 and 得分 stay in theirs', () => {
    const text = [
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
      '产出指标\t数量指标\t清雪作业面积\t≥450万平方米\t468万平方米\t50\t50\t',
      '\t质量指标\t主干道清净率\t≥95%\t\t40\t40\t',
      '合计\t\t\t\t\t90\t90\t',
    ].join('\n');
    const report = extractEvaluation(parseTextLines(text, 't.txt'));
    const leaf = report.evaluation.indicators[0]?.children?.[1]?.children?.[0];
    expect([leaf?.name, leaf?.target?.text, leaf?.actual, leaf?.weight, leaf?.score]).toEqual([
      '主干道清净率',
      '≥95%',
      undefined,
      40,
      40,
    ]);
    expect(report.evaluation.stated.total).toBe(90);
  });

  it('read the 得分 of a 合计 row whose 权重 column stands before the targets, not its 权重', () => {
    const text = [
      '一级指标\t二级指标\t三级指标\t权重(分)\t年度指标值\t实际完成值\t得分\t偏差原因分析及改进措施',
      '产出指标\t数量指标\t道路养护里程\t60\t≥1200公里\t1236公里\t60\t',
      '效益指标\t社会效益指标\t交通事故率下降\t40\t≥3%\t2.4%\t32\t部分路段未达预期。',
      '合计\t\t\t100\t\t\t92\t',
    ].join('\n');
    const report = extractEvaluation(parseTextLines(text, 't.txt'));
    expect(report.evaluation.stated.total).toBe(92);
  });
});

describe('the 预算执行率 row of the indicator block', () => {
  it('is the execution-rate indicator under its 预算执行 group cells, one cell per line', () => {
    const text = [
      ...['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
      ...['预算执行', '预算执行', '预算执行率', '100%', '85.00%', '10', '9'],
      ...['产出指标', '数量指标', '完成调查项目数', '≥28项', '28项', '90', '90'],
      ...['总分', '100', '99'],
    ].join('\n');
    const top = extractEvaluation(parseTextLines(text, 'e.txt')).evaluation.indicators[0];
    expect([top?.name, top?.weight, top?.score, top?.children]).toEqual([
      '预算执行率',
      10,
      9,
      undefined,
    ]);
  });
});

/** Each leaf as "group/group/name weight score target actual". */
const leaves = (nodes: readonly IndicatorNode[], path: string[] = []): string[] =>
  nodes.flatMap((n) =>
    n.children && n.children.length > 0
      ? leaves(n.children, [...path, n.name])
      : [
          `${[...path, n.name].join('/')} ${n.weight ?? '-'} ${n.score ?? '-'} ${n.target?.text ?? '-'} ${n.actual?.text ?? '-'}`,
        ],
  );

describe('PDF text whose header and group cells wrap over lines', () => {
  it('joins a header wrapped onto a second line and leaves the rest of wrapped group cells out', () => {
    const text = [
      '2023年度项目支出绩效自评表',
      '项目资金 年初预 全年预 全年执 分值 执行率 得分',
      '（万元） 算数 算数 行数',
      '年度资金总额 356.00 356.00 320.40 10 90.00% 9.00',
      '一级 二级 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析',
      '指标 指标 及改进措施',
      '产出 数量 垃圾清运量 ≥3.2万吨 3.4万吨 15 15',
      '指标 指标 保洁道路面积 ≥120万平方米 126万平方米 15 15',
      '质量 无害化处理率 ≥95% 98% 10 10',
      '指标',
      '效益 社会效 投诉办结率 100% 96% 10 9.6 个别投诉涉及跨部门协调',
      '指标 益指标',
      '可持续 设施正常运行率 ≥95% 97% 10 10',
      '影响指标',
      '满意度 服务对 群众满意度 ≥90% 92% 10 10',
      '指标 象满意',
      '度指标',
      '总分 100 98.6',
    ].join('\n');
    const e = extractEvaluation(parseTextLines(text, 'w.txt')).evaluation;
    expect(leaves(e.indicators).slice(-6)).toEqual([
      '产出/数量/垃圾清运量 15 15 ≥3.2万吨 3.4万吨',
      '产出/数量/保洁道路面积 15 15 ≥120万平方米 126万平方米',
      '产出/质量/无害化处理率 10 10 ≥95% 98%',
      '效益/社会效/投诉办结率 10 9.6 100% 96%',
      '效益/可持续/设施正常运行率 10 10 ≥95% 97%',
      '满意度/服务对/群众满意度 10 10 ≥90% 92%',
    ]);
    expect(e.funds.total?.budget?.text).toBe('356.00');
    expect(e.funds.total?.initialBudget?.text).toBe('356.00');
  });
});

describe('rows whose empty cells were dropped', () => {
  it('takes two figures after a name for its 分值 and 得分, and a target with two figures as lacking its actual', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['产出指标', '质量指标', '工程验收合格率', '10', '10'],
        ...['时效指标', '完工及时率', '≥95%', '10', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '产出指标/质量指标/工程验收合格率 10 10 - -',
      '产出指标/时效指标/完工及时率 10 10 ≥95% -',
    ]);
  });

  it('reads a word that is no unit as the target of a split-target row, not its 度量单位', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值'],
        ...['分值', '得分'],
        ...['效益指标', '可持续影响指标', '服务长效机制', '健全', '健全', '10', '10'],
        ...['满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '94', '10', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '效益指标/可持续影响指标/服务长效机制 10 10 健全 健全',
      '满意度指标/服务对象满意度指标/群众满意度 10 10 ≥90% 94%',
    ]);
  });

  it('keeps the 度量单位 cell in its row when 分值 comes before the split target', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '分值', '指标性质', '指标值', '度量单位'],
        ...['实际完成值', '得分', '偏差原因分析及改进措施'],
        ...['产出指标', '数量指标', '农村公厕改造', '10', '≥', '60', '座', '62', '9'],
        ...['成本指标', '单村污水治理平均成本', '10', '≤', '12', '万元/个', '11.8', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '产出指标/数量指标/农村公厕改造 10 9 ≥60座 62座',
      '产出指标/成本指标/单村污水治理平均成本 10 10 ≤12万元/个 11.8万元/个',
    ]);
  });
});

describe('小计 rows that name their group', () => {
  it('give the named first-level group its 分值 and 得分, not the open second-level one or a leaf', () => {
    const t = readTableStream(
      rows(
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['产出指标', '数量指标', '推广面积', '≥50万亩', '52万亩', '15', '15'],
        ['时效指标', '兑付及时率', '100%', '100%', '5', '5'],
        ['产出指标小计', '20', '19'],
        ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '92%', '20', '20'],
        ['小计（满意度指标）', '20', '20'],
      ),
    );
    const [output, satisfaction] = t?.indicators ?? [];
    expect(output).toMatchObject({ name: '产出指标', weight: 20, score: 19 });
    expect(output?.children?.[1]).toMatchObject({ name: '时效指标' });
    expect(output?.children?.[1]?.weight).toBeUndefined();
    expect(satisfaction).toMatchObject({ name: '满意度指标', weight: 20, score: 20 });
    expect(JSON.stringify(strip(t?.indicators ?? []))).not.toContain('小计');
  });
});

describe('a 偏差原因 column before 分值 and 得分', () => {
  it('keeps the reason in its row when the table is one cell per line with empty cells dropped', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
        ...['偏差原因分析及改进措施', '分值', '得分'],
        ...['产出指标', '时效指标', '汛前完工率', '≥90%', '85%'],
        ...['两处工程受管线迁改影响延期，已督促加快进度。', '10', '9.44'],
        ...['成本指标', '单处整治成本', '≤160万元', '151万元', '15', '15'],
        // A name with words of a cause in it (影响, 减少) after a row's 得分 starts the next row.
        ...['环境影响减少量', '≥10吨', '12吨', '15', '15'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '产出指标/时效指标/汛前完工率 10 9.44 ≥90% 85%',
      '产出指标/成本指标/单处整治成本 15 15 ≤160万元 151万元',
      '产出指标/成本指标/环境影响减少量 15 15 ≥10吨 12吨',
    ]);
    const [output] = t?.indicators ?? [];
    expect(output?.children?.[0]?.children?.[0]?.deviationReason).toContain('管线迁改');
  });
});

describe('group cells with their 分值 in full-width digits', () => {
  const groups = (nodes: readonly IndicatorNode[]): string[] =>
    nodes.flatMap((n) => [
      `${n.name} ${n.weight ?? '-'}`,
      ...groups((n.children ?? []).filter((c) => c.children !== undefined)),
    ]);

  it('give their group its 分值 in text one cell per line', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ...['投入（２０分）', '目标设定', '绩效目标合理性', '１０', '１０'],
      ),
    );
    expect(groups(t?.indicators ?? [])).toEqual(['投入 20', '目标设定 -']);
  });
});

describe('cells of a table read one per line, wrapped or split', () => {
  const head = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];

  it('joins a leaf name wrapped over two lines when the row holds one text too many', () => {
    const t = readTableStream(
      cells(
        ...head,
        ...['产出指标', '数量指标', '禁牧补助', '面积', '≥1200万亩', '1200万亩', '15', '15'],
        ...['效益指标', '生态效益指标', '草原综合植被', '盖度', '≥58%', '56.5%', '15', '15'],
      ),
    );
    const leaves = (t?.indicators ?? [])
      .flatMap((g) => g.children ?? [])
      .flatMap((g) => g.children ?? []);
    expect(leaves.map((l) => [l.name, l.target?.text, l.actual?.text, l.weight, l.score])).toEqual([
      ['禁牧补助面积', '≥1200万亩', '1200万亩', 15, 15],
      ['草原综合植被盖度', '≥58%', '56.5%', 15, 15],
    ]);
  });

  it('keeps a qualitative target and its actual with their row, not as a wrapped name', () => {
    const t = readTableStream(
      cells(
        ...head,
        ...['效益指标', '生态效益指标', '林草覆盖度', '较上年提高', '提高2.1个百分点', '5', '5'],
        ...['工程质量评定', '优', '优', '10', '10'],
      ),
    );
    const leaves = (t?.indicators ?? [])
      .flatMap((g) => g.children ?? [])
      .flatMap((g) => g.children ?? []);
    expect(leaves.map((l) => [l.name, l.weight, l.score])).toEqual([
      ['林草覆盖度', 5, 5],
      ['工程质量评定', 10, 10],
    ]);
    expect(leaves[0]?.actual).toBeDefined();
  });
});

describe('amount columns split into 合计 and its sources on a second header row', () => {
  // Amounts are kept in 分: 18,600.00 万元 is 18,600,000,000 分.
  it('reads the total from 合计 and each source from its sub-column', () => {
    const t = readTableStream(
      rows(
        ['资金情况（万元）', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
        ['合计', '中央资金', '地方资金', '合计', '中央资金', '地方资金'],
        [
          '年度资金总额',
          '18,600.00',
          '15,000.00',
          '3,600.00',
          '17,856.00',
          '14,550.00',
          '3,360.00',
          '96.00%',
          '10',
          '9.6',
        ],
      ),
    );
    expect(t?.funds.total).toMatchObject({
      budget: { fen: 18_600_000_000, unit: '万元' },
      executed: { fen: 17_856_000_000, unit: '万元' },
      weight: 10,
      statedScore: 9.6,
    });
    expect((t?.funds.sources ?? []).map((s) => [s.name, s.budget?.fen, s.executed?.fen])).toEqual([
      ['中央资金', 15_000_000_000, 14_550_000_000],
      ['地方资金', 3_600_000_000, 3_360_000_000],
    ]);
  });

  it('reads nothing by position when a cell of the split row is missing', () => {
    const t = readTableStream(
      rows(
        ['资金情况（万元）', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
        ['合计', '中央', '地方', '合计', '中央', '地方'],
        [
          '年度资金总额',
          '18,600.00',
          '15,000.00',
          '17,856.00',
          '14,550.00',
          '3,360.00',
          '96.00%',
          '10',
          '9.6',
        ],
      ),
    );
    expect(t?.funds.sources).toBeUndefined();
    expect(t?.funds.total).toBeUndefined();
  });
});

describe('one amount column split into 合计 and its sources, the others merged down', () => {
  // 全年执行数 over 合计 | 中央资金 | 地方资金 | 其他资金 while 全年预算数 spans both header rows: the
  // text does not say which column the four words are under; the row's figures do (the sources
  // add up to their 合计 and the 执行率 is executed ÷ budget only one way).
  const head = ['资金情况（万元）', '全年预算数', '全年执行数', '执行率', '分值', '得分'];
  const sub = ['合计', '中央资金', '地方资金', '其他资金'];

  it('reads the executed column parted when its parts add up', () => {
    const t = readTableStream(
      rows(head, sub, [
        '年度资金总额',
        '15000.00',
        '14280.00',
        '12000.00',
        '2100.00',
        '180.00',
        '95.20%',
        '10',
        '9.8',
      ]),
    );
    expect(t?.funds.total).toMatchObject({
      budget: { fen: 15_000_000_000 },
      executed: { fen: 14_280_000_000 },
      weight: 10,
      statedScore: 9.8,
    });
    expect((t?.funds.sources ?? []).map((s) => [s.name, s.executed?.fen])).toEqual([
      ['中央资金', 12_000_000_000],
      ['地方资金', 2_100_000_000],
      ['其他资金', 180_000_000],
    ]);
    expect(t?.uncertain ?? []).toEqual([]);
  });

  it('reads the budget column parted when that is the reading that fits', () => {
    const t = readTableStream(
      rows(head, sub, [
        '年度资金总额',
        '15000.00',
        '12000.00',
        '2100.00',
        '900.00',
        '14280.00',
        '95.20%',
        '10',
        '9.52',
      ]),
    );
    expect(t?.funds.total).toMatchObject({
      budget: { fen: 15_000_000_000 },
      executed: { fen: 14_280_000_000 },
    });
    expect((t?.funds.sources ?? []).map((s) => [s.name, s.budget?.fen])).toEqual([
      ['中央资金', 12_000_000_000],
      ['地方资金', 2_100_000_000],
      ['其他资金', 900_000_000],
    ]);
  });
});

describe('a grid whose amount headers span 合计 | 中央补助 | 地方资金 sub-columns', () => {
  const html = [
    '<table><tr><td rowspan="2">资金情况（万元）</td><td colspan="3">全年预算数</td><td colspan="3">全年执行数</td>',
    '<td rowspan="2">执行率</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>',
    '<tr><td>合计</td><td>中央补助</td><td>地方资金</td><td>合计</td><td>中央补助</td><td>地方资金</td></tr>',
    '<tr><td>年度资金总额</td><td>3560.4500</td><td>3200.0000</td><td>360.4500</td>',
    '<td>3488.3000</td><td>3200.0000</td><td>288.3000</td><td>97.97%</td><td>10</td><td>9.80</td></tr></table>',
  ].join('');

  it('reads the total row from the 合计 sub-columns, not a source', () => {
    const read = readHtml(new TextEncoder().encode(html), 'f.html');
    if (!read.ok) throw new Error('html not read');
    const total = extractEvaluation(read.document).evaluation.funds.total;
    expect(total?.budget?.text).toBe('3560.4500');
    expect(total?.executed?.text).toBe('3488.3000');
    expect(total?.statedRate?.value).toBe(97.97);
    expect([total?.weight, total?.statedScore]).toEqual([10, 9.8]);
  });
});

describe('rows of PDF text wrapped onto the next line', () => {
  const text = [
    '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率',
    '得分',
    '年度资金总额 126.5000 131.2800 121.4340',
    '10 92.50% 10',
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
    '偏差原因分析及改进措施',
    '产出指标 数量指标 服务站建设数 ≥12个 12个 20',
    '20',
    '时效指标 项目完工率 ≥95% 93% 10',
    '9.79 两个标段受汛期影响，次年完工',
    '效益指标 社会效益指标 受益老年人数 ≥4500人 4620人 30 30',
    '满意度指标 服务对象满意度指标 老年人满意度 ≥90% 96% 10',
    '10',
    '总分 100 99.79',
  ].join('\n');

  it('take back the figures, header words and reason that wrapped', () => {
    const e = extractEvaluation(parseTextLines(text, 'w.txt')).evaluation;
    const total = e.funds.total;
    expect([total?.executed?.text, total?.statedRate?.value, total?.weight]).toEqual([
      '121.4340',
      92.5,
      10,
    ]);
    expect(total?.statedScore).toBe(10);
    const leaf = (name: string): IndicatorNode | undefined => {
      const find = (ns: readonly IndicatorNode[]): IndicatorNode | undefined =>
        ns.reduce<IndicatorNode | undefined>(
          (hit, n) => hit ?? (n.name === name ? n : find(n.children ?? [])),
          undefined,
        );
      return find(e.indicators);
    };
    expect([leaf('服务站建设数')?.weight, leaf('服务站建设数')?.score]).toEqual([20, 20]);
    expect(leaf('项目完工率')?.score).toBe(9.79);
    expect(leaf('项目完工率')?.deviationReason).toBe('两个标段受汛期影响，次年完工');
    expect(leaf('老年人满意度')?.score).toBe(10);
  });

  it('run together with nothing between the cells, take back the figures that wrapped', () => {
    const glued = text
      .replace('126.5000 131.2800 121.4340', '126.50 131.28 121.43')
      .split('\n')
      .map((l) => l.replace(/ +/g, ''))
      .join('\n');
    const total = extractEvaluation(parseTextLines(glued, 'w.txt')).evaluation.funds.total;
    expect([total?.executed?.text, total?.statedRate?.value, total?.statedScore]).toEqual([
      '121.43',
      92.5,
      10,
    ]);
  });
});

describe('评分表 rows that lost their merged 一级 cell', () => {
  const tabs = [
    '一级指标\t二级指标\t三级指标\t分值\t扣分\t得分\t扣分原因',
    '产出（40分）\t产出数量\t设备购置完成率\t15\t0\t15\t',
    '产出质量\t设备验收合格率\t15\t0\t15\t',
    '产出时效\t设备安装及时率\t10\t0\t10\t',
    '效益（30分）\t社会效益\t门诊服务能力提升率\t10\t0\t10\t',
    '可持续影响\t设备运行维护制度健全性\t10\t0\t10\t',
    '满意度\t患者满意度\t10\t0\t10\t',
    '决策（30分）\t项目立项\t立项依据充分性\t30\t0\t30\t',
    '合计\t\t\t100\t0\t100\t',
  ].join('\n');

  it('read a name unknown to the vocabulary as the 二级 it is, and a 一级 name as a 二级 where its group has room', () => {
    const e = extractEvaluation(parseTextLines(tabs, 't.txt')).evaluation;
    const tree = e.indicators.map((g) => [g.name, g.weight, (g.children ?? []).map((c) => c.name)]);
    expect(tree).toEqual([
      ['产出', 40, ['产出数量', '产出质量', '产出时效']],
      ['效益', 30, ['社会效益', '可持续影响', '满意度']],
      ['决策', 30, ['项目立项']],
    ]);
  });
});

describe('grids of other 自评表 columns', () => {
  const read = (html: string): ReturnType<typeof extractEvaluation> => {
    const r = readHtml(new TextEncoder().encode(html), 'g.html');
    if (!r.ok) throw new Error('html not read');
    return extractEvaluation(r.document);
  };

  it('read 资金总额 as the total below the fund header, and 指标性质 | 指标值 | 度量单位 as one target', () => {
    const e = read(
      [
        '<table><tr><td>年度预算执行情况（元）</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td></tr>',
        '<tr><td>资金总额</td><td>1,000.00</td><td>1,200.00</td><td>1,100.00</td><td>91.67%</td></tr>',
        '</table><table>',
        '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>',
        '<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥</td><td>12</td><td>公里</td><td>12.6</td><td>20</td><td>20</td></tr>',
        '<tr><td>总分</td><td></td><td></td><td></td><td></td><td></td><td></td><td>20</td><td>20</td></tr></table>',
      ].join(''),
    ).evaluation;
    expect(e.funds.total?.executed?.text).toBe('1100.00');
    const output = e.indicators.find((g) => g.name === '产出指标');
    const leaf = output?.children?.[0]?.children?.[0];
    expect([leaf?.target?.text, leaf?.actual?.text]).toEqual(['≥12公里', '12.6公里']);
  });

  it('read the 得分 of a 合计 row with a 扣分 column between 分值 and 得分', () => {
    const e = read(
      [
        '<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>扣分</td><td>得分</td><td>扣分原因</td></tr>',
        '<tr><td rowspan="3">产出</td><td>产出数量</td><td>完成率</td><td>40</td><td>3</td><td>37</td><td>部分未完成</td></tr>',
        '<tr><td>产出质量</td><td>合格率</td><td>30</td><td>0</td><td>30</td><td></td></tr>',
        '<tr><td>产出时效</td><td>及时率</td><td>30</td><td>0</td><td>30</td><td></td></tr>',
        '<tr><td colspan="3">合计</td><td>100</td><td>3</td><td>97</td><td></td></tr></table>',
      ].join(''),
    );
    expect(e.evaluation.stated.total).toBe(97);
    expect(e.evaluation.indicators.map((g) => g.name)).toEqual(['产出']);
  });
});

describe('a 自评表 grid whose figures carry their unit or full-width digits', () => {
  // Scores written "10分" and a 执行率 of full-width digits ("９４.００％"), as some templates
  // print them: the grid reads them as the figures they are.
  const html = [
    '<table><tr><td>项目名称</td><td colspan="7">既有住宅加装电梯补助</td></tr>',
    '<tr><td rowspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td>',
    '<td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>',
    '<tr><td>年度资金总额</td><td>600.00</td><td>750.00</td><td>705.00</td><td>10分</td>',
    '<td>９４.００％</td><td>9.4分</td></tr>',
    '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>',
    '<td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>',
    '<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>加装电梯台数</td><td>≥90台</td>',
    '<td>94台</td><td>20分</td><td>20分</td><td></td></tr>',
    '<tr><td>质量指标</td><td>电梯验收合格率</td><td>100%</td><td>100%</td><td>10分</td>',
    '<td>10分</td><td></td></tr>',
    '<tr><td colspan="5">总分</td><td>100分</td><td>39.4分</td><td></td></tr></table>',
  ].join('');

  it('reads 分值, 得分, 执行率 and the 总分', () => {
    const read = readHtml(new TextEncoder().encode(html), 'f.html');
    if (!read.ok) throw new Error('html not read');
    const e = extractEvaluation(read.document).evaluation;
    expect(e.funds.total).toMatchObject({ weight: 10, statedScore: 9.4 });
    expect(e.funds.total?.statedRate?.value).toBe(94);
    const output = e.indicators.find((g) => g.name === '产出指标');
    const leaf = output?.children?.[0]?.children?.[0];
    expect(leaf).toMatchObject({ name: '加装电梯台数', weight: 20, score: 20 });
    expect(e.stated.total).toBe(39.4);
  });
});

describe('rows read one cell per line around words, blanks and stated group 分值', () => {
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];

  it('takes a target written as words with its figure as the row target', () => {
    const t = readTableStream(
      cells(
        ...header,
        ...['效益指标', '社会效益指标', '基层首诊率', '较上年提高2个百分点', '提高2.2个百分点'],
        ...['15', '15'],
      ),
    );
    const leaf = t?.indicators[0]?.children?.[0]?.children?.[0];
    expect(leaf?.name).toBe('基层首诊率');
    expect(leaf?.target?.text).toBe('较上年提高2个百分点');
    expect(leaf?.weight).toBe(15);
  });

  it('reads a long name right before a figure as the next leaf, not as the reason before it', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '权重（%）', '年度指标值', '实际完成值', '得分'],
        '偏差原因分析及改进措施',
        ...['产出指标', '数量指标', '草原生态保护补奖政策落实面积', '15', '≥4700万亩', '4735万亩'],
        ...['15', '野生动物疫源疫病监测点位数', '10', '≥120个', '124个', '10'],
      ),
    );
    const names = t?.indicators[0]?.children?.[0]?.children?.map((n) => n.name);
    expect(names).toEqual(['草原生态保护补奖政策落实面积', '野生动物疫源疫病监测点位数']);
  });

  it('places groups by their stated 分值 and keeps a 加分 row out of the tree', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ...[
          '预算执行（12分）',
          '资产管理（7分）',
          '资产配置合规性',
          '4',
          '4',
          '资产盘点情况',
          '3',
          '3',
        ],
        ...['人员管理', '5', '5', '资金使用效益（20分）', '经济性', '20', '19'],
        ...['加分：获市级先进单位表彰', '1'],
      ),
    );
    expect(
      (t?.indicators ?? []).map((g) => [g.name, (g.children ?? []).map((c) => c.name)]),
    ).toEqual([
      ['预算执行', ['资产管理', '人员管理']],
      ['资金使用效益', ['经济性']],
    ]);
    expect(t?.adjustments?.map((a) => [a.name, a.kind, a.points])).toEqual([
      ['获市级先进单位表彰', 'bonus', 1],
    ]);
  });
});

describe('a grid with 小计 rows spanning the name columns', () => {
  it('gives each 小计 row its group, not a group of its own', () => {
    const html = `<table>
<tr><td rowspan="6">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>道路养护面积</td><td>≥860万平方米</td><td>872万平方米</td><td>30</td><td>30</td><td></td></tr>
<tr><td>质量指标</td><td>养护质量达标率</td><td>≥95%</td><td>96%</td><td>20</td><td>20</td><td></td></tr>
<tr><td colspan="5">产出小计</td><td>50</td><td>49</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>市民满意度</td><td>≥90%</td><td>91%</td><td>50</td><td>50</td><td></td></tr>
<tr><td colspan="5">满意度小计</td><td>50</td><td>50</td><td></td></tr>
<tr><td colspan="6">合计</td><td>100</td><td>99</td><td></td></tr>
</table>`;
    const read = readHtml(new TextEncoder().encode(html), 't.html');
    if (!read.ok) throw new Error('html not read');
    const tree = extractEvaluation(read.document).selfEvaluationTables[0]?.indicators ?? [];
    expect(tree.map((g) => [g.name, g.weight, g.score])).toEqual([
      ['产出指标', 50, 49],
      ['满意度指标', 50, 50],
    ]);
  });
});

describe('a table on one line, parted at its spaces', () => {
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
  const withReason = [...header, '偏差原因分析及改进措施'];

  it('puts a group cell wrapped inside its name back together ("经济效" "益指标")', () => {
    const t = readTableStream(
      cells(
        ...header,
        ...['效益指标', '经济效', '益指标', '带动就业', '效果明显', '效果明显', '10', '9'],
        ...['社会效', '益指标', '群众知晓率', '≥90%', '93%', '10', '10'],
      ),
    );
    const groups = t?.indicators[0]?.children ?? [];
    expect(groups.map((g) => [g.name, g.children?.map((l) => l.name)])).toEqual([
      ['经济效益指标', ['带动就业']],
      ['社会效益指标', ['群众知晓率']],
    ]);
  });

  it('keeps a group cell\'s 分值 parted from its name by a space ("产出指标" "（50分）")', () => {
    const t = readTableStream(
      cells(
        ...header,
        '产出指标',
        '（50分）',
        '数量指标',
        '培训人次',
        '≥100人次',
        '120人次',
        '50',
        '50',
      ),
    );
    expect(t?.indicators.map((g) => [g.name, g.weight])).toEqual([['产出指标', 50]]);
  });

  it('reads a short name with a comma after a full-marks row as the next leaf, not a reason', () => {
    const t = readTableStream(
      cells(
        ...withReason,
        ...['产出指标', '数量指标', '开展学习培训', '12次', '20次', '5', '5'],
        ...['起草文稿，报送信息', '800篇、条', '850篇、条', '5', '5'],
        ...['督促检查', '≥60次', '70次', '5', '4', '督查频次安排不足，已调整计划'],
      ),
    );
    const leaves = t?.indicators[0]?.children?.[0]?.children ?? [];
    expect(leaves.map((l) => [l.name, l.target?.text, l.score])).toEqual([
      ['开展学习培训', '12次', 5],
      ['起草文稿，报送信息', '800篇、条', 5],
      ['督促检查', '≥60次', 4],
    ]);
  });

  it('still reads a reason with a comma when a name follows it, not figures', () => {
    const t = readTableStream(
      cells(
        ...withReason,
        ...['产出指标', '数量指标', '开展学习培训', '12次', '10次', '5', '4'],
        ...['场地受限，已调整', '督促检查', '≥60次', '70次', '5', '5'],
      ),
    );
    const leaves = t?.indicators[0]?.children?.[0]?.children ?? [];
    expect(leaves.map((l) => [l.name, l.deviationReason])).toEqual([
      ['开展学习培训', '场地受限，已调整'],
      ['督促检查', undefined],
    ]);
  });

  it('puts a field label wrapped inside its cell back together ("项目支" "出名称")', () => {
    const t = readTableStream(
      cells(
        ...['项目支', '出名称', '乡村道路养护', '主管部门', '县交通运输局'],
        ...['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ...['年度资金总额', '120', '120', '118', '10', '98.33%', '9.83'],
      ),
    );
    expect(t?.projectName).toBe('乡村道路养护');
  });
});

describe('a 基础数据表 written one cell per line with its rows parted by nothing', () => {
  it('reads each label with the figures on the lines after it, and staffing under its header', () => {
    const lines = [
      '2023年度部门整体支出绩效评价基础数据表',
      '财政供养人员情况（人）',
      '编制数',
      '2023年实际在职人数',
      '控制率',
      '30',
      '28',
      '93.33%',
      '经费控制情况（万元）',
      '2022年决算数',
      '2023年预算数',
      '2023年决算数',
      '三公经费',
      '5.42',
      '5.32',
      '2.14',
      '1、公务用车购置和维护经费',
      '0',
      '0',
      '0',
      '2、出国经费',
      '0',
      '0',
      '0',
      '3、公务接待',
      '5.42',
      '5.32',
      // A line that closes one row and opens the next.
      '2.14 项目支出：',
      '303.35',
      '151.95',
      '151.95',
      '公用经费',
      '317.25',
      '254.77',
      '254.77',
      '政府采购金额 —— 99.19 99.19',
    ];
    const report = extractEvaluation(parseTextLines(lines.join('\n'), 'base.txt'));
    const base = report.baseData?.data;
    const fen = (c?: { actual?: { fen: number } | undefined }): number | undefined =>
      c?.actual?.fen;
    expect(base?.staffing).toMatchObject({ authorized: 30, actual: 28 });
    expect(fen(base?.threePublic)).toBe(2_140_000);
    expect(fen(base?.reception)).toBe(2_140_000);
    expect(fen(base?.projects)).toBe(151_950_000);
    expect(fen(base?.publicFunds)).toBe(254_770_000);
    expect(base?.procurement?.budget?.fen).toBe(99_190_000);
  });
});

describe('a fund row the document left unnamed', () => {
  it('is read as the total’s and quoted as written, without the name the reader gave it', () => {
    const t = readTableStream(
      rows(
        [
          '预算执行情况（万元）',
          '年初预算数',
          '全年预算数',
          '全年执行数',
          '分值',
          '执行率',
          '得分',
        ],
        ['350.50', '350.50', '338.27', '10', '96.51%', '9.65'],
        ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分'],
        ['产出指标', '数量指标', '服务人数', '≥3000人', '3126人', '90', '90'],
        ['总分', '100', '99.65'],
      ),
    );
    expect(t?.funds.total?.executed?.text).toBe('338.27');
    expect(t?.funds.total?.source?.excerpt).toBe('350.50 | 350.50 | 338.27 | 10 | 96.51% | 9.65');
  });
});

describe('PDF text of a 自评表 whose cells are centred in their rows', () => {
  const head = [
    '2023年度项目支出绩效自评表',
    '项目名称 社区养老服务补助',
    '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
    '年度资金总额 60.00 60.00 57.00 10 95.00% 9.50',
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
  ];
  const read = (...rows: string[]): string[] =>
    leaves(
      extractEvaluation(parseTextLines([...head, ...rows].join('\n'), 'c.txt')).evaluation
        .indicators,
    ).slice(1);

  it('puts a name\'s start on the line above its figures back ("上门服务" / "人数" twice)', () => {
    expect(
      read(
        '            上门服务',
        '产出指标 数量指标 人数 ≥300人 320人 20 20',
        '            日间照料',
        '                 人数 ≥150人 160人 20 20',
        '效益指标 社会效益指标 老人生活质量改善情况 有所改善 明显改善 30 30',
        '满意度指标 服务对象满意度指标 服务对象满意度 ≥90% 95% 20 20',
        '总分 100 99.50',
      ),
    ).toEqual([
      '产出指标/数量指标/上门服务人数 20 20 ≥300人 320人',
      '产出指标/数量指标/日间照料人数 20 20 ≥150人 160人',
      '效益指标/社会效益指标/老人生活质量改善情况 30 30 有所改善 明显改善',
      '满意度指标/服务对象满意度指标/服务对象满意度 20 20 ≥90% 95%',
    ]);
  });

  it('parts the lines between two rows into the end of one name and the start of the next', () => {
    expect(
      read(
        '            助餐服务',
        '产出指标 数量指标 覆盖社区 ≥12个 12个 20 20',
        '                 个数',
        '            服务设施',
        '         质量指标 安全检查合格 100% 100% 20 20',
        '                 率',
        '效益指标 社会效益指标 老人生活质量改善情况 有所改善 明显改善 30 30',
        '            受益老人',
        '满意度指标 服务对象满意度指标 满意 ≥90% 93% 20 20',
        '                 度',
        '总分 100 99.50',
      ),
    ).toEqual([
      '产出指标/数量指标/助餐服务覆盖社区个数 20 20 ≥12个 12个',
      '产出指标/质量指标/服务设施安全检查合格率 20 20 100% 100%',
      '效益指标/社会效益指标/老人生活质量改善情况 30 30 有所改善 明显改善',
      '满意度指标/服务对象满意度指标/受益老人满意度 20 20 ≥90% 93%',
    ]);
  });

  it('gives a name whole on its line no piece, the next row a start of two lines', () => {
    expect(
      read(
        '            新增养老',
        '产出指标 数量指标 床位数 ≥80张 85张 20 20',
        '            为高龄老人',
        '            发放补贴',
        '         时效指标 人数 ≥500人 510人 20 20',
        '效益指标 社会效益指标 老人生活质量改善情况 有所改善 明显改善 30 30',
        '满意度指标 服务对象满意度指标 服务对象满意度 ≥90% 91% 20 20',
        '总分 100 99.50',
      ),
    ).toEqual([
      '产出指标/数量指标/新增养老床位数 20 20 ≥80张 85张',
      '产出指标/时效指标/为高龄老人发放补贴人数 20 20 ≥500人 510人',
      '效益指标/社会效益指标/老人生活质量改善情况 30 30 有所改善 明显改善',
      '满意度指标/服务对象满意度指标/服务对象满意度 20 20 ≥90% 91%',
    ]);
  });

  it('reads the usual wrap, the rest of a name below its row, when nothing stands above the first', () => {
    expect(
      read(
        '产出指标 数量指标 上门服务 ≥300人 320人 20 20',
        '                 人数',
        '         质量指标 服务投诉 ≤2% 1% 20 20',
        '                 发生率',
        '效益指标 社会效益指标 老人生活质量改善 有所改善 明显改善 30 30 个别老人回访未覆盖',
        '                 程度',
        '满意度指标 服务对象满意度指标 服务对象满意度 ≥90% 95% 20 20',
        '总分 100 99.50',
      ),
    ).toEqual([
      '产出指标/数量指标/上门服务人数 20 20 ≥300人 320人',
      '产出指标/质量指标/服务投诉发生率 20 20 ≤2% 1%',
      // After a reason, the line below is the name's when the name then ends as names do.
      '效益指标/社会效益指标/老人生活质量改善程度 30 30 有所改善 明显改善',
      '满意度指标/服务对象满意度指标/服务对象满意度 20 20 ≥90% 95%',
    ]);
  });
  it('starts no name with the rest of a text below a row ending in a remark', () => {
    expect(
      read(
        '产出指标 数量指标 上门服务人数 ≥300人 320人 20 20',
        '         成本指标 人均服务成 ≤200元 190元 20 20 按结算',
        '                 本',
        '效益指标 社会效益指标 老人生活质量改善程度 有所改善 明显改善 30 30',
        '满意度指标 服务对象满意度指标 服务对象满意度 ≥90% 95% 20 20',
        '总分 100 99.50',
      ).slice(1, 3),
    ).toEqual([
      '产出指标/成本指标/人均服务成 20 20 ≤200元 190元',
      '效益指标/社会效益指标/老人生活质量改善程度 30 30 有所改善 明显改善',
    ]);
  });
});

describe('a table one cell per line', () => {
  it('takes a long target cell alone on its line for a cell, not a row run together', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['产出指标', '成本指标', '项目支出控制数', '≤2,202.21万元', '2,092.71万元', '5', '5'],
        ...[
          '效益指标',
          '社会效益指标',
          '带动农村就业人数',
          '≥1,500人次',
          '1,386人次',
          '10',
          '9.24',
        ],
      ),
    );
    expect(t?.indicators.flatMap((g) => g.children ?? []).length).toBeGreaterThan(0);
    expect(t?.uncertain ?? []).toEqual([]);
  });
});

describe('a 年度总体目标 row run together with its header words and two amounts', () => {
  it('parts the amounts into the goal and its achievement, nearest in size', () => {
    const t = readTableStream(
      rows(
        ['资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9'],
        ['年度总体目标预期目标实际完成情况43.237.24'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['产出指标', '质量指标', '工程完工率', '100', '100', '10', '10'],
      ),
    );
    expect(t?.goals).toMatchObject([{ expected: '43.2', actual: '37.24' }]);
  });
});
