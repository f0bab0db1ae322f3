import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../cli-io.ts';
import { parseEvaluationText, readEvaluationFile } from './read-evaluation.ts';

const minimal = {
  kind: 'department',
  rulebookId: 'hunan-department',
  meta: { unitName: '示例单位', year: 2024 },
};

function problemsOf(value: unknown) {
  const result = parseEvaluationText(JSON.stringify(value));
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseEvaluationText', () => {
  it('accepts a minimal department evaluation and applies the defaults', () => {
    const result = parseEvaluationText(JSON.stringify(minimal));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.evaluation.meta.amountUnit).toBe('万元');
  });

  it('lists every schema problem with its path, in Chinese', () => {
    const problems = problemsOf({
      ...minimal,
      rulebookId: '',
      meta: { year: '2024' },
      funds: { total: { budget: { fen: 1.5, unit: '美元' } } },
      indicators: [{ name: '产出指标', children: [{ weight: 5 }] }],
      adjustments: [{ name: '加分', kind: 'bonus', points: -1 }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'rulebookId', message: '不能为空' },
        { path: 'meta.unitName', message: '缺少必填项（应为文本）' },
        { path: 'meta.year', message: '类型错误：应为数字，实际为文本 「2024」' },
        { path: 'funds.total.budget.fen', message: '应为整数，实际为 1.5' },
        {
          path: 'funds.total.budget.unit',
          message: '取值无效：「美元」，可选：「元」、「万元」、「亿元」',
        },
        { path: 'indicators[0].children[0].name', message: '缺少必填项（应为文本）' },
        // A message the schema spells out itself is kept.
        { path: 'adjustments[0].points', message: '加减分以正数记录，由类型决定加或减' },
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('names a wrong or missing evaluation kind', () => {
    expect(problemsOf({ ...minimal, kind: 'city' })).toEqual([
      { path: 'kind', message: '取值无效：「city」' },
    ]);
    expect(problemsOf({ rulebookId: 'x' })).toEqual([{ path: 'kind', message: '缺少必填项' }]);
  });

  it('rejects a file that is not an object', () => {
    expect(problemsOf([])).toEqual([{ path: '', message: '类型错误：应为对象，实际为数组 []' }]);
  });

  it('reports malformed JSON with line and column', () => {
    const result = parseEvaluationText('{\n  "kind": "department",\n  "meta": {,\n}');
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: '第 3 行第 12 列：此处应为带双引号的字段名，实际为「,」' }],
    });
  });
});

describe('readEvaluationFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-read-'));

  it('reads a file relative to the working directory', async () => {
    writeFileSync(path.join(dir, 'ok.json'), JSON.stringify(minimal));
    const result = await readEvaluationFile(memoryIo(dir), 'ok.json');
    expect(result.ok).toBe(true);
  });

  it('reports a missing file', async () => {
    expect(await readEvaluationFile(memoryIo(dir), 'nope.json')).toEqual({
      ok: false,
      problems: [{ path: '', message: '找不到文件：nope.json' }],
    });
  });

  it('reports a directory and a file that is not UTF-8', async () => {
    writeFileSync(path.join(dir, 'gbk.json'), Uint8Array.from([0x7b, 0xd6, 0xd0, 0x7d]));
    const notUtf8 = await readEvaluationFile(memoryIo(dir), 'gbk.json');
    expect(notUtf8).toEqual({
      ok: false,
      problems: [{ path: '', message: '文件 gbk.json 不是 UTF-8 编码的文本' }],
    });
    const directory = await readEvaluationFile(memoryIo(dir), '.');
    expect(directory).toEqual({
      ok: false,
      problems: [{ path: '', message: '. 是目录，不是文件' }],
    });
  });
});
