import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

const audit = (text: string) => auditDocument(new TextEncoder().encode(text), 'x.txt');
const codes = (text: string) => audit(text).findings.map((f) => `${f.severity} ${f.code}`);

/** PDF text as one line: begun mid-sentence, cut short mid-sentence, many sentences between. */
const oneLine = (middle: string): string =>
  `工作的通知》要求，我街道开展 2023 年度部门整体支出绩效自评工作，现将有关情况报告如下。 一、部门收支情况 ${middle} 二、存在的问题 一是预算编制不够精准，二是部分项目绩效目标设置偏`;

describe('a text of one paragraph, begun and cut mid-sentence', () => {
  it('judges the sentences finished between the two cuts like any other', () => {
    const wrong = oneLine(
      '2023 年度收入总计 1,386.47 万元，其中：财政拨款收入 1,206.35 万元，政府性基金收入 130.00 万元，其他收入 48.12 万元。',
    );
    expect(codes(wrong)).toContain('error DOC_CLAIM_PARTS_SHORT');
    expect(codes(wrong.replace('1,386.47', '1,384.47'))).not.toContain(
      'error DOC_CLAIM_PARTS_SHORT',
    );
  });

  it('still gives nothing for parts short in the sentence the cut went through', () => {
    const text = oneLine('全年支出1,372.15万元。').replace(
      '二是部分项目绩效目标设置偏',
      '全年收入1,386.47万元，其中财政拨款收入1,206.35万元，其他收入48.12万元',
    );
    expect(codes(text).filter((c) => c.includes('PARTS_SHORT'))).toEqual([]);
    // A sentence of 其中 is read with the total before its stop: both are at the cut.
    const scores = [
      '某县水利局2023年度部门整体支出绩效自评报告',
      '一、自评结论',
      '2023年度部门整体支出绩效自评得分96.17分。其中，预算执行率指标分值10分，得9.67分；产出指标分值50分，得49分',
    ].join('\n');
    expect(codes(scores).filter((c) => c.includes('TOTAL'))).toEqual([]);
  });
});

describe("a finance bureau's notice of evaluation results", () => {
  const notice = (title: string) =>
    [
      title,
      '一、评价基本情况',
      '本次共对12个项目开展财政重点绩效评价，涉及资金1.86亿元。',
      '二、评价结果',
      '评价等级为“优”的5个，“良”的4个，“中”的2个，“差”的1个。',
      '三、评价发现的主要问题',
      '部分项目预算编制不够科学。',
      '四、结果应用',
      '对评价等级为“中”和“差”的项目压减预算。',
    ].join('\n');

  it("is not held to a report's chapters", () => {
    expect(codes(notice('关于2023年度财政重点绩效评价结果的通报'))).not.toContain(
      'warning COMPLETENESS_MISSING',
    );
    expect(codes(notice('某县2023年度财政重点绩效评价报告'))).toContain(
      'warning COMPLETENESS_MISSING',
    );
  });
});
