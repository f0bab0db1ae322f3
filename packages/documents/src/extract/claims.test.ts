import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { chineseCount, chineseNumber, claimsIn, keyOf, roleOf, statementsOf } from './claims.ts';

const statements = (text: string) => statementsOf(parseTextLines(text, 'x.txt').blocks);
const one = (text: string) => {
  const [c] = claimsIn(text);
  if (!c) throw new Error(`no claim in ${text}`);
  return c;
};

describe('claimsIn reads every stated figure with its value, unit and name', () => {
  it('reads money as integer 分 in the unit written', () => {
    expect(one('一般公共预算支出282,796.90万元').value).toBe(282_796_900_000);
    expect(one('项目支出904.93万元').value).toBe(904_930_000);
    expect(one('处置资产212171.9元').value).toBe(21_217_190);
    expect(one('专项资金1.5亿元').value).toBe(15_000_000_000);
  });

  it('reads an amount written in two units as one figure', () => {
    const c = one('项目总投资39万元2696元，');
    expect(c.value).toBe(392_696_00);
    expect(c.text).toBe('39万元2696元');
    expect(one('总投资1亿元2000万元').value).toBe(12_000_000_000);
  });

  it('reads full-width digits as ASCII (the text is squashed first)', () => {
    const [s] = statements('全年支出３３８５．５２万元，执行率１００％。');
    expect(s?.claims.map((c) => [c.kind, c.value])).toEqual([
      ['money', 3_385_520_000],
      ['percent', 100],
    ]);
    // Typed in full width, the thousands separator is the full-width comma.
    const [t] = statements('支出合计３，２５１．０９万元，其中基本支出２，４１６．３３万元。');
    expect(t?.claims.map((c) => c.value)).toEqual([3_251_090_000, 2_416_330_000]);
  });

  it('reads a count of machines an acronym names, and no other figure after letters', () => {
    expect(
      claimsIn('购置CT 1台、MRI1台、彩色超声诊断仪6台，共计8台').map((c) => [c.name, c.value]),
    ).toEqual([
      ['CT', 1],
      ['MRI', 1],
      ['彩色超声诊断仪', 6],
      ['', 8],
    ]);
    expect(claimsIn('型号A12台，编号GB50015个，MRI12.5万元').map((c) => c.value)).toEqual([]);
  });

  it('reads counts and percentages, and leaves out ranks, years and ordinals', () => {
    expect(claimsIn('内设机构8个，在职274人，完成率98.5%').map((c) => [c.kind, c.value])).toEqual([
      ['count', 8],
      ['count', 274],
      ['percent', 98.5],
    ]);
    expect(claimsIn('排名全省前100名，第3个，2023年')).toEqual([]);
  });

  it('names each figure by the noun phrase before it, without verbs and connectives', () => {
    const cs = claimsIn('其中：基本支出为861.24万元，人员经费共计588.14万元');
    expect(cs.map((c) => c.name)).toEqual(['基本支出', '人员经费']);
    expect(keyOf('2023年我局基本支出')).toBe('基本支出');
    expect(keyOf('全年项目支出')).toBe('项目支出');
    // The plan the year opened with, said approved, is still that plan.
    expect(keyOf('2023年年初批复预算数')).toBe('年初批复预算数');
    expect(keyOf('2023年年初安排')).toBe('安排');
  });

  it('marks approximate figures and details in parentheses', () => {
    const cs = claimsIn('处罚金额约273000万元，资金近78万元，增加5万元多（其中建筑工程3292万元）');
    expect(cs.map((c) => [c.approximate, c.depth])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
      [false, 1],
    ]);
  });

  it('gives a money figure the role its nearest word says', () => {
    expect(roleOf('基本支出预算安排')).toBe('budget');
    expect(roleOf('预算执行数')).toBe('actual');
    expect(roleOf('实际下达预算')).toBe('budget');
    expect(roleOf('全年度实际总支出')).toBe('actual');
    expect(roleOf('公用经费')).toBe('');
  });

  it('reads Chinese numerals for counts', () => {
    expect(['八', '十二', '二十', '两', '十'].map(chineseCount)).toEqual([8, 12, 20, 2, 10]);
    expect(chineseCount('百')).toBeUndefined();
  });
});

describe('statementsOf', () => {
  it('joins a sentence that starts with 其中 to the one before it', () => {
    const s = statements(
      '专项资金项目共计113个，财政资金3267.28万元。其中优的项目79个财政资金3038.38万元。',
    );
    expect(s).toHaveLength(1);
    expect(s[0]?.claims).toHaveLength(4);
  });

  it('joins lines a hard wrap split mid-word, as in PDF text', () => {
    const s = statements(
      '项目21个,项目支出总额656.93万元。其中,本级项目8个,本\n级项目支出385.58万元;对下转移支付0\n万元。下一句。',
    );
    expect(s[0]?.text).toContain('本级项目支出385.58万元');
    expect(s[0]?.claims.map((c) => c.text)).toEqual([
      '21个',
      '656.93万元',
      '8个',
      '385.58万元',
      '0万元',
    ]);
    expect(s[0]?.line).toBe(1);
    // A wrap before a figure ("201.9万元") or after a comma or colon is no new item.
    const t = statements(
      '专项资金共计3267.28万元。其中评为良的项目11个财政资金\n201.9万元，评为中的项目3个，其中：\n中央资金7万元。',
    );
    expect(t[0]?.claims.map((c) => c.text)).toEqual([
      '3267.28万元',
      '11个',
      '201.9万元',
      '3个',
      '7万元',
    ]);
  });

  it('cuts text without stops into bounded statements, keeping every figure', () => {
    const s = statements('资金1万元，'.repeat(20_000));
    expect(s.length).toBeGreaterThan(50);
    expect(Math.max(...s.map((x) => x.text.length))).toBeLessThanOrEqual(1_500);
    expect(s.reduce((n, x) => n + x.claims.length, 0)).toBe(20_000);
  });

  it('does not join a line that starts an item of its own', () => {
    const s = statements(
      '内设8个机构，即办公室、政治部、综合业务部\n- 人员情况\n1.第二项内容较长较长较长',
    );
    expect(s.map((x) => x.text)).toEqual([
      '内设8个机构，即办公室、政治部、综合业务部',
      '-人员情况',
      '1.第二项内容较长较长较长',
    ]);
  });
});

describe('Chinese numerals', () => {
  it('reads numbers with their places, and money and percentages written in them', () => {
    expect(chineseNumber('四百一十二')).toBe('412');
    expect(chineseNumber('一百二十')).toBe('120');
    expect(chineseNumber('九十八点五')).toBe('98.5');
    expect(chineseNumber('一千零五')).toBe('1005');
    expect(chineseNumber('十百')).toBeUndefined();
    expect(claimsIn('配套一百二十万元，执行率百分之九十八').map((c) => [c.kind, c.value])).toEqual([
      ['money', 120_000_000],
      ['percent', 98],
    ]);
    expect(claimsIn('二元结构和统一元数据')).toEqual([]);
  });
});
