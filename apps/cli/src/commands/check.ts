import { checkEvaluation, SEVERITY_RANK } from '@jixiao/domain';
import type { Severity } from '@jixiao/domain';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_FINDINGS, EXIT_OK } from '../command.ts';
import { evaluationCommandInput } from '../input/load-input.ts';
import { formatFindings } from '../output/format-findings.ts';

const USAGE = `用法：jixiao check <自评文件.json> [--format text|json] [--fail-on error|warning] [--rulebook 规则编号]

检查自评材料的一致性（合计、比例、执行率得分、权重、扣分、总分、等级、单位、年份等），按严重程度列出问题。

选项：
  --format text|json       输出格式，默认 text；json 输出 { "findings": [...] }
  --fail-on error|warning  出现该级别（或更严重）的问题时以退出码 1 结束，默认 error
  --rulebook ID            改用指定的评价规则（默认为文件中的 rulebookId）
  -h, --help               显示本说明

退出码：0 未达到 --fail-on 级别；1 达到；2 参数或文件有误。`;

export const checkCommand: Command = {
  name: 'check',
  summary: '检查自评材料的一致性问题',
  async run(args: string[], io: CliIo): Promise<number> {
    const loaded = await evaluationCommandInput(args, io, USAGE, {
      'fail-on': { type: 'string', choices: ['error', 'warning'], default: 'error' },
    });
    if (typeof loaded === 'number') return loaded;
    const findings = checkEvaluation(loaded.evaluation, loaded.rulebook);
    if (loaded.values.format === 'json') {
      io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
    } else {
      io.stdout(formatFindings(findings));
    }
    const failOn: Severity = loaded.values['fail-on'] === 'warning' ? 'warning' : 'error';
    const failed = findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
