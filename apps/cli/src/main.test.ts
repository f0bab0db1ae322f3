import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Finding, ScoreSheet, SEVERITY_RANK } from '@jixiao/domain';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './cli-io.ts';
import { COMMANDS, runCli } from './main.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = 'fixtures/evaluations/000_1b4dc649ed6af86d.json';
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-'));

async function run(...argv: string[]) {
  const io = memoryIo(root);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function scratchFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('jixiao (dispatcher)', () => {
  it('lists every command of the table in Chinese with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('用法：jixiao <命令>');
    for (const command of COMMANDS) expect(out).toContain(`${command.name} `);
    for (const name of ['score', 'check', 'rulebooks', 'start']) {
      expect(COMMANDS.map((c) => c.name)).toContain(name);
    }
  });

  it("names each command as its own module does, and loads a command's module only to run it", async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('prints the help and exits 2 without a command', async () => {
    const { code, out } = await run();
    expect(code).toBe(2);
    expect(out).toContain('命令：');
  });

  it('rejects an unknown command and an unknown top-level flag with exit 2', async () => {
    const unknown = await run('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令：publish');
    const flag = await run('--verbose');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('未知选项：--verbose');
  });

  it('explains each command with <command> --help', async () => {
    for (const name of ['score', 'check', 'rulebooks', 'start']) {
      const { code, out } = await run(name, '--help');
      expect(code).toBe(0);
      expect(out).toContain(`用法：jixiao ${name}`);
    }
  });

  it('rejects unknown flags, bad choices and missing values in Chinese with exit 2', async () => {
    expect(await run('score', fixture, '--bogus')).toMatchObject({
      code: 2,
      err: expect.stringContaining('未知选项：--bogus') as unknown,
    });
    expect(await run('score', fixture, '--format', 'xml')).toMatchObject({
      code: 2,
      err: expect.stringContaining('选项 --format 的取值「xml」无效') as unknown,
    });
    expect(await run('check', fixture, '--fail-on')).toMatchObject({
      code: 2,
      err: expect.stringContaining('选项 --fail-on 需要一个取值') as unknown,
    });
    expect(await run('score')).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数') as unknown,
    });
    expect(await run('score', fixture, fixture)).toMatchObject({
      code: 2,
      err: expect.stringContaining('多余的参数') as unknown,
    });
  });
});

