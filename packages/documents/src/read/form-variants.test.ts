import { describe, expect, it } from 'vitest';
import { usualForms } from './form-variants.ts';
import { readDocument } from './read-document.ts';

describe('figures typed in full-width digits', () => {
  it('are read as ASCII figures, with their point, percent sign, minus and thousands comma', () => {
    expect(usualForms('全年预算３，６５２．１４万元，执行率９８．５３％，较上年－２．１％')).toBe(
      '全年预算3,652.14万元，执行率98.53%，较上年-2.1%',
    );
    expect(usualForms('执行率﹪')).toBe('执行率％');
  });

  it('keep the Chinese comma, and a point or percent sign with no digit beside it', () => {
    expect(usualForms('共３项，１２个')).toBe('共3项，12个');
    expect(usualForms('２０２２，２０２３年')).toBe('2022，2023年');
    expect(usualForms('（一）．％')).toBe('（一）．％');
  });

  it('change no character count, so lines and columns keep their places', () => {
    const text = '合计\t３，４２６．８０\t９８．５３％';
    expect(usualForms(text)).toHaveLength(text.length);
  });

  it('are folded in every block and cell a text report is read into', () => {
    const read = readDocument(
      new TextEncoder().encode('一、基本情况\n年度资金总额\t３，４２６．８０\t９８．５３％\n'),
      'x.txt',
    );
    if (!read.ok) throw new Error('not read');
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('3,426.80');
    expect(text).toContain('98.53%');
    expect(text).not.toMatch(/[０-９]/);
  });
});
