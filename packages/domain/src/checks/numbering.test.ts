import { describe, expect, it } from 'vitest';
import { Evaluation } from '../evaluation.ts';
import type { OutlineHeading } from '../evaluation.ts';
import { checkNumbering, parseChineseNumeral, parseNumberText, renderNumber } from './numbering.ts';

function withOutline(headings: readonly [number, string][], title?: string): Evaluation {
  const outline: OutlineHeading[] = headings.map(([level, numberText], i) => ({
    level,
    numberText,
    title: `标题${i + 1}`,
    line: i + 1,
  }));
  return Evaluation.parse({
    kind: 'project',
    projectName: '示例项目',
    rulebookId: 'central-project',
    meta: { unitName: '示例单位', year: 2024, ...(title ? { title } : {}) },
    outline,
  });
}

const summary = (e: Evaluation): string[][] =>
  checkNumbering(e).map((f) => [f.code, f.stated ?? '', f.expected ?? '']);

describe('reading heading numbers', () => {
  it('reads every style reports use', () => {
    expect(parseNumberText('十二、')).toEqual({ style: 'cn-dun', value: 12 });
    expect(parseNumberText('（三）')).toEqual({ style: 'cn-paren', value: 3 });
    expect(parseNumberText('(2)')).toEqual({ style: 'arabic-paren', value: 2 });
    expect(parseNumberText('１．')).toEqual({ style: 'arabic-dot', value: 1 });
    expect(parseNumberText('5、')).toEqual({ style: 'arabic-dun', value: 5 });
    expect(parseNumberText('⑵')).toEqual({ style: 'paren-unicode', value: 2 });
    expect(parseNumberText('③')).toEqual({ style: 'circled', value: 3 });
    expect(parseNumberText('第四部分')).toEqual({ style: 'ordinal', value: 4 });
    expect(parseNumberText('附件')).toBeUndefined();
    expect(parseChineseNumeral('二十三')).toBe(23);
    expect(renderNumber('cn-paren', 11)).toBe('（十一）');
  });
});

