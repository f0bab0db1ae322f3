import { DecisionsFile } from '@jixiao/domain';
import type { CliIo } from '../cli-io.ts';
import { readArgumentFile } from '../cli-io.ts';
import type { InputProblem } from './parse-json-text.ts';
import { parseJsonText } from './parse-json-text.ts';
import { fileErrorZh } from './read-evaluation.ts';
import { zodErrorMapZh, zodProblems } from './zod-issues-zh.ts';

/**
 * Reads a decisions file exported by the platform (认定记录): a missing file, malformed JSON and
 * schema violations come back as Chinese problems.
 */
export async function readDecisionsFile(
  io: CliIo,
  file: string,
): Promise<{ ok: true; decisions: DecisionsFile } | { ok: false; problems: InputProblem[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readArgumentFile(io, file));
  } catch (error) {
    const message =
      error instanceof TypeError ? `文件 ${file} 不是 UTF-8 编码的文本` : fileErrorZh(file, error);
    return { ok: false, problems: [{ path: '', message }] };
  }
  const json = parseJsonText(text);
  if (!json.ok)
    return {
      ok: false,
      problems: [{ path: '', message: `第 ${json.line} 行第 ${json.column} 列：${json.message}` }],
    };
  const parsed = DecisionsFile.safeParse(json.value, { error: zodErrorMapZh });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  return { ok: true, decisions: parsed.data };
}
