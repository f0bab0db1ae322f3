import { describe, expect, it } from 'vitest';
import { auditDocument, toFileAudit } from './audit-document.ts';
import { formatAuditText } from './format-audit-text.ts';

const audit = (lines: readonly string[], name = 'r.txt') =>
  auditDocument(new TextEncoder().encode(lines.join('\n')), name);

describe('what the audit says it understood', () => {
  it('reads the indicators of a 转移支付 table without score columns and says it could not score it', () => {
    const a = audit([
      '2024年度中央对地方转移支付区域绩效自评表',
      '转移支付名称\t农村综合改革转移支付',
      '资金投入情况（万元）\t全年预算数\t全年执行数\t执行率',
      '年度资金总额\t1200.00\t1164.00\t97.00%',
      '一级指标\t二级指标\t三级指标\t年度指标值\t全年实际值\t未完成原因分析',
      '产出指标\t数量指标\t村级公益事业奖补项目数量\t≥1200个\t1236个\t',
      '\t质量指标\t项目竣工验收合格率\t≥98%\t99%\t',
      '效益指标\t社会效益指标\t受益农村人口\t≥120万人\t126万人\t',
      '满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t93%\t',
    ]);
    const u = a.summary.understanding;
    expect(u?.status).toBe('recognised');
    expect(u?.indicators).toBe(4);
    expect(u?.message).toMatch(/未能计算自评总分/);
    expect(a.summary.computedTotal).toBeNull();
    const text = formatAuditText([toFileAudit(a)]);
    expect(text).not.toMatch(/^ {2}未发现问题。$/m);
  });

  it('names no rulebook for a table of targets alone that matches none', () => {
    // A web page's results table: targets and outcomes, neither 分值 nor 得分, in pipes.
    const a = audit([
      '2021年度学生资助项目自评结果',
      '一、自评结论',
      '经过自评，本项目较好地完成了年初预定的各项绩效目标，具体完成情况如下表：',
      '| 一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值 |',
      '| --- | --- | --- | --- | --- |',
      '| 产出指标 | 数量指标 | 受资助学生人数 | 14726 | 15935 |',
      '| 产出指标 | 质量指标 | 资助标准发放率 | 100% | 100% |',
      '| 效益指标 | 社会效益指标 | 家庭经济困难学生完成学业率 | 100% | 100% |',
      '| 满意度指标 | 服务对象满意度指标 | 资助学生满意度 | 95% | 95% |',
    ]);
    expect(a.summary.understanding?.indicators).toBe(4);
    expect(a.summary.computedTotal).toBeNull();
    expect(a.summary.rulebook).toBeNull();
    expect(formatAuditText([toFileAudit(a)])).toMatch(/评价指标体系 —/);
  });

  it('says a scored table was scored, with no word of an unscored one', () => {
    const a = audit([
      '2024年度项目支出绩效自评表',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
      '产出指标\t数量指标\t改造老旧小区数量\t≥12个\t12个\t50\t50\t',
      '效益指标\t社会效益指标\t受益居民户数\t≥1500户\t1620户\t50\t50\t',
      '总分\t\t\t\t\t100\t100\t',
    ]);
    expect(a.summary.computedTotal).toBe(100);
    expect(a.summary.understanding?.message).not.toMatch(/未能计算/);
  });

  it('says what it tried when a table is not a 自评表 it can read, and does not call the file clean', () => {
    const a = audit([
      '某局2024年度重点工作完成情况表',
      '序号\t工作事项\t牵头科室\t完成时限\t进展情况',
      '1\t推进老旧小区改造\t建设科\t2024年12月\t已完成',
      '2\t开展安全生产检查\t安监科\t2024年6月\t已完成',
    ]);
    const u = a.summary.understanding;
    expect(u?.status).not.toBe('recognised');
    expect(u?.message).toMatch(/未能识别自评表结构.*已尝试：表格表头、逐行文本表格、正文指标段落/);
    expect(a.summary.computedTotal).toBeNull();
    const text = formatAuditText([toFileAudit(a)]);
    expect(text).not.toMatch(/^ {2}未发现问题。$/m);
  });
});
