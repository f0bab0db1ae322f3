import { describe, expect, it } from 'vitest';
import { parseTextLines } from './read-text.ts';

const read = (line: string): string | undefined => parseTextLines(line, 'x.txt').blocks[0]?.text;
const cells = (text: string): string[] =>
  parseTextLines(text, 'x.txt').blocks.flatMap((b) => b.rows?.flatMap((r) => r.cells) ?? []);

describe('text spread out one character at a time, as a PDF justifies titles and header cells', () => {
  it('is read as the words it spells', () => {
    expect(read('项 目 名 称')).toBe('项目名称');
    expect(read('（ 一 ） 部 门 概 况')).toBe('（一）部门概况');
    expect(read('2 0 2 3 年 度 部 门 整 体 支 出')).toBe('2023年度部门整体支出');
    expect(read('附件1 部 门 整 体 支 出 绩 效 自 评 表')).toBe('附件1 部门整体支出绩效自评表');
    expect(read('过 程 （ 3 0 分 ）')).toBe('过程（30分）');
    expect(read('完 成 率 × 1 0')).toBe('完成率×10');
    // A figure spread with its separators and a unit, whole or inside a longer cell.
    expect(read('一 般 公 共 预 算 ： 3 , 6 5 2 . 1 4')).toBe('一般公共预算：3,652.14');
    expect(read('≤ 6 0 , 0 0 0 元 / 人')).toBe('≤60,000元/人');
    // A short header cell alone on its line, or between tabs.
    expect(read('分 值')).toBe('分值');
    expect(cells('\t得 分\n\t权 重\n')).toEqual(['得分', '权重']);
    expect(read('产出指标\t完 成 率\t100%')).toBe('产出指标\t完成率\t100%');
  });

  it('leaves columns aligned with spaces, words of several characters and figures alone', () => {
    // Two or more spaces part columns.
    expect(read('是  否  是')).toBe('是  否  是');
    expect(read('项目名称  某某项目')).toBe('项目名称  某某项目');
    // Tokens of several characters are words, not spread letters.
    expect(read('完成 率 100%')).toBe('完成 率 100%');
    expect(read('项目名称 某某项目')).toBe('项目名称 某某项目');
    // Figures with no Chinese between them are separate values.
    expect(read('1 2 3 4')).toBe('1 2 3 4');
    // Inside a longer line, a run needs three Chinese characters to be one word.
    expect(read('指标 1 项 1 项 10 10')).toBe('指标 1 项 1 项 10 10');
    // A run that a figure goes on past is not joined: where the figure ends is not known.
    expect(read('产出指标 合 计 金 额 1 2,345.00')).toBe('产出指标 合 计 金 额 1 2,345.00');
    // A page's footer run into a line of cells: the figures before it stay apart.
    expect(read('单位面积成本 ≤800元 786元 6 6 第 1 页 共 2 页 续表')).toBe(
      '单位面积成本 ≤800元 786元 6 6 第 1 页 共 2 页 续表',
    );
  });
});

describe('tables a web page copy writes with pipes', () => {
  const blocks = (text: string) => parseTextLines(text, 'x.txt').blocks;

  const lines = (text: string) => blocks(text).map((b) => [b.line, b.text]);

  it('reads Markdown rows as rows of tab-parted cells, the header rule left out', () => {
    expect(
      lines(
        [
          '项目支出绩效自评表',
          '| 三级指标 | 年度指标值 | 分值 | 得分 |',
          '|---|:---:|---|---|',
          '| 验收合格率 | 100% | 10 | 10 |',
          '| 总分 | | 100 | |',
          '说明：无。',
        ].join('\n'),
      ),
    ).toEqual([
      [1, '项目支出绩效自评表'],
      [2, '三级指标\t年度指标值\t分值\t得分'],
      [4, '验收合格率\t100%\t10\t10'],
      [5, '总分\t\t100'],
      [6, '说明：无。'],
    ]);
  });

  it('reads rows without the outer pipes, and leaves a single piped line as text', () => {
    expect(lines('分值 | 得分 | 偏差原因\n10 | 9 | 进度滞后\n')).toEqual([
      [1, '分值\t得分\t偏差原因'],
      [2, '10\t9\t进度滞后'],
    ]);
    expect(lines('收入 | 支出 | 结余\n')).toEqual([[1, '收入 | 支出 | 结余']]);
  });

  it('takes the pipes off cells written one per line ("分值 |", an empty one "|")', () => {
    const text = [
      '一级指标 |',
      '二级指标 |',
      '分值 |',
      '|',
      '产出指标 |',
      '数量指标 |',
      '20 |',
      '|',
    ];
    expect(blocks(`说明 |\n${text.join('\n')}\n`).map((b) => b.text)).toEqual([
      '说明',
      '一级指标',
      '二级指标',
      '分值',
      '产出指标',
      '数量指标',
      '20',
    ]);
    // Fewer than four such lines in a row are text that happens to end in a pipe.
    expect(blocks('甲 |\n乙 |\n').map((b) => b.text)).toEqual(['甲 |', '乙 |']);
  });
});

