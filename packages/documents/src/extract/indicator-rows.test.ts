import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/domain';
import type { Block, TableRow } from '../read/block.ts';
import { parseTextLines } from '../read/read-text.ts';
import { extractNarrativeIndicators } from './indicators.ts';
import { readSelfEvaluationTable } from './tables.ts';
import { markNotAssessed } from './indicators.ts';

/** name (分值/得分) for every node, nested as read. */
function outline(nodes: readonly IndicatorNode[]): unknown[] {
  return nodes.map((n) =>
    (n.children ?? []).length > 0
      ? { [n.name]: outline(n.children ?? []) }
      : `${n.name} ${n.weight ?? '-'}/${n.score ?? '-'}`,
  );
}

describe('a summary paragraph that restates indicators before the chapter that gives the tree', () => {
  const lines = [
    '⑴资金使用合规性，年度指标值：合规，实际完成值：合规，分值4分，得分4分。资金使用无截留、挤占。',
    '⑵公用经费控制率，年度指标值：≤100%，实际完成值：100%，分值6分，得分6分。',
    '（一）产出指标',
    '该项指标分值10分，得分10分，未扣分。',
    '1.成本指标',
    '该项指标分值10分，得分10分，未扣分。',
    '（1）资金使用合规性',
    '年度指标值：合规，实际完成值：合规，分值4分，得分4分，未扣分。',
    '（2）公用经费控制率',
    '年度指标值：≤100%，实际完成值：100%，分值6分，得分6分，未扣分。',
  ];

  it('reads each indicator once, in its group', () => {
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      { 产出指标: [{ 成本指标: ['资金使用合规性 4/4', '公用经费控制率 6/6'] }] },
    ]);
  });

  it('keeps a top-level indicator whose figures differ from the nested one of that name', () => {
    const changed = [
      lines[0]?.replace('分值4分，得分4分', '分值5分，得分5分') ?? '',
      ...lines.slice(2),
    ];
    const read = extractNarrativeIndicators(parseTextLines(changed.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)[0]).toBe('资金使用合规性 5/5');
  });
});

describe('a 自评表 grid whose 二级 indicator has no 三级 below it', () => {
  const row = (line: number, cells: string[]): TableRow => ({ cells, line });
  const grid: Block = {
    kind: 'table',
    line: 1,
    text: '',
    rows: [
      row(1, [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ]),
      row(2, ['过程（20分）', '资产管理（7分）', '资产盘点情况', '', '', '4', '4', '']),
      row(3, ['', '', '固定资产利用率', '', '', '3', '3', '']),
      row(4, ['', '人员管理', '', '', '76.67%', '5', '2', '']),
      row(5, ['', '制度管理', '', '', '', '8', '8', '']),
      row(6, ['效果（30分）', '经济性', '', '', '', '10', '6', '']),
      row(7, ['', '效率性（20分）', '重点工作完成率', '', '100%', '20', '20', '']),
    ],
  };
  grid.text = (grid.rows ?? []).map((r) => r.cells.join('\t')).join('\n');

  it('reads that 二级 indicator as a leaf with its figures, in its 一级 group', () => {
    const table = readSelfEvaluationTable(grid);
    expect(outline(table.indicators)).toEqual([
      {
        过程: [
          { 资产管理: ['资产盘点情况 4/4', '固定资产利用率 3/3'] },
          '人员管理 5/2',
          '制度管理 8/8',
        ],
      },
      { 效果: ['经济性 10/6', { 效率性: ['重点工作完成率 20/20'] }] },
    ]);
    const people = table.indicators[0]?.children?.[1];
    expect(people?.actual?.text).toBe('76.67%');
  });
});