describe('jixiao score', () => {
  it('prints a readable score sheet for an example report', async () => {
    const { code, out, err } = await run('score', fixture);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('衡阳市雁峰区人民政府办公室');
    for (const column of ['分值', '得分(填报)', '得分(计算)', '扣分'])
      expect(out).toContain(column);
    expect(out).toContain('预算执行率');
    expect(out).toMatch(/总分（计算）：\d/);
    expect(out).toMatch(/等级（计算）：/);
  });

  it('prints { scoreSheet } as JSON with --format json', async () => {
    const { code, out } = await run('score', fixture, '--format', 'json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { scoreSheet: unknown };
    expect(Object.keys(parsed)).toEqual(['scoreSheet']);
    const sheet = ScoreSheet.parse(parsed.scoreSheet);
    expect(sheet.rulebookId).toBe('hunan-department');
    expect(sheet.nodes.length).toBeGreaterThan(4);
  });

  it('scores by another rulebook with --rulebook', async () => {
    const { code, out } = await run(
      'score',
      fixture,
      '--rulebook',
      'huaihua-department',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(
      ScoreSheet.parse((JSON.parse(out) as { scoreSheet: unknown }).scoreSheet).rulebookId,
    ).toBe('huaihua-department');
  });

  it('refuses a rulebook of the other kind (project rules for a department evaluation)', async () => {
    const { code, err } = await run('score', fixture, '--rulebook', 'hubei-project');
    expect(code).toBe(2);
    expect(err).toContain('评价规则「hubei-project」用于项目支出绩效自评');
    expect(err).toContain('部门整体支出绩效自评');
  });

  it('names the rulebooks that exist when the requested one does not', async () => {
    const { code, out, err } = await run('score', fixture, '--rulebook', 'atlantis');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('找不到评价规则「atlantis」');
    expect(err).toContain('hunan-department');
  });
});

describe('jixiao check', () => {
  it('prints { findings } as JSON and exits 1 when an error is found', async () => {
    const { code, out } = await run('check', fixture, '--format', 'json');
    const parsed = JSON.parse(out) as { findings: unknown[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    const findings = parsed.findings.map((f) => Finding.parse(f));
    // The 雁峰区 report's 全年执行数 is not the sum of its parts (FINDINGS.md): an error.
    expect(findings.some((f) => f.severity === 'error' && f.category === 'sum')).toBe(true);
    expect(code).toBe(1);
  });

  it('exits by --fail-on: 1 exactly when a finding reaches that severity', async () => {
    for (const file of readdirSync(path.join(root, 'fixtures/evaluations'))) {
      const target = `fixtures/evaluations/${file}`;
      const { out } = await run('check', target, '--format', 'json');
      const findings = (JSON.parse(out) as { findings: Finding[] }).findings;
      for (const failOn of ['error', 'warning'] as const) {
        const expected = findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])
          ? 1
          : 0;
        expect((await run('check', target, '--fail-on', failOn)).code, `${file} ${failOn}`).toBe(
          expected,
        );
      }
    }
  });

  it('exits 0 and says so when a consistent evaluation has no findings', async () => {
    const clean = 'fixtures/evaluations/clean-hunan-department.json';
    const { code, out } = await run('check', clean, '--fail-on', 'warning');
    expect(out).toBe('检查结果：未发现问题。\n');
    expect(code).toBe(0);
  });

  it('groups the findings by severity with Chinese labels', async () => {
    const { out } = await run('check', fixture);
    expect(out).toMatch(/^检查结果：错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/);
    expect(out).toContain('【错误】');
    expect(out).toContain('[合计]');
    expect(out.indexOf('【错误】')).toBeLessThan(
      Math.max(out.indexOf('【警告】'), out.indexOf('【提示】')),
    );
  });
});

describe('bad input', () => {
  it('reports malformed JSON with line and column and exits 2, without a stack trace', async () => {
    const file = scratchFile(
      'broken.json',
      '{\n  "kind": "department",\n  "meta": { "year": 2024 }\n  "rulebookId": "x"\n}\n',
    );
    for (const command of ['score', 'check']) {
      const { code, out, err } = await run(command, file);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('第 4 行第 3 列');
      expect(err).not.toMatch(/\bat .*\(/);
    }
  });

  it('lists every schema violation with its path and exits 2', async () => {
    const file = scratchFile(
      'invalid.json',
      JSON.stringify({
        kind: 'department',
        rulebookId: 'hunan-department',
        meta: { year: 1900 },
        indicators: [{ name: '产出指标', weight: '五十' }],
      }),
    );
    const { code, err } = await run('score', file);
    expect(code).toBe(2);
    expect(err).toContain('共 3 个问题');
    expect(err).toContain('meta.unitName：缺少必填项');
    expect(err).toContain('meta.year：数值过小：应不小于 1990，实际为 1900');
    expect(err).toContain('indicators[0].weight：类型错误：应为数字');
  });

  it('reports a missing file and exits 2', async () => {
    const { code, err } = await run('check', 'no/such/evaluation.json');
    expect(code).toBe(2);
    expect(err).toContain('找不到文件：no/such/evaluation.json');
  });
});

describe('jixiao rulebooks', () => {
  it('lists the built-in rulebooks as JSON', async () => {
    const { code, out } = await run('rulebooks', '--format', 'json');
    expect(code).toBe(0);
    const books = JSON.parse(out) as Record<string, unknown>[];
    expect(books.map((b) => b.id)).toEqual(
      expect.arrayContaining(['hunan-department', 'guangdong-department', 'hubei-project']),
    );
    for (const book of books) {
      expect(book).toMatchObject({
        id: expect.any(String) as unknown,
        name: expect.any(String) as unknown,
        kind: expect.stringMatching(/^(department|project)$/) as unknown,
        jurisdiction: expect.any(String) as unknown,
        confirmed: expect.any(Boolean) as unknown,
      });
    }
  });

  it('lists them as text with kind and confirmation in Chinese', async () => {
    const { code, out } = await run('rulebooks');
    expect(code).toBe(0);
    expect(out).toContain('hunan-department');
    expect(out).toContain('部门整体');
    expect(out).toContain('未确认');
  });
});

describe('the installed command', () => {
  it('runs through bin/jixiao.js and sets the exit code', async () => {
    const bin = path.join(root, 'apps/cli/bin/jixiao.js');
    const ok = await promisify(execFile)(process.execPath, [bin, 'rulebooks', '--format', 'json'], {
      cwd: root,
    });
    expect((JSON.parse(ok.stdout) as unknown[]).length).toBeGreaterThan(0);
    const failed = await promisify(execFile)(process.execPath, [bin, 'score', 'missing.json'], {
      cwd: root,
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('找不到文件：missing.json');
  }, 90_000);
});
