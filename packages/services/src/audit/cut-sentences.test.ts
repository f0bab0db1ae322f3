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

describe('a text whose line breaks were lost, ending on its attachments or on a 自评表', () => {
  it('is not cut short by a list of attachments closing it', () => {
    const text =
      '2023年度，我局组织开展部门整体支出绩效自评，涉及项目资金合计860.00万元，其中中央资金520.00万元、省级资金260.00万元、县级资金120.00万元。各项目自评等次均为优秀。' +
      '附件：1.某县农业农村局2023年度部门整体支出绩效自评报告2.2023年度耕地地力保护补贴项目绩效自评表';
    expect(codes(text)).toContain('error DOC_CLAIM_PARTS_EXCEED');
    expect(audit(text).notes.join()).not.toMatch(/文档似乎不完整/);
    // The same list on lines of its own.
    const lines = text.replace('附件：', '\n附件：').replace('报告2.', '报告\n2.');
    expect(codes(lines)).toContain('error DOC_CLAIM_PARTS_EXCEED');
    // A text that stops mid-sentence is still cut there: its unfinished sum says nothing.
    expect(codes(text.replace(/。各项目.*$/, '，其他资金10'))).not.toContain(
      'error DOC_CLAIM_PARTS_EXCEED',
    );
  });

  it('keeps the fund rows and first groups of a 自评表 on the line the text stops on', () => {
    // The table on one line, stopping on an unfinished row ("指标2"): only its last group may
    // run on past the cut; its execution score (80% of 10 points, 10 stated) was read whole.
    const table =
      '附件1 2023年度项目支出绩效自评表 项目名称 乡镇卫生院设备购置项目 主管部门 某县卫生健康局 实施单位 某县人民医院 项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 100.00 100.00 80.00 10 80.00% 10 其中：当年财政拨款 100.00 100.00 80.00 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 为8个乡镇卫生院购置医疗设备。 已为8个乡镇卫生院购置医疗设备。 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 购置设备台数 ≥40台 42台 20 20 质量指标 设备验收合格率 100% 100% 20 20 效益指标 社会效益指标 基层诊疗能力 提升 提升 30 30 满意度指标 服务对象满意度指标 患者满意度 ≥90% 95% 10 10 指标2';
    const found = audit(table).findings.filter((f) => f.code === 'EXECUTION_SCORE_RULE');
    expect(found.map((f) => [f.stated, f.expected])).toEqual([['10', '8']]);
  });
});
