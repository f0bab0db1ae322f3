import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, cleanFileName } from './file-name.ts';

describe('cleanFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(cleanFileName('2024年度部门整体支出绩效自评报告.docx')).toBe(
      '2024年度部门整体支出绩效自评报告.docx',
    );
  });

  it('drops NUL and other control characters, path segments and bidirectional overrides', () => {
    expect(cleanFileName('报\u0000告\r\n.txt')).toBe('报告.txt');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\报告.docx')).toBe('报告.docx');
    expect(cleanFileName('报告\u202excod.txt')).toBe('报告xcod.txt');
    expect(cleanFileName('\u0000\u0000')).toBe('未命名文件');
  });

  it('cuts a long name to the cap, keeping its extension', () => {
    const long = cleanFileName(`${'长'.repeat(5000)}.docx`);
    expect([...long]).toHaveLength(MAX_FILE_NAME);
    expect(long.endsWith('.docx')).toBe(true);
    expect([...cleanFileName('x'.repeat(5004))]).toHaveLength(MAX_FILE_NAME);
  });
});