describe('a table exported one cell per line with its empty lines dropped', () => {
  it('reads its cells as lines of their own, a wrapped cell joined, not as one row', () => {
    const text = [
      '附件1',
      '基础数据表',
      ...['\t经费控制情况（万元）', '\t2022年决算数', '\t2023年预算数', '\t2023年决算数'],
      ...['\t三公经费', '\t5.42', '\t5.32', '\t2.14', '\t公用经费', '\t317.25', '\t254.77'],
      ...['\t254.77', '\t其中：办公经费', '\t58.76', '\t38.35', '\t38.35', '\t楼堂馆所控制情况'],
      '（2023年完工项目）',
      '\t批复规模',
      '填表人：        填报日期：',
      '附件2',
    ].join('\n');
    const { blocks } = parseTextLines(text, 'dense.txt');
    expect(blocks.some((b) => b.kind === 'table')).toBe(false);
    const cells = blocks.filter((b) => b.cell);
    expect(cells.map((b) => b.text).slice(0, 5)).toEqual([
      '经费控制情况（万元）',
      '2022年决算数',
      '2023年预算数',
      '2023年决算数',
      '三公经费',
    ]);
    expect(cells.find((b) => b.text.startsWith('楼堂馆所'))?.text).toBe(
      '楼堂馆所控制情况（2023年完工项目）',
    );
    // The sign-off and the next attachment's label are no cells.
    expect(blocks.find((b) => b.text.startsWith('填表人'))?.cell).toBeUndefined();
    expect(blocks.map((b) => b.text)).toContain('附件2');
  });

  it('ends a table of rows at its sign-off line, not reading it as the last cell wrapped', () => {
    const text = ['\t一级指标', '\t分值', '', '\t产出指标', '\t50', '填表人：张三'].join('\n');
    const { blocks } = parseTextLines(text, 'signed.txt');
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r.cells)).toEqual([
      ['一级指标', '分值'],
      ['产出指标', '50'],
    ]);
    expect(blocks[blocks.length - 1]?.text).toBe('填表人：张三');
  });
});

describe('a table written one cell per line that pages break', () => {
  const rowsOf = (text: string): string[][] =>
    parseTextLines(text, 'paged.txt')
      .blocks.filter((b) => b.kind === 'table')
      .flatMap((b) => b.rows?.map((r) => r.cells) ?? []);
  const header = ['\t三级指标', '\t分值', '\t得分', ''];
  // Two pages broken before this table, each with its number and the running header after it.
  const before = ['一、部门概况', '— 1 —', '某县财政局', '正文。', '第 2 页 共 5 页', '某县财政局'];

  it('reads on over a page number and the running header inside a row and between rows', () => {
    const text = [
      ...before,
      ...header,
      ...['\t稿件合格率', '\t5', '— 3 —', '某县财政局', '\t5', ''],
      ...['\t文稿采用率', '\t10', '\t10', '第 4 页 共 5 页', '某县财政局', ''],
      ...['\t满意度', '\t10', '\t9'],
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['三级指标', '分值', '得分'],
      ['稿件合格率', '5', '5'],
      ['文稿采用率', '10', '10'],
      ['满意度', '10', '9'],
    ]);
  });

  it('keeps a line that is no running header as the cell it continues', () => {
    // No page number anywhere: a line between cells is the tail of the cell before it.
    const text = [...header, '\t稿件合格率', '（按季度统计）', '\t5', '\t5'].join('\n');
    expect(rowsOf(text)).toEqual([
      ['三级指标', '分值', '得分'],
      ['稿件合格率\n（按季度统计）', '5', '5'],
    ]);
  });
});
