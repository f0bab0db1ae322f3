import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parse-json-text.ts';

describe('parseJsonText', () => {
  it('parses valid JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('reports the line and column of a missing comma', () => {
    const result = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toMatchObject({ ok: false, line: 3, column: 3 });
    if (!result.ok) expect(result.message).toContain('逗号');
  });

  it('reports an unquoted field name in Chinese', () => {
    const result = parseJsonText('{\n  a: 1\n}');
    expect(result).toMatchObject({ ok: false, line: 2, column: 3 });
    if (!result.ok) expect(result.message).toContain('双引号');
  });

  it('reports a truncated file at its end', () => {
    const result = parseJsonText('{\n  "a": [1,\n');
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (!result.ok) expect(result.message).toContain('意外结束');
  });

  it('says so when the file is empty', () => {
    const result = parseJsonText('  \n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('文件为空，不是 JSON');
  });
});
