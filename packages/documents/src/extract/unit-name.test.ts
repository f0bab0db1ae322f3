import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';

const unitOf = (text: string) => {
  const report = extractEvaluation(parseTextLines(text, 'x.txt'));
  return report.found.unit ? report.evaluation.meta.unitName : undefined;
};

describe('the unit named by the title', () => {
  it('takes the name before the year ("三亚市教育局2023年度项目支出绩效自评报告")', () => {
    expect(unitOf('三亚市教育局2023年度项目支出绩效自评报告\n一、项目概况\n')).toBe('三亚市教育局');
    expect(unitOf('海东市第一人民医院2023年度医疗服务能力提升项目绩效自评报告\n')).toBe(
      '海东市第一人民医院',
    );
    expect(unitOf('哈尔滨市南岗区革新街道办事处2023年度部门整体支出绩效自评报告\n')).toBe(
      '哈尔滨市南岗区革新街道办事处',
    );
  });

  it('reads the title of an attachment and a report "关于" the year, and schools and companies', () => {
    expect(unitOf('附件:1.广东省科学技术厅2020年度部门整体支出绩效自评报告\n')).toBe(
      '广东省科学技术厅',
    );
    expect(unitOf('附件1：示范县水利局2023年度项目支出绩效自评报告\n')).toBe('示范县水利局');
    expect(unitOf('承德市农业农村局关于2023年度项目绩效自评工作的报告\n')).toBe('承德市农业农村局');
    expect(unitOf('湟源县第二中学2023年度部门整体支出绩效自评报告\n')).toBe('湟源县第二中学');
    expect(unitOf('梁溪区实验小学2023年度课后服务经费补助项目绩效自评报告\n')).toBe(
      '梁溪区实验小学',
    );
    expect(unitOf('附件2：2023年度项目支出绩效自评表\n')).toBeUndefined();
  });

  it('still takes the name after the year, and none from a title that names no unit', () => {
    expect(unitOf('2023年度示范市统计局部门整体支出绩效自评报告\n')).toBe('示范市统计局');
    expect(unitOf('2023年度项目支出绩效自评报告\n')).toBeUndefined();
    expect(unitOf('关于印发2023年度绩效自评工作方案的通知\n')).toBeUndefined();
  });
});