describe('a 自评表 grid whose 一级 rows carry only the group’s 分值 and 得分', () => {
  const row = (line: number, cells: string[]): TableRow => ({ cells, line });
  const grid: Block = {
    kind: 'table',
    line: 1,
    text: '',
    rows: [
      row(1, ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']),
      row(2, ['产出指标', '', '', '', '', '45', '44.61']),
      row(3, ['', '数量指标', '治理面积', '≥30万亩', '30.5万亩', '15', '15']),
      row(4, ['', '质量指标', '植被盖度', '≥45%', '43.6%', '30', '29.61']),
      row(5, ['满意度指标', '', '', '', '', '10', '10']),
      row(6, ['', '服务对象满意度指标', '农牧民满意度', '≥90%', '93%', '10', '10']),
      row(7, ['预算执行率', '', '', '', '', '10', '9.77']),
    ],
  };
  grid.text = (grid.rows ?? []).map((r) => r.cells.join('\t')).join('\n');

  it('reads the rows below with an empty 一级 cell as that group’s, the figures as the group’s', () => {
    const table = readSelfEvaluationTable(grid);
    expect(outline(table.indicators)).toEqual([
      { 产出指标: [{ 数量指标: ['治理面积 15/15'] }, { 质量指标: ['植被盖度 30/29.61'] }] },
      { 满意度指标: [{ 服务对象满意度指标: ['农牧民满意度 10/10'] }] },
      '预算执行率 10/9.77',
    ]);
    expect([table.indicators[0]?.weight, table.indicators[0]?.score]).toEqual([45, 44.61]);
  });
});

describe('a Word 自评表 whose 二级 name is merged across the 三级 column', () => {
  // On the full grid a merged cell's text sits in its first position and the covered ones are
  // empty, with spans 2 and 0.
  const row = (line: number, cells: string[], spans?: number[]): TableRow =>
    spans ? { cells, line, spans } : { cells, line };
  const rows = [
    row(1, ['一级指标', '二级指标', '三级指标', '实际完成值', '分值', '得分']),
    row(2, ['过程（12分）', '资产管理（7分）', '固定资产利用率', '', '7', '7']),
    row(3, ['', '人员管理', '', '76.67%', '5', '2'], [1, 2, 0, 1, 1, 1]),
    row(4, ['效果（8分）', '经济性', '', '', '8', '6'], [1, 2, 0, 1, 1, 1]),
  ];
  const grid: Block = {
    kind: 'table',
    line: 1,
    text: rows.map((r) => r.cells.join('\t')).join('\n'),
    rows,
  };

  it('reads the merged name as a 二级 leaf, not as a 三级 leaf of the group above', () => {
    expect(outline(readSelfEvaluationTable(grid).indicators)).toEqual([
      { 过程: [{ 资产管理: ['固定资产利用率 7/7'] }, '人员管理 5/2'] },
      { 效果: ['经济性 8/6'] },
    ]);
  });
});

describe('a 自评表 leaf with a 分值 and no 得分 that the text says is not assessed', () => {
  it('is marked not assessed, with the sentence as its evidence; others are left alone', () => {
    const blocks = parseTextLines(
      [
        '（6）资金下达合法性',
        '分值3分。',
        '我办无一般性转移支付和专项转移支付。本项指标不考核，3分分值调整至“部门预算资金支出率”指标。',
        '（7）项目监管',
        '分值5分。',
      ].join('\n'),
      'x.txt',
    ).blocks;
    const leaves: IndicatorNode[] = [
      { name: '资金下达合法性', weight: 3 },
      { name: '项目监管', weight: 5 },
    ];
    markNotAssessed([{ name: '过程', children: leaves }], blocks);
    expect(leaves[0]?.notAssessed).toBe(true);
    expect(leaves[0]?.evidence).toContain('本项指标不考核');
    expect(leaves[1]?.notAssessed).toBeUndefined();
  });
});

describe('the reason for points lost, written in the indicator’s own sentence', () => {
  const reasons = (lines: string[]) => {
    const all: IndicatorNode[] = [];
    const walk = (nodes: readonly IndicatorNode[]): void => {
      for (const n of nodes) {
        all.push(n);
        walk(n.children ?? []);
      }
    };
    walk(extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks).indicators);
    return all.map((n) => `${n.name}: ${n.deviationReason ?? '-'}`);
  };

  it('takes the clause after 原因是, 主要因 or a shortfall said after the figures', () => {
    expect(
      reasons([
        '巡护人员培训人次，年度指标值≥600人次，实际完成值560人次，分值10分，得分9分，扣1分，原因是部分护林员外出务工。',
        '水质达标率，年度指标值≥98%，实际完成值88.2%，分值20分，得分18分，未达到年度目标。',
        '群众满意度，年度指标值≥90%，实际完成值92.3%，分值10分，得分10分。',
      ]),
    ).toEqual([
      '巡护人员培训人次: 部分护林员外出务工',
      '水质达标率: 未达到年度目标',
      '群众满意度: -',
    ]);
  });

  it('writes no reason the text does not give: a score in proportion to a rate is the checks’ to see', () => {
    const leaf = (score: string) =>
      reasons([
        '一、项目资金情况',
        `2023年项目预算资金880.00万元，实际支出862.40万元，执行率98.00%，分值10分，得分${score}分。`,
      ]);
    expect(leaf('9.8')).toEqual(['项目资金情况: -']);
    expect(leaf('9')).toEqual(['项目资金情况: -']);
  });
});

