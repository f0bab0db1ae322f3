import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { joinWrappedLines, sentencesOf, splitAfterStops, squash } from './text.ts';

describe('cutting text after its stops', () => {
  it.each([
    '',
    '无标点的一段',
    '一句。',
    '一句。两句！三句？',
    '。。连续的句号。',
    '半角!问号?结尾',
    '数字3.5万元。其中：A 1万元；B 2万元。',
    '！',
  ])('cuts %j where the look-behind split cuts it', (text) => {
    expect(splitAfterStops(text)).toEqual(text.split(/(?<=[。！？!?])/));
  });

  it('gives each sentence of a paragraph squashed, with its words as written', () => {
    const sentences = sentencesOf([
      { kind: 'paragraph', text: ' 预算数１，２００．５０万元 。 执行率 98％！', line: 3 },
    ]);
    expect(sentences.map((s) => [s.text, s.raw, s.line])).toEqual([
      ['预算数1,200.50万元。', '预算数１，２００．５０万元 。', 3],
      ['执行率98%！', '执行率 98％！', 3],
    ]);
    expect(squash('执行率 98％')).toBe('执行率98%');
  });
});

describe('joining lines a hard wrap cut', () => {
  const joined = (text: string, dropped: number[] = []): string[] =>
    joinWrappedLines(parseTextLines(text, 'a.txt').blocks, new Set(dropped)).map((b) => b.text);

  it('joins a sentence cut mid-number and mid-name back into its paragraph', () => {
    expect(
      joined(
        [
          '二、部门整体支出情况',
          '2023年度全年预算数3,352.80万元，全年支出合计3,2',
          '86.45万元，其中：基本支出2,104.37万元，项目支',
          '出1,172.08万元。',
          '基本支出中，人员经费1,812.64万元。',
        ].join('\n'),
      ),
    ).toEqual([
      '二、部门整体支出情况',
      '2023年度全年预算数3,352.80万元，全年支出合计3,286.45万元，其中：基本支出2,104.37万元，项目支出1,172.08万元。',
      '基本支出中，人员经费1,812.64万元。',
    ]);
  });

  it('joins a line that opens on a clause mark to the prose before it, however short', () => {
    expect(
      joined(
        [
          '（一）预算收支总体情况',
          '2024年度我局年初预算18,652.40万元，全年实际支出18,912.36万元',
          '，预算执行率97.56%。',
          '（二）基本支出情况',
        ].join('\n'),
      ),
    ).toEqual([
      '（一）预算收支总体情况',
      '2024年度我局年初预算18,652.40万元，全年实际支出18,912.36万元，预算执行率97.56%。',
      '（二）基本支出情况',
    ]);
  });

  it('joins a figure a wrap cut after a numbered title, and nothing else after the title', () => {
    const lines = [
      '三、绩效目标完成情况',
      '（三）效益指标（分值30分）：科研成果转化合同金额43',
      '4.4万元，较上年的386.5万元增长12.4%，得分30分。',
    ];
    expect(joined(lines.join('\n'))).toEqual([
      '三、绩效目标完成情况',
      '（三）效益指标（分值30分）：科研成果转化合同金额434.4万元，较上年的386.5万元增长12.4%，得分30分。',
    ]);
    // A title followed by a sentence that opens with a figure of its own stays apart.
    expect(joined(['（三）效益指标（分值30分）', '4.4万元用于设备购置。'].join('\n'))).toEqual([
      '（三）效益指标（分值30分）',
      '4.4万元用于设备购置。',
    ]);
  });

  it('goes on across a page number dropped between the lines', () => {
    const text = ['全年清运生活垃圾8.6万吨，完成市政道路维修养', '— 2 —', '护42.3万平方米。'];
    expect(joined(text.join('\n'), [2])).toEqual([
      '全年清运生活垃圾8.6万吨，完成市政道路维修养',
      '— 2 —',
      '护42.3万平方米。',
    ]);
    const kept = parseTextLines(text.join('\n'), 'a.txt').blocks.filter((b) => b.line !== 2);
    expect(joinWrappedLines(kept, new Set([2])).map((b) => b.text)).toEqual([
      '全年清运生活垃圾8.6万吨，完成市政道路维修养护42.3万平方米。',
    ]);
  });

  it('leaves titles, headings, list items, table rows, lone figures and separate paragraphs', () => {
    const lines = [
      '某县卫生健康局2023年度部门整体支出绩效自评报告',
      '全年共开展健康教育讲座和义诊活动，覆盖全县各乡镇',
      '（一）产出指标完成情况，全年共完成目标任务',
      '1.健康教育讲座开展次数，全年完成36次',
      '表1 2023年度收支情况（单位：万元）',
      '年度资金总额 3,310.00 3,352.80 3,276.45 10 97.72% 9.77',
      '一级指标 二级指标 三级指标 分值 得分 扣分原因',
      '年度资金总额3,150,000.003,280,000.003,116,000.00',
      '项目支出550,000.00600,000.00466,000.00合计数',
      '服务对象满意度调查全年开展两次以上，覆盖各站点',
      '96.8%',
    ];
    expect(joined(lines.join('\n'))).toEqual(lines);
    // A blank line parts two paragraphs.
    expect(joined('全年共开展健康教育讲座和义诊活动，覆盖全县\n\n各乡镇卫生院。')).toEqual([
      '全年共开展健康教育讲座和义诊活动，覆盖全县',
      '各乡镇卫生院。',
    ]);
  });

  it('joins only lines as wide as the wrap when the text was wrapped at one width', () => {
    const text = [
      '全年预算数3,352.80万元，全年支出3,286.45万元，执行率达到了98.02%，',
      '基本支出2,104.37万元，项目支出1,182.08万元，其中：专项业务经费合计',
      '为796.50万元，运转类项目经费385.58万元，均按进度拨付到位并使用，',
      '全年未发生资金挪用和截留的情况，资金管理总体规范有序，重大事项',
      '和预算调整均经过集体审批。',
      '本年度我局新增设备采购一批共计十二台套，',
      '均已验收。',
    ];
    expect(joined(text.join('\n'))).toEqual([
      text.slice(0, 5).join(''),
      '本年度我局新增设备采购一批共计十二台套，',
      '均已验收。',
    ]);
  });
});
