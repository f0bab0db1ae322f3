import type { Evaluation, Rulebook } from '@jixiao/domain';
import { builtinRulebookIds, findRulebook } from '@jixiao/services/rulebooks';
import type { CliIo } from '../cli-io.ts';
import { EXIT_USAGE, parseCommandArgs } from '../command.ts';
import type { OptionSpec, ParsedArgs } from '../command.ts';
import { printProblems, readEvaluationFile } from './read-evaluation.ts';

const KIND_ZH = { department: '部门整体支出', project: '项目支出' } as const;

/**
 * Reads an evaluation file and finds the rulebook it is scored by (`override` first, else the
 * evaluation's rulebookId) and which must be of the same kind. Prints the problems and returns
 * EXIT_USAGE when any of this fails.
 */
export async function loadEvaluationAndRulebook(
  io: CliIo,
  file: string,
  override: string | undefined,
): Promise<{ evaluation: Evaluation; rulebook: Rulebook } | number> {
  const read = await readEvaluationFile(io, file);
  if (!read.ok) {
    printProblems(io, file, read.problems);
    return EXIT_USAGE;
  }
  const rulebookId = override ?? read.evaluation.rulebookId;
  const rulebook = resolveRulebook(io, rulebookId);
  if (typeof rulebook === 'number') return rulebook;
  if (rulebook.kind !== read.evaluation.kind) {
    io.stderr(
      `评价规则「${rulebook.id}」用于${KIND_ZH[rulebook.kind]}绩效自评，而 ${file} 是${KIND_ZH[read.evaluation.kind]}绩效自评。\n`,
    );
    return EXIT_USAGE;
  }
  return { evaluation: read.evaluation, rulebook };
}

/** The built-in rulebook with this id; otherwise prints the ids that exist and returns 2. */
export function resolveRulebook(io: CliIo, id: string): Rulebook | number {
  const rulebook = findRulebook(id);
  if (rulebook) return rulebook;
  io.stderr(
    `找不到评价规则「${id}」。可用的评价规则：${builtinRulebookIds().join('、')}\n（运行 jixiao rulebooks 查看详情）\n`,
  );
  return EXIT_USAGE;
}

/**
 * The arguments every command on one evaluation file takes (`FILE.json [--format text|json]
 * [--rulebook ID]`, plus `extraOptions`), parsed, with the evaluation and its rulebook loaded.
 * Returns an exit code when parsing or loading ended the command (help, usage or input errors).
 */
export async function evaluationCommandInput(
  args: string[],
  io: CliIo,
  usage: string,
  extraOptions: Record<string, OptionSpec> = {},
): Promise<{ values: ParsedArgs['values']; evaluation: Evaluation; rulebook: Rulebook } | number> {
  const parsed = parseCommandArgs(
    args,
    {
      usage,
      options: {
        format: { type: 'string', choices: ['text', 'json'], default: 'text' },
        rulebook: { type: 'string' },
        ...extraOptions,
      },
      positionals: { min: 1, max: 1 },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const override = parsed.values.rulebook;
  const loaded = await loadEvaluationAndRulebook(
    io,
    parsed.positionals[0] ?? '',
    typeof override === 'string' ? override : undefined,
  );
  return typeof loaded === 'number' ? loaded : { values: parsed.values, ...loaded };
}