describe('whose table it is', () => {
  const table = (rows: string[][]): Block => ({
    kind: 'table',
    text: rows.map((r) => r.join('\t')).join('\n'),
    line: 3,
    rows: rows.map((cells, i): TableRow => ({ cells, line: 3 + i })),
  });
  const funds = [
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', '2400.00', '2400.00', '2400.00', '10', '100.00%', '10'],
    ['其中：当年财政拨款', '2400.00', '2400.00', '2400.00', '—', '—', '—'],
  ];
  const indicators = [
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    ['产出指标', '数量指标', '改扩建校舍面积', '10', '≥8000平方米', '8200平方米', '10'],
  ];

  it('is a project’s when its fund rows are a project’s, its 项目名称 on a line above it', () => {
    expect(readSelfEvaluationTable(table([...funds, ...indicators])).kind).toBe('project');
  });

  it('is a project’s when its source rows are the levels of government paying for it', () => {
    const levels = [
      ...funds.slice(0, 2),
      ['中央补助', '1600.00', '1600.00', '1600.00', '—', '—', '—'],
      ['区级配套', '800.00', '800.00', '800.00', '—', '—', '—'],
      ...indicators,
    ];
    expect(readSelfEvaluationTable(table(levels)).kind).toBe('project');
  });

  it('is a department’s when a unit’s own income stands beside its 财政拨款', () => {
    const income = [
      ['资金类别', '预算数', '执行数', '执行率', '分值', '得分'],
      ['年度资金总额', '15,587.20', '15,106.83', '96.92%', '10', '9.69'],
      ['财政拨款', '9,846.20', '9,702.36', '98.54%', '—', '—'],
      ['事业收入', '5,741.00', '5,404.47', '94.14%', '—', '—'],
      ...indicators,
    ];
    expect(readSelfEvaluationTable(table(income)).kind).toBe('department');
    const noIncome = income.filter((r) => r[0] !== '事业收入');
    expect(readSelfEvaluationTable(table(noIncome)).kind).toBe('project');
  });

  it('reads a row of amounts alone under the fund header as the total’s', () => {
    const unlabelled = [
      ['预算执行情况（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '350.50', '350.50', '338.27', '10', '96.51%', '9.65'],
      ...indicators,
    ];
    const read = readSelfEvaluationTable(table(unlabelled));
    expect(read.funds.total?.executed?.text).toBe('338.27');
    expect(read.funds.total?.statedScore).toBe(9.65);
  });

  it('is a department’s when it says so', () => {
    const department = [['部门（单位）名称', '某县教育局'], ...funds, ...indicators];
    expect(readSelfEvaluationTable(table(department)).kind).toBe('department');
    const general = [
      ...funds.slice(0, 2),
      ['其中：一般公共预算', '2400.00', '2400.00', '2400.00', '—', '—', '—'],
      ...indicators,
    ];
    expect(readSelfEvaluationTable(table(general)).kind).toBe('department');
  });
});

describe('indicator headings run on into their text', () => {
  // As a copy that lost its line breaks gives them, each heading and its paragraph one line.
  const lines = [
    '（二）预算执行情况（42分）',
    '1.资金管理。指标分值12分，该指标主要从支出率、结转结余率等方面进行考核。',
    '（1）部门预算资金支出率（3分）。自评得分6分，年度预算资金912.96万元，累计支出912.96万元，合计支出率100%。',
    '（2）国库集中支付结转结余存量资金效率性（3分）自评得分3分，无结转结余存量资金。',
    '（3）资金下达合法性（3分）。我办无转移支付。本项指标不考核，3分分值调整至“部门预算资金支出率”指标。',
    '（4）预决算信息,绩效评价结果公开性（3分）。自评得分3分，预决算按时公开。',
    '2.效率性。',
    '（1）重点工作完成率（3分）。自评得分3分，完成率100%。',
    '3.产出指标（分值10分，得10分，未扣分）提供参阅资料，年度指标值≥100篇，实际完成值201篇；处理来文，年度指标值≥4000件，实际完成值4900余件。',
    '5.加减分项。加分得分3.5分。1.根据表彰决定，获评先进单位。',
  ];

  it('reads each heading as when it stands on a line of its own', () => {
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      {
        预算执行情况: [
          {
            资金管理: [
              '部门预算资金支出率 3/6',
              '国库集中支付结转结余存量资金效率性 3/3',
              '资金下达合法性 3/-',
              '预决算信息,绩效评价结果公开性 3/3',
            ],
          },
          { 效率性: ['重点工作完成率 3/3'] },
          '产出指标 10/10',
        ],
      },
    ]);
    const moved = read.indicators[0]?.children?.[0]?.children?.[2];
    expect(moved?.notAssessed).toBe(true);
    expect(read.adjustments).toEqual([expect.objectContaining({ kind: 'bonus', points: 3.5 })]);
  });
});

