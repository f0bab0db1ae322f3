import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkEvaluation, formatPoints, scoreEvaluation } from '@jixiao/domain';
import type { Severity } from '@jixiao/domain';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';
import { resolveRulebook } from '../input/load-input.ts';
import { printProblems, readEvaluationFile } from '../input/read-evaluation.ts';
import { formatFindings } from '../output/format-findings.ts';
import { formatScoreSheet } from '../output/format-score-sheet.ts';
import { formatTable } from '../output/text-width.ts';
import { repoRoot } from '../repo-root.ts';

const USAGE = `用法：jixiao start

对 fixtures/evaluations 下的每份示例自评材料计算评分并检查，输出评分表和问题清单。

选项：
  -h, --help   显示本说明`;

const FIXTURES = path.join('fixtures', 'evaluations');
const SUMMARY_HEADER = ['文件', '单位', '总分(计算)', '总分(填报)', '等级', '错误/警告/提示'];

export const startCommand: Command = {
  name: 'start',
  summary: '运行平台（当前：为全部示例自评材料评分并检查）',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      { usage: USAGE, options: {}, positionals: { min: 0, max: 0 } },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const root = repoRoot();
    const dir = path.join(root, FIXTURES);
    let files: string[];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    } catch {
      files = [];
    }
    if (files.length === 0) {
      io.stdout(`${FIXTURES} 下没有示例自评材料。\n`);
      return EXIT_OK;
    }
    io.stdout(`jixiao 预算绩效自评：${FIXTURES} 下共 ${files.length} 份示例自评材料\n`);
    let exitCode = EXIT_OK;
    const summary: string[][] = [];
    for (const file of files) {
      const shown = path.join(FIXTURES, file);
      io.stdout(`\n${'═'.repeat(72)}\n${shown}\n${'═'.repeat(72)}\n`);
      const read = await readEvaluationFile(io, path.join(dir, file));
      if (!read.ok) {
        printProblems(io, shown, read.problems);
        exitCode = EXIT_USAGE;
        continue;
      }
      const rulebook = resolveRulebook(io, read.evaluation.rulebookId);
      if (typeof rulebook === 'number') {
        exitCode = rulebook;
        continue;
      }
      const sheet = scoreEvaluation(read.evaluation, rulebook);
      const findings = checkEvaluation(read.evaluation, rulebook, sheet);
      io.stdout(formatScoreSheet(sheet, read.evaluation, rulebook));
      io.stdout('\n');
      io.stdout(formatFindings(findings));
      const count = (severity: Severity): number =>
        findings.filter((f) => f.severity === severity).length;
      summary.push([
        file,
        read.evaluation.meta.unitName,
        formatPoints(sheet.total),
        sheet.statedTotal === undefined ? '—' : formatPoints(sheet.statedTotal),
        sheet.grade ?? '—',
        `${count('error')}/${count('warning')}/${count('info')}`,
      ]);
    }
    io.stdout(`\n${'═'.repeat(72)}\n汇总\n${formatTable(SUMMARY_HEADER, summary)}`);
    return exitCode;
  },
};
