import { describe, expect, it } from 'vitest';
import { checkName } from './check-names-zh.ts';
import { FINDING_CODES } from './messages-zh.ts';

describe('check names', () => {
  it('name every check in Chinese, distinctly', () => {
    const names = FINDING_CODES.map(checkName);
    expect(names.every((n) => /[\u4e00-\u9fff]/.test(n) && n !== '其他检查')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(checkName('DOC_CLAIM_RATE')).toBe('文中比率与金额不符');
    expect(checkName('NO_SUCH_CHECK')).toBe('其他检查');
  });
});
