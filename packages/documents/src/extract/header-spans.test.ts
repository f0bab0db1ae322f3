import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { readTableStream } from './self-table-stream.ts';
import type { Token } from './self-table-stream.ts';
import { findTextTables, withoutStrayGaps } from './text-tables.ts';
import { htmlSelfTable, leaves } from './table-testing.ts';

/** One cell per line, as a text export gives them. */
const cells = (...texts: string[]): Token[] => texts.map((text, k) => ({ text, line: k + 1 }));

const html = htmlSelfTable;

describe('a 年度指标值 header over two cells, the sign and the value', () => {
  it('reads the sign and the value as one target in text (one cell per line)', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['产出指标', '质量指标', '水质检测合格率', '≥', '95%', '97.6%', '10', '8'],
        ...['时效指标', '资金拨付及时率', '≥', '95%', '100%', '5', '5'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '水质检测合格率 ≥95% 97.6% 10/8',
      '资金拨付及时率 ≥95% 100% 5/5',
    ]);
  });

  it('keeps the sign a cell of its own where the table has a 指标性质 column', () => {
    const t = readTableStream(
      cells(
        ...['三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分'],
        ...['工程验收合格率', '=', '100', '%', '100', '10', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual(['工程验收合格率 =100% 100% 10/10']);
  });

  it('reads the row of a grid by the header cell spanning both columns', () => {
    const e = html(
      '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan="2">年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>' +
        '<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>新建供水工程</td><td>≥</td><td>6处</td><td>6处</td><td>15</td><td>15</td></tr>' +
        '<tr><td>改造管网长度</td><td>≥</td><td>45公里</td><td>47.2公里</td><td>10</td><td>10</td></tr>',
    );
    const names = e.indicators.map((n) => n.name);
    expect(names).toContain('产出指标');
    expect(leaves(e.indicators)).toEqual([
      '新建供水工程 ≥6处 6处 15/15',
      '改造管网长度 ≥45公里 47.2公里 10/10',
    ]);
  });
});

describe('an indicator header over two rows of a grid', () => {
  it('takes the words of the cells merged down both rows from the row above', () => {
    const e = html(
      '<tr><td colspan="3">绩效指标</td><td rowspan="2">年度指标值</td><td rowspan="2">实际完成值</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>' +
        '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td></tr>' +
        '<tr><td>产出指标</td><td>质量指标</td><td>法律服务投诉率</td><td>≤1.5%</td><td>2.1%</td><td>10</td><td>10</td></tr>',
    );
    expect(leaves(e.indicators)).toEqual(['法律服务投诉率 ≤1.5% 2.1% 10/10']);
  });
});

describe('a bare 其中 merged down beside 基本支出 and 项目支出', () => {
  it('groups the rows, which keep their own names', () => {
    const e = html(
      '<tr><td colspan="2">项目资金（万元）</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td></tr>' +
        '<tr><td colspan="2">年度资金总额</td><td>5120.00</td><td>5360.00</td><td>5103.72</td></tr>' +
        '<tr><td rowspan="2">其中</td><td>基本支出</td><td>3980.00</td><td>4010.00</td><td>3996.52</td></tr>' +
        '<tr><td>项目支出</td><td>1140.00</td><td>1350.00</td><td>1107.20</td></tr>',
    );
    expect(e.funds.basic?.executed?.text).toBe('3996.52');
    expect(e.funds.project?.executed?.text).toBe('1107.20');
    expect(e.funds.sources).toBeUndefined();
  });
});

describe('an unknown-to-the-figures 是否核心指标 column', () => {
  it('is a column of its own in text, so the row’s figures stay in theirs', () => {
    const t = readTableStream(
      cells(
        ...['三级指标', '是否核心指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['培训任务完成时间', '否', '≤12月', '11月', '5', '6'],
        ...['培训考核合格率', '是', '≥95%', '97.5%', '10', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '培训任务完成时间 ≤12月 11月 5/6',
      '培训考核合格率 ≥95% 97.5% 10/10',
    ]);
  });
});

describe('the 年度总体目标 pair of a table written one cell per line', () => {
  it('keeps its two sentences in the table, not in the prose', () => {
    const text = [
      '资金情况（万元）',
      '全年预算数',
      '全年执行数',
      '年度资金总额',
      '120.00',
      '118.00',
      '年度总体目标',
      '预期目标',
      '实际完成情况',
      '培育新型农业经营主体180家，完成耕地地力提升35万亩。',
      '培育新型经营主体176家，完成耕地地力提升36.2万亩。',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '产出指标',
      '数量指标',
      '耕地地力提升面积',
      '≥35万亩',
      '36.2万亩',
      '10',
      '10',
    ].join('\n\n');
    const found = findTextTables(parseTextLines(text, 'f.txt').blocks);
    expect(found).toHaveLength(1);
    expect(
      found[0]?.table?.goals.map((g) => [g.expected.slice(0, 6), g.actual?.slice(0, 6)]),
    ).toEqual([['培育新型农业', '培育新型经营']]);
  });
});

describe('a fund header split into 合计 and sources, its rows run together', () => {
  // Each line one token, as a table whose cells ran together with nothing between them.
  const lines = (...texts: string[]): Token[] =>
    texts.map((text, k) => ({ text, line: k + 1, rowStart: true }));

  it('parts the sub-column words and reads the total row across every sub-column', () => {
    const t = readTableStream(
      lines(
        '资金情况（万元）全年预算数全年执行数执行率分值得分',
        '合计中央补助地方资金合计中央补助地方资金',
        '年度资金总额12400.009800.002600.0011966.009604.002362.0096.50%109.65',
      ),
    );
    const total = t?.funds.total;
    expect([total?.budget?.text, total?.executed?.text]).toEqual(['12400.00', '11966.00']);
    expect([total?.weight, total?.statedScore]).toEqual([10, 9.65]);
  });
});

describe('a table with 指标解释 and 评分标准 columns, one cell per line', () => {
  const header = ['一级指标', '二级指标', '三级指标', '指标解释', '评分标准', '分值'];
  const more = ['年度指标值', '实际完成值', '得分'];

  it('reads the 二级 name repeated in the 三级 cell as the leaf, its definition as no header', () => {
    const t = readTableStream(
      cells(
        ...header,
        ...more,
        ...['预算执行', '预算执行率', '预算执行率', '全年执行数占全年预算数的比例'],
        ...['执行率×分值', '10', '100%', '97.06%', '9.71'],
        ...['产出指标', '数量指标', '在校学生人数', '年末在籍在校学生人数'],
        ...['达到目标得满分，未达到按比例计分', '10', '≥1,850人', '1,872人', '10'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '预算执行率 100% 97.06% 10/9.71',
      '在校学生人数 ≥1,850人 1,872人 10/10',
    ]);
  });

  it('reads a group’s word before a 评分标准 cell as the leaf of that name', () => {
    const t = readTableStream(
      cells(
        ...['一级指标', '二级指标', '三级指标', '评分标准', '分值', ...more],
        ...['满意度指标', '服务对象满意度指标', '林农满意度', '完成目标得满分，否则按比例得分'],
        ...['10', '≥90%', '91.6%', '10'],
        ...['社会公众满意度', '完成目标得满分，否则按比例得分', '10', '≥90%', '88.0%', '9.78'],
      ),
    );
    expect(leaves(t?.indicators ?? [])).toEqual([
      '林农满意度 ≥90% 91.6% 10/10',
      '社会公众满意度 ≥90% 88.0% 10/9.78',
    ]);
  });
});

describe('rows parted by single spaces, with stray spaces inside their cells', () => {
  // A PDF's or a web page's text spaces a cell's words apart ("二 级指标", "效益指 标").
  const table = (gap: (cell: string) => string): string =>
    [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '新建幼儿园', '≥3所', '3所', '20', '20'],
      ['效益指标', '社会效益指标', '普惠性幼儿园覆盖率', '≥90%', '84.6%', '20', '18.8'],
      ['满意度指标', '服务对象满意度指标', '家长满意度', '≥95%', '96%', '10', '10'],
    ]
      .map((row) => row.map(gap).join(' '))
      .join('\n');
  const read = (text: string): string[] =>
    (findTextTables(parseTextLines(text, 'f.txt').blocks)[0]?.table?.indicators ?? []).flatMap(
      (group) =>
        (group.children ?? []).flatMap((level2) =>
          (level2.children ?? []).map(
            (leaf) => `${group.name}/${level2.name}/${leaf.name} ${leaf.weight}/${leaf.score}`,
          ),
        ),
    );

  it('reads the groups and headers whole, a lone character joined to the word before it', () => {
    const plain = read(table((c) => c));
    expect(plain).toEqual([
      '产出指标/数量指标/新建幼儿园 20/20',
      '效益指标/社会效益指标/普惠性幼儿园覆盖率 20/18.8',
      '满意度指标/服务对象满意度指标/家长满意度 10/10',
    ]);
    const spaced: Record<string, string> = {
      二级指标: '二 级指标',
      实际完成值: '实际完成 值',
      数量指标: '数 量指标',
      效益指标: '效益指 标',
      社会效益指标: '社会 效益指标',
      服务对象满意度指标: '服务对象满意 度指标',
    };
    expect(read(table((c) => spaced[c] ?? c))).toEqual(plain);
  });

  it('joins a leaf name parted between its group and its target, and a reason after the scores', () => {
    const text = [
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因',
      '产出指标 质量指标 轮作 面积核查准确率 100% 98.5% 10 9.85 人工丈量 存在误差',
      '效益指标 经济效益指标 轮 作区亩均增收 ≥60元 58元 10 9.67 大豆价格下行',
      '生态效益指标 管护机制 健全 健全 10 10',
    ].join('\n');
    const rows = (findTextTables(parseTextLines(text, 'f.txt').blocks)[0]?.table?.indicators ?? [])
      .flatMap((g) => (g.children ?? []).flatMap((l2) => l2.children ?? []))
      .map(
        (leaf) =>
          `${leaf.name}|${leaf.target?.text ?? ''}|${leaf.actual?.text ?? ''}|${leaf.deviationReason ?? ''}`,
      );
    expect(rows).toEqual([
      '轮作面积核查准确率|100%|98.5%|人工丈量存在误差',
      '轮作区亩均增收|≥60元|58元|大豆价格下行',
      '管护机制|健全|健全|',
    ]);
  });

  it('joins a unit cut from its multiple and a lone character into the words around it', () => {
    expect(withoutStrayGaps('成本指标 “三公”经费控 制 ≤6.5万 元 5.47万元 5 5'.split(' '))).toEqual([
      '成本指标',
      '“三公”经费控制',
      '≤6.5万元',
      '5.47万元',
      '5',
      '5',
    ]);
    // A unit, a grade or a yes/no standing alone is a cell of its own.
    expect(withoutStrayGaps('设备购置数量 台 ≥5 6 10 10 优'.split(' '))).toEqual([
      '设备购置数量',
      '台',
      '≥5',
      '6',
      '10',
      '10',
      '优',
    ]);
  });
});
