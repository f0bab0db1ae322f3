import { describe, expect, it } from 'vitest';
import type { FundRow } from '@jixiao/domain';
import type { Block, TableRow } from '../read/block.ts';
import { tableText } from '../read/block.ts';
import { readSelfEvaluationTable } from './tables.ts';
import { htmlSelfTable, leaves } from './table-testing.ts';
import type { SelfEvaluationTable } from './tables.ts';

// A 自评表 as Word and PDF forms really lay it out: one table whose fund block and indicator
// block split the width differently (the grid is the union of both, every row full of merged
// cells), headers of two rows, amount headers over sub-columns. Each must read to the same
// figures as the plain table.

const html = htmlSelfTable;

const isPlain = (r: string[] | [string[], number[]]): r is string[] =>
  r.every((c) => typeof c === 'string');

/** A grid as Word's reader gives it: a continued vertical merge is an empty cell of its own. */
const grid = (rows: (string[] | [string[], number[]])[]): SelfEvaluationTable => {
  const tableRows: TableRow[] = rows.map((r, i) => {
    const [cells, spans] = isPlain(r) ? [r, undefined] : r;
    return spans ? { cells, spans, line: i + 1 } : { cells, line: i + 1 };
  });
  const block: Block = { kind: 'table', text: tableText(tableRows), rows: tableRows, line: 1 };
  return readSelfEvaluationTable(block);
};

const figures = (f: FundRow | undefined): string =>
  [
    f?.initialBudget?.text,
    f?.budget?.text,
    f?.executed?.text,
    f?.weight,
    f?.statedRate?.text,
    f?.statedScore,
  ]
    .map((x) => x ?? '-')
    .join(' ');

const tr = (...cells: string[]): string => `<tr>${cells.join('')}</tr>`;
const td = (text: string, colspan = 1, rowspan = 1): string =>
  `<td${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${text}</td>`;

describe('one table whose fund block and indicator block split the width differently', () => {
  // The fund block: label over two columns, 全年执行数 over two, 得分 over two and an empty
  // cell over two at the end; the indicator block: its own splits of the same width.
  const body = [
    tr(
      td('资金情况（万元）', 4),
      td('全年预算数'),
      td('全年执行数', 3),
      td('执行率'),
      td('分值'),
      td('得分', 2),
      td('', 2),
    ),
    tr(
      td('年度资金总额', 4),
      td('2,560.00'),
      td('2,432.00', 3),
      td('95.00%'),
      td('10'),
      td('9.5', 2),
      td(''),
      td(''),
    ),
    tr(
      td('按收入性质分', 2, 2),
      td('一般公共预算', 2),
      td('2,360.00'),
      td('2,240.00', 3),
      td('—'),
      td('—'),
      td('—', 2),
      td(''),
      td(''),
    ),
    tr(
      td('其他资金', 2),
      td('200.00'),
      td('192.00', 3),
      td('—'),
      td('—'),
      td('—', 2),
      td(''),
      td(''),
    ),
    tr(
      td('一级指标'),
      td('二级指标', 2),
      td('三级指标', 3),
      td('分值'),
      td('年度指标值', 2),
      td('实际完成值', 2),
      td('得分', 2),
      td('偏差原因分析及改进措施'),
    ),
    tr(
      td('产出指标', 1, 2),
      td('数量指标', 2, 2),
      td('办理行政许可事项件数', 3),
      td('45'),
      td('≥1200件', 2),
      td('1286件', 2),
      td('45', 2),
      td(''),
    ),
    tr(td('开展执法检查次数', 3), td('45'), td('≥50次', 2), td('56次', 2), td('45', 2), td('')),
    tr(td('总分', 6), td('100'), td('', 4), td('99.5', 2), td('')),
  ].join('');

  it('reads each fund figure under its own header cell', () => {
    const t = html(body);
    expect(figures(t.funds.total)).toBe('- 2560.00 2432.00 10 95.00% 9.5');
    expect(figures(t.funds.generalPublic)).toBe('- 2360.00 2240.00 - - -');
    expect(figures(t.funds.other)).toBe('- 200.00 192.00 - - -');
  });

  it('reads the indicator rows and the total', () => {
    const t = html(body);
    expect(leaves(t.indicators)).toEqual([
      '办理行政许可事项件数 ≥1200件 1286件 45/45',
      '开展执法检查次数 ≥50次 56次 45/45',
    ]);
    expect(t.statedTotal?.value).toBe(99.5);
  });
});