describe('numbering', () => {
  it('is silent on a clean outline', () => {
    const e = withOutline([
      [1, '一、'],
      [2, '（一）'],
      [3, '1.'],
      [3, '2.'],
      [2, '（二）'],
      [1, '二、'],
      [2, '（一）'],
      [1, '三、'],
    ]);
    expect(checkNumbering(e)).toEqual([]);
  });

  it('reports a chapter missing (五 → 七)', () => {
    const e = withOutline([
      [1, '一、'],
      [1, '二、'],
      [1, '三、'],
      [1, '四、'],
      [1, '五、'],
      [1, '七、'],
    ]);
    const findings = checkNumbering(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.path])).toEqual([
      ['NUMBERING_GAP', 'numbering', 'warning', '七、', 'outline[5].numberText'],
    ]);
    expect(findings[0]?.message).toBe('序号不连续（第6行）：“五、”之后为“七、”，缺少序号六、');
  });

  it('says which number a list starts with when its first one is not 一', () => {
    const headings: [number, string][] = [
      [1, '二、'],
      [1, '三、'],
    ];
    const findings = checkNumbering(withOutline(headings, '2024年度示例项目绩效自评报告'));
    expect(findings.map((f) => f.code)).toEqual(['NUMBERING_GAP']);
    expect(findings[0]?.message).toBe('序号不连续（第1行）：第一个序号为“二、”，缺少序号一、');
    // A text without a title, or whose title is its first heading, is a part published alone.
    expect(checkNumbering(withOutline(headings))).toEqual([]);
    expect(checkNumbering(withOutline(headings, '二、标题1'))).toEqual([]);
  });

  it('reports a repeated number (1. and 1.)', () => {
    expect(
      summary(
        withOutline([
          [1, '1.'],
          [1, '1.'],
          [1, '2.'],
        ]),
      ),
    ).toEqual([['NUMBERING_REPEAT', '1.', '2.']]);
  });

  it('takes a list that starts again at 1 under a heading not recognised for the next section’s', () => {
    const restart = withOutline([
      [1, '1.'],
      [1, '2.'],
      [1, '1.'],
      [1, '2.'],
      [1, '3.'],
    ]);
    expect(summary(restart)).toEqual([]);
    // Not a restart: 1. 2. 1. 3. — the second 1. is out of order.
    const wrong = withOutline([
      [1, '1.'],
      [1, '2.'],
      [1, '1.'],
      [1, '3.'],
    ]);
    expect(summary(wrong).map(([code]) => code)).toContain('NUMBERING_ORDER');
  });

  it('reports mixed styles among siblings: 一…四、5、6 and （一）（2）（三）', () => {
    const e = withOutline([
      [1, '一、'],
      [2, '（一）'],
      [2, '（2）'],
      [2, '（三）'],
      [1, '二、'],
      [1, '三、'],
      [1, '四、'],
      [1, '5、'],
      [1, '六、'],
    ]);
    expect(summary(e)).toEqual([
      ['NUMBERING_MIXED', '5、', '五、'],
      ['NUMBERING_MIXED', '（2）', '（二）'],
    ]);
  });

  it('reports numbers out of order: （一）（3）（2）', () => {
    const e = withOutline([
      [1, '一、'],
      [2, '（一）'],
      [2, '（三）'],
      [2, '（二）'],
    ]);
    expect(summary(e).map(([code]) => code)).toEqual(['NUMBERING_GAP', 'NUMBERING_ORDER']);
  });

  it('checks the indicators’ numbers among siblings (1、 2、 ⑵): one warning for the one slip', () => {
    const e = Evaluation.parse({
      kind: 'project',
      projectName: '示例项目',
      rulebookId: 'central-project',
      meta: { unitName: '示例单位', year: 2024 },
      indicators: [
        {
          name: '效益指标',
          children: [
            { name: '社会效益', numberText: '1、' },
            { name: '生态效益', numberText: '2、' },
            { name: '可持续影响指标', numberText: '⑵' },
          ],
        },
      ],
    });
    const findings = checkNumbering(e);
    expect(findings.map((f) => [f.code, f.path, f.stated, f.expected])).toEqual([
      ['NUMBERING_MIXED', 'indicators[0].children[2].numberText', '⑵', '3、'],
    ]);
  });

  it('gives one warning for one wrong number, not a gap, a reversal and a repeat', () => {
    const codes = (texts: string[]) =>
      summary(withOutline(texts.map((t) => [1, t] as [number, string])));
    expect(codes(['一、', '二、', '五、', '四、', '五、'])).toEqual([
      ['NUMBERING_WRONG', '五、', '三、'],
    ]);
    expect(codes(['一、', '二、', '二、', '四、'])).toEqual([['NUMBERING_WRONG', '二、', '三、']]);
    const [f] = checkNumbering(
      withOutline(['一、', '二、', '五、', '四、'].map((t) => [1, t] as [number, string])),
    );
    expect(f?.message).toBe('序号有误（第3行）：“二、”之后应为“三、”，写作“五、”');
    // A number really missing is still a gap, and stays one finding.
    expect(codes(['一、', '二、', '四、', '五、'])).toEqual([['NUMBERING_GAP', '四、', '三、']]);
  });

  it('reports a run of headings in another style once, at its first', () => {
    const e = withOutline(
      ['一、', '二、', '三、', '四、', '5、', '6、', '7、', '八、'].map(
        (t) => [1, t] as [number, string],
      ),
    );
    const findings = checkNumbering(e);
    expect(findings.map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['NUMBERING_MIXED', '5、', '五、'],
    ]);
    expect(findings[0]?.message).toBe(
      '同级序号格式不统一（第5行）：“5、”起连续3个序号为“1、”式，同级其他标题多为“一、”式（此处应为“五、”）',
    );
  });
});

describe('a run of headings in another style that counts on by itself', () => {
  // 1、 2、 3、 六、 七、 8、: the run 六、 七、 is one slip of style; 七、 after 六、 and 8、 after
  // 七、 are in order. Before, both were reported as out of order against a count of 12.
  it('reports the run once, and nothing of the order within it or after it', () => {
    const e = withOutline([
      [1, '1、'],
      [1, '2、'],
      [1, '10、'],
      [1, '11、'],
      [1, '六、'],
      [1, '七、'],
      [1, '8、'],
    ]);
    const codes = summary(e).map(([code, stated]) => `${code} ${stated}`);
    expect(codes).toContain('NUMBERING_MIXED 六、');
    expect(codes.filter((c) => /七、|8、/.test(c))).toEqual([]);
  });
});
