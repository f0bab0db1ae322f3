import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/** A department's report whose only table is a 项目支出绩效自评表 attached to its narrative. */
const lines = (title: string): string =>
  [
    title,
    '一、基本情况',
    '全市共下达衔接资金1,000.00万元。',
    '二、绩效目标实现情况',
    '全年支出950.00万元，执行率95.00%。',
    '三、存在的问题',
    '部分项目实施滞后。',
    '附件',
    '2024年度项目支出绩效自评表',
    '项目名称 衔接推进乡村振兴补助资金',
    '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
    '年度资金总额 1,000.00 1,000.00 950.00 10 95.00% 9.5',
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '产出指标 数量指标 新改建农村道路 ≥300公里 320公里 50 50',
    '效益指标 社会效益指标 脱贫人口收入增幅 ≥8% 9% 30 30',
    '满意度指标 服务对象满意度指标 受益群众满意度 ≥90% 95% 10 10',
    '总分 100 99.5',
  ].join('\n');
const text = lines('示范市农业农村局2024年度部门整体支出绩效自评报告');

describe('the summary of a report whose indicators are all in an attached project table', () => {
  it('computes no total of 0 for the empty tree of the report itself, and names no rulebook for it', () => {
    const { summary } = auditDocument(new TextEncoder().encode(text), 'x.txt');
    expect(summary.understanding?.indicators).toBeGreaterThan(0);
    expect(summary.computedTotal).toBeNull();
    expect(summary.rulebookName).toBeNull();
  });

  it('scores the table of a 区域 report as the report’s own: it evaluates that transfer', () => {
    const { summary } = auditDocument(
      new TextEncoder().encode(lines('示范市2024年度衔接推进乡村振兴补助资金区域绩效自评报告')),
      'x.txt',
    );
    expect(summary.computedTotal).toBe(99.5);
  });
});