describe('a run-in group whose weight is called 权重', () => {
  it('reads "资金管理。指标权重22分" as a group, its leaves under it', () => {
    const lines = [
      '（二）预算执行情况（25分）',
      '1.资金管理。指标权重22分，该指标主要从支出率等方面进行考核。',
      '（1）部门预算资金支出率（10分）。自评评分10分，支出率100%。',
      '（2）结转结余率（12分）。自评得分12分，无结转结余。',
      '2.人员管理。自评得分3分，控制率90%。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      {
        预算执行情况: [
          { 资金管理: ['部门预算资金支出率 10/10', '结转结余率 12/12'] },
          '人员管理 -/3',
        ],
      },
    ]);
  });
});

describe('a leaf scored on one figure, run on after its weight', () => {
  it('reads "（一）预算执行率（分值10分），执行率98.11%，得9.81分。" as a leaf beside its groups', () => {
    const lines = [
      '（一）预算执行率（分值10分），执行率98.11%，得9.81分。',
      '（二）产出指标（分值40分），得38分。其中：数量指标（分值20分）得19分，因部分专线开通推迟。',
      '（三）效益指标（分值40分），得37.19分。',
      '（四）满意度指标（分值10分），游客满意度95.8%，得10分。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      '预算执行率 10/9.81',
      '产出指标 40/38',
      '效益指标 40/37.19',
      '满意度指标 10/10',
    ]);
  });
});

describe('indicators whose text follows their weight after a colon', () => {
  it('reads each line "X（分值W分）：…，得S分。" as a leaf, under the group that gave its weight', () => {
    const lines = [
      '（一）预算执行率（分值10分）：全年预算执行率96.50%，得9.65分。',
      '（二）产出指标（分值40分）：得38分。',
      '1．数量指标（分值15分）：全年接待读者18.6万人次，年度指标值≥18万人次，得15分。',
      '2．质量指标（分值15分）：图书外借率82%，年度指标值≥85%，得12分，原因是数字阅读分流。',
      '3．时效指标（分值10分）：新书上架周期15天，年度指标值≤20天，得10分。',
      '（三）满意度指标（分值10分）：读者满意度97%，得10分。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      '预算执行率 10/9.65',
      { 产出指标: ['数量指标 15/15', '质量指标 15/12', '时效指标 10/10'] },
      '满意度指标 10/10',
    ]);
  });

  it('reads a bare "X（分值W分）：" as a group over the items numbered below it', () => {
    const lines = [
      '（一）预算执行率（分值10分）：执行率98.82%，得分9.88分。',
      '（二）产出指标（分值50分）：',
      '1. 新建实验室数量：年度指标值≥6个，实际完成6个，分值10分，得分10分。',
      '2. 设备验收合格率：年度指标值100%，实际完成100%，分值10分，得分10分。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual([
      '预算执行率 10/9.88',
      { 产出指标: ['新建实验室数量 10/10', '设备验收合格率 10/10'] },
    ]);
  });

  it('reads no leaf where the items numbered below it score its parts', () => {
    const lines = [
      '（二）产出指标（分值40分）：全年各项产出任务基本完成，得38分。',
      '1．数量指标（分值20分）：得19分。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).not.toContain('产出指标 40/38');
  });
});

describe('a group scored with its parts in parentheses after it', () => {
  it('reads "决策指标（20分）得19分（其中：…）" as a group with its weight and score', () => {
    const lines = [
      '（一）决策指标（20分）得19分（其中：项目立项6分、绩效目标7分、资金投入6分）。',
      '（二）过程指标（20分）得18.5分，主要是部分资金支付进度偏慢。',
    ];
    const read = extractNarrativeIndicators(parseTextLines(lines.join('\n'), 'x.txt').blocks);
    expect(outline(read.indicators)).toEqual(['决策指标 20/19', '过程指标 20/18.5']);
  });
});
