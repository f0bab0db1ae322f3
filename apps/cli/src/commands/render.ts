import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoreEvaluation } from '@jixiao/domain';
import type { Evaluation, ScoreSheet } from '@jixiao/domain';
import { renderProjectDocx, renderReportDocx, renderTablesXlsx } from '@jixiao/documents';
import type { ReportOptions } from '@jixiao/documents';
import { findRulebook } from '@jixiao/services/rulebooks';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';
import { loadEvaluationAndRulebook } from '../input/load-input.ts';

const USAGE = `用法：jixiao render <自评文件.json> -o <报告.docx> [--xlsx <附表.xlsx>] [--project 项目名称]

按 GB/T 9704 公文格式生成自评报告（.docx），附件表格另可导出为 Excel（.xlsx）。
报告中的金额、比例、得分和扣分均由数据生成，与附表一致。

选项：
  -o, --output FILE          报告输出路径（.docx），必填
  --xlsx FILE                同时导出附件表格（.xlsx）
  --project NAME             只生成部门自评中名为 NAME 的项目支出绩效自评报告
  --figures computed|stated  得分取规则计算值（默认）或填报值
  --page-numbers odd-even|center  页码单页居右双页居左（默认）或居中
  --bold-headings            各级标题加粗
  --landscape                宽表格附件横向排版
  -h, --help                 显示本说明

退出码：0 成功；2 参数或文件有误。`;

/** Scores a project evaluation with its own rulebook, when the registry has it. */
function projectSheet(p: Evaluation): ScoreSheet | undefined {
  const rulebook = findRulebook(p.rulebookId);
  return rulebook ? scoreEvaluation(p, rulebook) : undefined;
}

async function writeOutput(io: CliIo, file: string, bytes: Uint8Array): Promise<boolean> {
  const target = path.resolve(io.cwd, file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`无法写入文件 ${file}：${reason}\n`);
    return false;
  }
}

export const renderCommand: Command = {
  name: 'render',
  summary: '生成自评报告（.docx）和附件表格（.xlsx）',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: {
          output: { type: 'string', short: 'o' },
          xlsx: { type: 'string' },
          project: { type: 'string' },
          figures: { type: 'string', choices: ['computed', 'stated'], default: 'computed' },
          'page-numbers': { type: 'string', choices: ['odd-even', 'center'], default: 'odd-even' },
          'bold-headings': { type: 'boolean' },
          landscape: { type: 'boolean' },
        },
        positionals: { min: 1, max: 1 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const output = values.output;
    if (typeof output !== 'string' || output === '') {
      io.stderr(`缺少报告输出路径：请用 -o 指定 .docx 文件。\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (!/\.docx$/i.test(output)) {
      io.stderr(`报告输出路径须以 .docx 结尾：${output}\n`);
      return EXIT_USAGE;
    }
    const xlsx = typeof values.xlsx === 'string' ? values.xlsx : undefined;
    if (xlsx !== undefined && !/\.xlsx$/i.test(xlsx)) {
      io.stderr(`附件表格输出路径须以 .xlsx 结尾：${xlsx}\n`);
      return EXIT_USAGE;
    }
    const file = parsed.positionals[0] ?? '';
    const loaded = await loadEvaluationAndRulebook(io, file, undefined);
    if (typeof loaded === 'number') return loaded;
    const { evaluation, rulebook } = loaded;
    const options: ReportOptions = {
      figures: values.figures === 'stated' ? 'stated' : 'computed',
      pageNumberPosition: values['page-numbers'] === 'center' ? 'center' : 'odd-even',
      boldHeadings: values['bold-headings'] === true,
      landscapeWideTables: values.landscape === true,
    };

    let docx: Uint8Array;
    let tables: Uint8Array | undefined;
    const projectName = typeof values.project === 'string' ? values.project : undefined;
    if (projectName !== undefined) {
      const projects =
        evaluation.kind === 'department' ? evaluation.projectEvaluations : [evaluation];
      const project = projects.find((p) => p.projectName === projectName);
      if (!project) {
        const names = projects.map((p) => p.projectName);
        io.stderr(
          `找不到项目「${projectName}」。${names.length > 0 ? `文件中的项目：${names.join('、')}` : '文件中没有项目支出绩效自评。'}\n`,
        );
        return EXIT_USAGE;
      }
      const sheet =
        project === evaluation ? scoreEvaluation(project, rulebook) : projectSheet(project);
      docx = await renderProjectDocx(project, sheet, options);
      if (xlsx) tables = await renderTablesXlsx(project, sheet, options);
    } else {
      const sheet = scoreEvaluation(evaluation, rulebook);
      if (evaluation.kind === 'department') {
        const withProjects: ReportOptions = {
          ...options,
          projectScoreSheets: evaluation.projectEvaluations.map(projectSheet),
        };
        docx = await renderReportDocx(evaluation, sheet, withProjects);
        if (xlsx) tables = await renderTablesXlsx(evaluation, sheet, withProjects);
      } else {
        docx = await renderProjectDocx(evaluation, sheet, options);
        if (xlsx) tables = await renderTablesXlsx(evaluation, sheet, options);
      }
    }
    if (!(await writeOutput(io, output, docx))) return EXIT_USAGE;
    io.stdout(`已生成报告：${output}\n`);
    if (xlsx && tables) {
      if (!(await writeOutput(io, xlsx, tables))) return EXIT_USAGE;
      io.stdout(`已生成附件表格：${xlsx}\n`);
    }
    return EXIT_OK;
  },
};
