import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkClaims } from './claim-checks.ts';

const sums = (text: string): string[] =>
  checkClaims(extractEvaluation(parseTextLines(text, 'x.txt')))
    .filter((f) => f.category === 'sum')
    .map((f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`);

describe('a 其中 list going on past its sentence', () => {
  it('takes the parts the next sentence goes on with: no shortfall when they make the whole', () => {
    expect(
      sums(
        '项目实际支出181.36万元，执行率97.24%。其中，办案补贴142.68万元，占实际支出的78.67%；工作站运行经费25.30万元。法治宣传经费13.38万元。',
      ),
    ).toEqual([]);
    expect(
      sums(
        '项目预算总额1,286.40万元。其中，中央资金812.50万元；省级资金318.60万元。区级配套资金155.30万元。',
      ),
    ).toEqual([]);
  });

  it('says a list short with them when the next sentence is nothing but parts named alike', () => {
    expect(
      sums(
        '全年“三公”经费支出12.86万元，比上年下降4.2%，其中：公务接待费3.24万元。公务用车运行维护费9.12万元，因公出国（境）费0万元。',
      ),
    ).toEqual(['warning DOC_CLAIM_PARTS_SHORT 12.86→12.36']);
    expect(
      sums(
        '全年“三公”经费支出12.36万元，其中：公务接待费3.24万元。公务用车运行维护费9.12万元，因公出国（境）费0万元。',
      ),
    ).toEqual([]);
  });

  it('leaves the next sentence alone when it is about something else', () => {
    expect(
      sums(
        '全年支出5,534.40万元，预算执行率95.65%。其中公共卫生支出1,248.60万元，占全年支出的22.56%。“三公”经费支出12.36万元，较上年的14.20万元下降12.96%。',
      ),
    ).toEqual([]);
    expect(
      sums('全年支出2,000.00万元。其中人员经费800.00万元。项目支出900.00万元，主要用于道路养护。'),
    ).toEqual([]);
  });
});

describe('a breakdown by a dimension after its total', () => {
  it('holds the parts listed 按…分 against the figure of the sentence before', () => {
    const text = (third: string): string =>
      `项目实际支出1,241.72万元，预算执行率96.53%。按学段分：学前教育幼儿资助146.80万元、义务教育寄宿生生活费补助${third}万元、普通高中国家助学金410.60万元。`;
    expect(sums(text('648.32'))).toEqual(['warning DOC_CLAIM_PARTS_SHORT 1241.72→1205.72']);
    expect(sums(text('684.32'))).toEqual([]);
  });

  it('takes no figure compared with, nor one a cut left without its name, for the whole', () => {
    const text = (head: string): string =>
      `${head}增长7.54%。按支出性质分，基本支出21,450.60万元，占支出合计的65.40%；项目支出11,349.40万元，主要用于学生资助。`;
    expect(sums(text('2023年度支出合计3.28亿元，比2022年的3.05亿元'))).toEqual([]);
    expect(sums(text('22年的3.05亿元'))).toEqual([]);
  });

  it('holds the uses listed after 具体用于 against the spending before, a bracketed note aside', () => {
    const text = (first: string): string =>
      `项目实际支出3,752,186.50元，执行率97.21%。资金具体用于：隐患点排查${first}元，群测群防员补助624,000.00元（208人，每人每年3,000元），监测设备购置1,941,786.50元。`;
    expect(sums(text('1,186,400.00'))).toEqual([]);
    expect(sums(text('1,168,400.00'))).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 3752186.50→3734186.50',
    ]);
    // The main uses (主要用于) may be some of them only.
    expect(sums(text('1,168,400.00').replace('具体用于', '主要用于'))).toEqual([]);
  });

  it('needs two parts: one figure after 按…划分 is no breakdown', () => {
    expect(
      sums('全年支出3,486.92万元。按经济性质划分，基本支出1,624.38万元，执行率98.44%。'),
    ).toEqual([]);
  });
});
