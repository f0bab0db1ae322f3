import { describe, expect, it } from 'vitest';
import { parseExpression } from '../parse-expression.ts';
import { checkUnits } from './units.ts';
import { clean, leaf } from './test-support.ts';

describe('units', () => {
  it('are silent when actual and target share a unit', () => {
    expect(checkUnits(clean())).toEqual([]);
  });

  it('report 138万件 against a target of 138件', () => {
    const e = clean();
    const n = leaf(e, 1, 0, 0);
    n.target = parseExpression('138件');
    n.actual = parseExpression('138万件');
    const findings = checkUnits(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['UNIT_MISMATCH', 'unit', 'error', '138万件', '138件'],
    ]);
  });

  it('name a 元/万元 slip as such', () => {
    const e = clean();
    const n = leaf(e, 1, 3, 0);
    n.target = parseExpression('≤1000万元');
    n.actual = parseExpression('998元');
    expect(checkUnits(e).map((f) => f.code)).toEqual(['UNIT_YUAN_WAN']);
  });

  it('warn of a figure in 元 ten thousand times short of its target in 元', () => {
    const e = clean();
    const n = leaf(e, 1, 3, 0);
    n.target = parseExpression('≥20000.00元');
    n.actual = parseExpression('2.46元');
    expect(checkUnits(e).map((f) => [f.code, f.category, f.severity, f.expected])).toEqual([
      ['UNIT_YUAN_WAN_SCALE', 'unit', 'warning', '2.46万元'],
    ]);
  });

  it('take a target in 元 missed or beaten by less than a thousand times for no slip', () => {
    const e = clean();
    const n = leaf(e, 1, 3, 0);
    n.target = parseExpression('≥20000元');
    n.actual = parseExpression('21元');
    expect(checkUnits(e)).toEqual([]);
    n.actual = parseExpression('18500元');
    expect(checkUnits(e)).toEqual([]);
  });
});
