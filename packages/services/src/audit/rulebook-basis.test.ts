import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { formatAuditText } from './format-audit-text.ts';

/** A 部门整体 自评表 shaped as Hunan's book (预算执行率, 产出, 效益, 满意度), graded wrongly. */
const report = (unit: string, opening: string): string =>
  [
    `${unit}2023年度部门整体支出绩效自评报告`,
    opening,
    '部门整体支出绩效自评表',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    '预算执行率\t预算执行率\t预算执行率\t100%\t100%\t10\t10\t',
    '产出指标\t数量指标\t培训教师人次\t≥1000人次\t1020人次\t25\t25\t',
    '\t质量指标\t培训合格率\t≥95%\t98%\t25\t25\t',
    '效益指标\t社会效益指标\t教学质量提升\t有效提升\t有效提升\t30\t30\t',
    '满意度指标\t服务对象满意度指标\t教师满意度\t≥90%\t96%\t10\t10\t',
    '总分\t\t\t\t\t100\t100\t',
    '自评等级\t良',
  ].join('\n');

const audit = (text: string) => auditDocument(new TextEncoder().encode(text), 'report.txt');
const grade = (text: string): string[] =>
  audit(text)
    .findings.filter((f) => f.code === 'GRADE_MISMATCH')
    .map((f) => f.severity);

describe('the rulebook of a report whose region has no book of its own', () => {
  const hubei = report(
    '湖北省某县教育局',
    '根据《湖北省预算绩效管理办法》要求，我局开展了2023年度部门整体支出绩效自评。',
  );
  const hunan = report(
    '湖南省某县教育局',
    '根据《湖南省预算支出绩效评价管理办法》要求，我局开展了2023年度部门整体支出绩效自评。',
  );

  it('is said to be inferred, with the region the report names', () => {
    const summary = audit(hubei).summary;
    expect(summary.rulebook).toBe('hunan-department');
    expect(summary.rulebookInferred).toBe(true);
    expect(summary.rulebookBasis).toContain('报告属湖北省');
    expect(formatAuditText([audit(hubei)])).toContain(`按“${summary.rulebookName ?? ''}”推定`);
  });

  it('is not, where the report names the book’s own province', () => {
    const summary = audit(hunan).summary;
    expect(summary.rulebookInferred).toBe(false);
    expect(summary.rulebookBasis).toBeNull();
    expect(formatAuditText([audit(hunan)])).not.toContain('推定');
  });

  it('is inferred too where the report names no region at all', () => {
    const summary = audit(report('某县教育局', '我局开展了2023年度部门整体支出绩效自评。')).summary;
    expect(summary.rulebookInferred).toBe(true);
    expect(summary.rulebookBasis).toContain('未写明所属地区');
  });

  it('gives the grade its bands assign a warning only, where the book was inferred', () => {
    expect(grade(hubei)).toEqual(['warning']);
    expect(grade(hunan)).toEqual(['error']);
  });
});

describe('a rulebook guessed with little to go on', () => {
  it('is said in words in the notes, never by its id', () => {
    const file = new URL(
      './invented-prose/te04-shenzhen-subdistrict-restated-budget.txt',
      import.meta.url,
    );
    const notes = audit(readFileSync(file, 'utf8')).notes;
    expect(notes.some((n) => /评价指标体系不确定：.+（置信度 \d+%）/.test(n))).toBe(true);
    expect(notes.filter((n) => /[a-z]+-(?:department|project)/.test(n))).toEqual([]);
  });
});
