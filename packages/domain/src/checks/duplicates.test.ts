import { describe, expect, it } from 'vitest';
import { checkDuplicates } from './duplicates.ts';
import { clean, leaf } from './test-support.ts';

describe('duplicates', () => {
  it('are silent when every leaf name is unique', () => {
    expect(checkDuplicates(clean())).toEqual([]);
  });

  it('warn on the same leaf under two groups (服务经济社会发展)', () => {
    const e = clean();
    leaf(e, 2, 0, 0).name = '服务经济社会发展';
    leaf(e, 2, 1, 0).name = '服务经济社会发展';
    const findings = checkDuplicates(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated])).toEqual([
      ['DUPLICATE_INDICATOR', 'duplicate', 'warning', '服务经济社会发展'],
    ]);
    expect(findings[0]?.message).toBe(
      '指标“服务经济社会发展”在“效益指标 / 经济效益指标”和“效益指标 / 社会效益指标”下重复出现',
    );
  });
});
