import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FEN, MAX_INDICATOR_DEPTH } from '@jixiao/domain';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './cli-io.ts';
import { runCli } from './main.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-hard-'));
const fixture = JSON.parse(
  readFileSync(path.join(root, 'fixtures/evaluations/clean-hunan-department.json'), 'utf8'),
) as Record<string, unknown>;

async function run(...argv: string[]) {
  const io = memoryIo(root);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function scratchJson(name: string, value: unknown): string {
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

function indicatorChain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { name: `第${depth}层`, weight: 1 };
  for (let level = depth - 1; level >= 1; level -= 1)
    node = { name: `第${level}层`, weight: 1, children: [node] };
  return node;
}

describe('jixiao on hostile input', () => {
  it('refuses an indicator tree too deep with the depth in Chinese and exit 2, no stack', async () => {
    for (const depth of [MAX_INDICATOR_DEPTH + 1, 1_400]) {
      const file = scratchJson(`deep-${depth}.json`, {
        ...fixture,
        indicators: [indicatorChain(depth)],
      });
      for (const command of ['score', 'check']) {
        const { code, err } = await run(command, file);
        expect(code).toBe(2);
        expect(err).toContain(`指标层级过深：指标树最多 ${MAX_INDICATOR_DEPTH} 层`);
        expect(err).not.toMatch(/RangeError|\n\s+at /);
      }
    }
  });

  it('adds amounts past 2^53 分 exactly and refuses one beyond the bound with exit 2', async () => {
    const huge = { fen: MAX_FEN, unit: '万元' };
    const project = fixture['projectExpenditure'] as Record<string, unknown>;
    const file = scratchJson('huge-sum.json', {
      ...fixture,
      projectExpenditure: {
        ...project,
        actual: huge,
        statedCount: 20,
        projects: Array.from({ length: 20 }, (_, i) => ({ name: `项目${i + 1}`, actual: huge })),
      },
    });
    const checked = await run('check', file, '--format', 'json');
    expect(checked.code).toBe(1);
    const findings = (JSON.parse(checked.out) as { findings: { code: string; expected: string }[] })
      .findings;
    expect(findings.find((f) => f.code === 'SUM_PROJECT_LINES')?.expected).toBe('20000000000.00');
    expect((await run('score', file)).code).toBe(0);
    const over = scratchJson('over.json', {
      ...fixture,
      projectExpenditure: { ...project, actual: { fen: MAX_FEN * 2, unit: '万元' } },
    });
    const refused = await run('check', over);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('金额超出范围');
  });

  it('reads no device or FIFO: audit, score and check refuse them at once', async () => {
    const zero = path.join(scratch, 'zero.txt');
    symlinkSync('/dev/zero', zero);
    const zeroJson = path.join(scratch, 'zero.json');
    symlinkSync('/dev/zero', zeroJson);
    const fifo = path.join(scratch, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const fifoJson = path.join(scratch, 'pipe.json');
    execFileSync('mkfifo', [fifoJson]);

    const audited = await run('audit', zero, fifo, '--format', 'json', '--workers', '0');
    expect(audited.code).toBe(1);
    const files = (JSON.parse(audited.out) as { files: { ok: boolean; error?: string }[] }).files;
    expect(files.map((f) => [f.ok, f.error])).toEqual([
      [false, '不是普通文件（设备、管道等不予读取）'],
      [false, '不是普通文件（设备、管道等不予读取）'],
    ]);
    for (const file of [zeroJson, fifoJson]) {
      const scored = await run('score', file);
      expect(scored.code).toBe(2);
      expect(scored.err).toContain('不是普通文件（设备、管道等不予读取）');
    }
  }, 10_000);

  it('refuses a JSON input over 10 MB without reading it whole', async () => {
    const big = path.join(scratch, 'big.json');
    writeFileSync(big, `{"a":"${'x'.repeat(11 * 1024 * 1024)}"}`);
    const checked = await run('check', big);
    expect(checked.code).toBe(2);
    expect(checked.err).toContain('超过 10 MB');
  });
});
