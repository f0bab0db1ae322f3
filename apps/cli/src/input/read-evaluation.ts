import { Evaluation } from '@jixiao/domain';
import type { CliIo } from '../cli-io.ts';
import { MAX_JSON_INPUT_BYTES, readArgumentFile } from '../cli-io.ts';
import type { InputProblem } from './parse-json-text.ts';
import { parseJsonText } from './parse-json-text.ts';
import { zodErrorMapZh, zodProblems } from './zod-issues-zh.ts';

export type ReadEvaluationResult =
  { ok: true; evaluation: Evaluation } | { ok: false; problems: InputProblem[] };

/**
 * Reads an evaluation JSON file: a missing file, malformed JSON (with line and column) and every
 * schema violation (with its path) come back as Chinese problems, never as exceptions.
 */
export async function readEvaluationFile(io: CliIo, file: string): Promise<ReadEvaluationResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readArgumentFile(io, file);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: fileErrorZh(file, error) }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ path: '', message: `文件 ${file} 不是 UTF-8 编码的文本` }] };
  }
  return parseEvaluationText(text);
}

/** Parses evaluation JSON text; see readEvaluationFile. */
export function parseEvaluationText(text: string): ReadEvaluationResult {
  const json = parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      problems: [{ path: '', message: `第 ${json.line} 行第 ${json.column} 列：${json.message}` }],
    };
  }
  const parsed = Evaluation.safeParse(json.value, { error: zodErrorMapZh });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  return { ok: true, evaluation: parsed.data };
}

export function fileErrorZh(file: string, error: unknown): string {
  const code =
    error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return `找不到文件：${file}`;
    case 'EISDIR':
      return `${file} 是目录，不是文件`;
    case 'EACCES':
    case 'EPERM':
      return `没有读取 ${file} 的权限`;
    case 'ENOTREGULAR':
      return `${file} 不是普通文件（设备、管道等不予读取）`;
    case 'ETOOLARGE':
      return `${file} 超过 ${MAX_JSON_INPUT_BYTES / 1024 / 1024} MB，不予读取`;
    default:
      return `无法读取文件 ${file}`;
  }
}

/** Prints the problems of an input file, one per line, and a header naming the file. */
export function printProblems(io: CliIo, file: string, problems: readonly InputProblem[]): void {
  const lines = problems.map((p) => `  - ${p.path === '' ? '' : `${p.path}：`}${p.message}`);
  io.stderr(`无法读取 ${file}（共 ${problems.length} 个问题）：\n${lines.join('\n')}\n`);
}
