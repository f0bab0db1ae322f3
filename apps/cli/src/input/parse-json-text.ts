/** A problem found while reading an input file, with its location, in Chinese. */
export interface InputProblem {
  /** JSON path ("meta.year", "indicators[0].children[1].weight") or "" for the whole file. */
  path: string;
  message: string;
}

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/**
 * Parses JSON text and, when it is malformed, reports the line and column (1-based) of the
 * error: V8 gives only a character position, which means nothing to a person editing the file.
 */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const offset = position === undefined ? body.length : Number(position);
    const { line, column } = lineColumn(body, offset);
    return { ok: false, line, column, message: jsonErrorZh(message, body, offset) };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function jsonErrorZh(message: string, text: string, offset: number): string {
  if (text.trim() === '') return '文件为空，不是 JSON';
  if (offset >= text.length || /end of JSON input/i.test(message)) {
    return 'JSON 意外结束（缺少右括号、右引号或值）';
  }
  const found = text[offset] ?? '';
  const shown = found === '\n' ? '换行' : `「${found}」`;
  if (/property name/i.test(message)) return `此处应为带双引号的字段名，实际为${shown}`;
  if (/after property name/i.test(message)) return `字段名后应为冒号，实际为${shown}`;
  if (/after property value|after array element/i.test(message)) {
    return `此处应为逗号或右括号，实际为${shown}`;
  }
  if (/Bad control character/i.test(message)) return '字符串中含有未转义的控制字符（如换行）';
  return `JSON 语法错误：此处不应出现${shown}`;
}
