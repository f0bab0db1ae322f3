import { scoreEvaluation } from '@jixiao/domain';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK } from '../command.ts';
import { evaluationCommandInput } from '../input/load-input.ts';
import { formatScoreSheet } from '../output/format-score-sheet.ts';

const USAGE = `用法：jixiao score <自评文件.json> [--format text|json] [--rulebook 规则编号]

按评价规则计算自评得分，输出评分表（分值、填报得分、计算得分、扣分、总分、等级）。

选项：
  --format text|json   输出格式，默认 text；json 输出 { "scoreSheet": … }
  --rulebook ID        改用指定的评价规则（默认为文件中的 rulebookId）
  -h, --help           显示本说明

退出码：0 成功；2 参数或文件有误。`;

export const scoreCommand: Command = {
  name: 'score',
  summary: '计算自评得分，输出评分表',
  async run(args: string[], io: CliIo): Promise<number> {
    const loaded = await evaluationCommandInput(args, io, USAGE);
    if (typeof loaded === 'number') return loaded;
    const scoreSheet = scoreEvaluation(loaded.evaluation, loaded.rulebook);
    if (loaded.values.format === 'json') {
      io.stdout(`${JSON.stringify({ scoreSheet }, null, 2)}\n`);
    } else {
      io.stdout(formatScoreSheet(scoreSheet, loaded.evaluation, loaded.rulebook));
    }
    return EXIT_OK;
  },
};
