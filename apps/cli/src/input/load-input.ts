import type { Evaluation, Rulebook } from '@jixiao/domain';
import { builtinRulebookIds, findRulebook } from '@jixiao/services';
import type { CliIo } from '../cli-io.ts';
import { EXIT_USAGE } from '../command.ts';
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
