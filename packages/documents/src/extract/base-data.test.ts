import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';

const base = (lines: readonly string[]) =>
  extractEvaluation(parseTextLines(lines.join('\n'), 'b.txt')).baseData?.data;

describe('基础数据表 read from text', () => {
  it('makes rows of a table written one cell per line', () => {
    const data = base([
      '基础数据表',
      '财政供养人员情况',
      '编制数',
      '2024年实际在职人数',
      '控制率',
      '46',
      '44',
      '95.65%',
      '经费控制情况',
      '2023年决算数',
      '2024年预算数',
      '2024年决算数',
      '三公经费',
      '18.60',
      '17.20',
      '16.40',
      '1.公务用车购置和维护经费',
      '12.40',
      '11.50',
      '10.90',
      '2.出国经费',
      '0.00',
      '0.00',
      '0.00',
      '3.公务接待',
      '6.20',
      '5.70',
      '5.20',
    ]);
    expect(data?.staffing?.authorized).toBe(44 + 2);
    expect(
      [data?.threePublic, data?.vehicles, data?.reception].map((r) => r?.actual?.text),
    ).toEqual(['16.40', '10.90', '5.20']);
  });

  it('joins a row label cut by a wrap in PDF text, its rest alone on the next line', () => {
    const data = base([
      '基础数据表',
      '经费控制情况 2023年决算数 2024年预算数 2024年决算数',
      '三公经费 18.60 17.20 16.40',
      '1.公务用车购置 12.40 11.50 10.90',
      '和维护经费',
      '其中：公车购置 0.00 0.00 0.00',
      '公车运行维护 12.40 11.50 10.90',
      '2.出国经费 0.00 0.00 0.00',
      '3.公务接待 6.20 5.70 5.20',
    ]);
    expect([data?.vehicles?.actual?.text, data?.vehiclePurchase?.actual?.text]).toEqual([
      '10.90',
      '0.00',
    ]);
  });

  it('reads the staffing figures of a line of text and the project rows below 项目支出', () => {
    const data = base([
      '基础数据表',
      '财政供养人员情况\t编制数\t2024年实际在职人数\t控制率',
      '\t46\t44\t95.65%',
      '经费控制情况\t2023年决算数\t2024年预算数\t2024年决算数',
      '三公经费\t18.60\t17.20\t16.10',
      '项目支出\t612.30\t580.00\t566.80',
      '1.乡村振兴衔接项目\t420.00\t400.00\t392.50',
      '2.城乡环境综合整治\t192.30\t180.00\t174.30',
      '公用经费\t58.40\t56.00\t55.10',
    ]);
    expect([data?.staffing?.authorized, data?.staffing?.actual]).toEqual([46, 44]);
    expect(data?.projectRows.map((r) => [r.name, r.actual?.text])).toEqual([
      ['乡村振兴衔接项目', '392.50'],
      ['城乡环境综合整治', '174.30'],
    ]);
  });

  it('reads staffing figures typed in full-width digits', () => {
    const data = base([
      '基础数据表',
      '财政供养人员情况\t编制数\t实际在职人数\t控制率',
      '\t３０\t３０\t９０％',
    ]);
    expect([data?.staffing?.authorized, data?.staffing?.actual]).toEqual([30, 30]);
    expect(data?.staffing?.statedControlRate?.value).toBe(90);
  });
});
