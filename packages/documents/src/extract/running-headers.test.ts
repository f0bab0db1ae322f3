import { describe, expect, it } from 'vitest';
import type { Block } from '../read/block.ts';
import { withoutPageFurniture } from './running-headers.ts';

const para = (text: string, line: number): Block => ({ kind: 'paragraph', text, line });
const texts = (lines: string[]): string[] =>
  withoutPageFurniture(lines.map((t, i) => para(t, i + 1))).map((b) => b.text);

describe('page furniture of a PDF copied as text', () => {
  it('drops page numbers and the line repeated beside them', () => {
    expect(
      texts([
        '一、基本情况',
        '— 1 —',
        '某县2023年度部门整体支出绩效自评报告',
        '年度资金总额',
        '第 2 页 共 3 页',
        '某县2023年度部门整体支出绩效自评报告',
        '500.00',
      ]),
    ).toEqual(['一、基本情况', '年度资金总额', '500.00']);
  });

  it("drops a unit's name next to a single page number, and keeps a cell beside it", () => {
    expect(texts(['项目资金', '— 1 —', '青山县财政局', '年初预算数'])).toEqual([
      '项目资金',
      '年初预算数',
    ]);
    expect(texts(['产出指标', '— 1 —', '数量指标', '新建道路'])).toEqual([
      '产出指标',
      '数量指标',
      '新建道路',
    ]);
  });

  it('reads a page number in full-width digits as one', () => {
    expect(
      texts(['项目资金', '— ２ —', '青山县财政局', '第 ３ 页 共 ９ 页', '年初预算数']),
    ).toEqual(['项目资金', '年初预算数']);
  });

  it('keeps the title when it is printed once, away from page numbers', () => {
    expect(texts(['青山县财政局', '正文', '— 1 —', '正文'])).toEqual([
      '青山县财政局',
      '正文',
      '正文',
    ]);
  });

  it('keeps the figures of a table cut by page breaks, however often they recur there', () => {
    expect(
      texts(['=100%', '100%', '10', '— 4 —', '10', '质量指标', '96.8%', '— 5 —', '10', '10']),
    ).toEqual(['=100%', '100%', '10', '10', '质量指标', '96.8%', '10', '10']);
  });
});

describe('a bare page number where a page broke the prose', () => {
  const sentence = [
    '2023年全年预算数为1,200.00万元，全年执行数为1,150.00万元，其中基本支出预算',
    '800.00万元，执行790.00万元。',
  ];

  it('is dropped between the two halves of a wrapped sentence', () => {
    expect(texts([sentence[0] ?? '', '4', sentence[1] ?? ''])).toEqual(sentence);
  });

  it('is dropped at each page break when the numbers follow the pages', () => {
    const lines = [
      '一、基本情况',
      '我局机关内设办公室、计划股、财务股、审计股四个股室，',
      '3',
      '下属单位两个。',
    ];
    expect(
      texts([
        ...lines,
        '二、预算执行情况',
        '全年预算数1,200.00万元，全年执行数1,150.00万元，执行率为',
        '4',
        '95.83%，较上年提高两个百分点。',
      ]),
    ).toEqual([
      '一、基本情况',
      '我局机关内设办公室、计划股、财务股、审计股四个股室，',
      '下属单位两个。',
      '二、预算执行情况',
      '全年预算数1,200.00万元，全年执行数1,150.00万元，执行率为',
      '95.83%，较上年提高两个百分点。',
    ]);
  });

  it('is kept as a figure among cells, or where the numbers do not follow any page order', () => {
    expect(texts(['满意度指标', '10', '9'])).toEqual(['满意度指标', '10', '9']);
    const prose = ['全年共举办培训班次合计为下列', '12', '期，培训人员共计五百余人次。'];
    expect(
      texts([...prose, '其余培训按计划推进完成，另有', '3', '期因故延期举办并已说明。']),
    ).toHaveLength(6);
  });
});