describe('a fund header over sub-columns named in the row below', () => {
  it('reads 年初预算数 and 全年预算数 under 预算数 as two columns', () => {
    const t = html(
      [
        tr(
          td('项目资金（万元）', 1, 2),
          td('预算数', 2),
          td('全年执行数', 1, 2),
          td('分值', 1, 2),
          td('执行率', 1, 2),
          td('得分', 1, 2),
        ),
        tr(td('年初预算数'), td('全年预算数')),
        tr(
          td('年度资金总额'),
          td('800.00'),
          td('860.00'),
          td('825.60'),
          td('10'),
          td('96.00%'),
          td('9.6'),
        ),
        tr(td('上年结转资金'), td('—'), td('60.00'), td('45.60'), td('—'), td('76.00%'), td('—')),
      ].join(''),
    );
    expect(figures(t.funds.total)).toBe('800.00 860.00 825.60 10 96.00% 9.6');
    expect(figures(t.funds.carryOver)).toBe('- 60.00 45.60 - 76.00% -');
  });
});

describe('an indicator header of two rows', () => {
  const leavesOf = [
    '黑土地保护利用面积 ≥5万亩 5.2万亩 15/15',
    '秸秆还田面积 ≥3万亩 3.1万亩 10/10',
    '耕地质量等级提升 ≥0.5个等级 0.5个等级 10/9',
  ];

  it('reads every row under 年度/指标值 split over two rows (html rowspan)', () => {
    const t = html(
      [
        tr(
          td('一级指标', 1, 2),
          td('二级指标', 1, 2),
          td('三级指标', 1, 2),
          td('年度'),
          td('实际'),
          td('分值', 1, 2),
          td('得分', 1, 2),
        ),
        tr(td('指标值'), td('完成值')),
        tr(
          td('产出指标', 1, 3),
          td('数量指标', 1, 2),
          td('黑土地保护利用面积'),
          td('≥5万亩'),
          td('5.2万亩'),
          td('15'),
          td('15'),
        ),
        tr(td('秸秆还田面积'), td('≥3万亩'), td('3.1万亩'), td('10'), td('10')),
        tr(
          td('质量指标'),
          td('耕地质量等级提升'),
          td('≥0.5个等级'),
          td('0.5个等级'),
          td('10'),
          td('9'),
        ),
      ].join(''),
    );
    expect(leaves(t.indicators)).toEqual(leavesOf);
  });

  it('reads 绩效指标 over 一级/二级/三级 where merged cells continue as empty cells (Word, PDF)', () => {
    const t = grid([
      [
        ['绩效指标', '', '', '年度指标值', '实际完成值', '分值', '得分'],
        [3, 0, 0, 1, 1, 1, 1],
      ],
      ['一级指标', '二级指标', '三级指标', '', '', '', ''],
      ['产出指标', '数量指标', '黑土地保护利用面积', '≥5万亩', '5.2万亩', '15', '15'],
      ['', '', '秸秆还田面积', '≥3万亩', '3.1万亩', '10', '10'],
      ['', '质量指标', '耕地质量等级提升', '≥0.5个等级', '0.5个等级', '10', '9'],
    ]);
    expect(leaves(t.indicators)).toEqual(leavesOf);
  });

  it('reads a fund block whose sources are columns and whose figures are rows', () => {
    const t = grid([
      ['资金来源', '本年财政拨款', '其他资金', '上年结转', '合计', '', ''],
      ['全年预算数', '3,240.00', '160.00', '68.20', '3,468.20', '', ''],
      ['全年执行数', '3,157.86', '142.40', '66.10', '3,366.36', '', ''],
      ['执行率', '97.46%', '89.00%', '96.92%', '97.06%', '', ''],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '黑土地保护利用面积', '≥5万亩', '5.2万亩', '15', '15'],
      ['', '', '秸秆还田面积', '≥3万亩', '3.1万亩', '10', '10'],
      ['', '质量指标', '耕地质量等级提升', '≥0.5个等级', '0.5个等级', '10', '9'],
    ]);
    expect(figures(t.funds.total)).toBe('- 3468.20 3366.36 - 97.06% -');
    expect(figures(t.funds.currentAppropriation)).toBe('- 3240.00 3157.86 - 97.46% -');
    expect(figures(t.funds.other)).toBe('- 160.00 142.40 - 89.00% -');
    expect(figures(t.funds.carryOver)).toBe('- 68.20 66.10 - 96.92% -');
    expect(leaves(t.indicators)).toEqual(leavesOf);
    // Sources alone do not say whose table it is: the report's title does.
    expect(t.kindGuessed).toBe(true);
  });
});
