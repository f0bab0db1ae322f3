import { describe, expect, it } from 'vitest';
import { sentencesOf, splitAfterStops, squash } from './text.ts';

describe('cutting text after its stops', () => {
  it.each([
    '',
    '无标点的一段',
    '一句。',
    '一句。两句！三句？',
    '。。连续的句号。',
    '半角!问号?结尾',
    '数字3.5万元。其中：A 1万元；B 2万元。',
    '！',
  ])('cuts %j where the look-behind split cuts it', (text) => {
    expect(splitAfterStops(text)).toEqual(text.split(/(?<=[。！？!?])/));
  });

  it('gives each sentence of a paragraph squashed, with its words as written', () => {
    const sentences = sentencesOf([
      { kind: 'paragraph', text: ' 预算数１，２００．５０万元 。 执行率 98％！', line: 3 },
    ]);
    expect(sentences.map((s) => [s.text, s.raw, s.line])).toEqual([
      ['预算数1,200.50万元。', '预算数１，２００．５０万元 。', 3],
      ['执行率98%！', '执行率 98％！', 3],
    ]);
    expect(squash('执行率 98％')).toBe('执行率98%');
  });
});
