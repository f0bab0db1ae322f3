import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textIdentity } from '@jixiao/domain';
import { memoryIo } from '../cli-io.ts';
import { runCli } from '../main.ts';

const root = path.resolve(import.meta.dirname, '../../../../');
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-audit-decisions-'));
copyFileSync(
  path.join(root, '..', 'shared', 'corpus', '000_1b4dc649ed6af86d.txt'),
  path.join(scratch, '000.txt'),
);

async function run(...argv: string[]) {
  const io = memoryIo(scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

interface Audited {
  files: {
    summary: { department: string | null };
    findings: { code: string; stated: string | null; excerpt: string | null; message: string }[];
  }[];
}

describe('jixiao audit --decisions', () => {
  it('leaves out what the bureau dismissed for the unit, and nothing else', async () => {
    const first = await run('audit', '000.txt', '--format', 'json', '--workers', '0');
    const audit = JSON.parse(first.out) as Audited;
    const file = audit.files[0];
    if (file === undefined) throw new Error('no file audited');
    const share = file.findings.find((f) => f.code === 'RATIO_SHARE' && f.stated === '12%');
    if (share === undefined) throw new Error('the corpus finding on 12% is missing');
    const rate = file.findings.find((f) => f !== share);
    const decision = (f: typeof share, state: string) => ({
      unit: file.summary.department ?? '000',
      code: f.code,
      fingerprint: textIdentity(f).fingerprint,
      state,
      reason: '按调整后口径计算',
    });
    writeFileSync(
      path.join(scratch, 'decisions.json'),
      JSON.stringify({
        format: 'jixiao-decisions',
        version: 1,
        decisions: [
          decision(share, 'dismissed'),
          // A confirmed finding stays; a dismissal for another unit changes nothing here.
          ...(rate ? [decision(rate, 'confirmed')] : []),
          { ...decision(share, 'dismissed'), unit: '别的单位', fingerprint: 'x' },
        ],
      }),
    );
    const second = await run(
      'audit',
      '000.txt',
      '--format',
      'json',
      '--workers',
      '0',
      '--decisions',
      'decisions.json',
    );
    const kept = (JSON.parse(second.out) as Audited).files[0]?.findings ?? [];
    expect(kept.length).toBe(file.findings.length - 1);
    expect(kept.some((f) => f.code === 'RATIO_SHARE' && f.stated === '12%')).toBe(false);
    expect(second.err).toContain('按认定记录略去 1 条已认定为“不是问题”的发现');
  });

  it('refuses a file that is not a decisions file, in Chinese, with exit code 2', async () => {
    writeFileSync(path.join(scratch, 'bad.json'), JSON.stringify({ decisions: [] }));
    const bad = await run('audit', '000.txt', '--decisions', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不是 jixiao 导出的认定记录文件');
    const missing = await run('audit', '000.txt', '--decisions', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
  });
});
