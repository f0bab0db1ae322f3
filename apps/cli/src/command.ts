import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';

/** Exit codes: 0 success, 1 a finding reached --fail-on, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** One entry of the command table in main.ts. */
export interface Command {
  name: string;
  /** One line in Chinese for `jixiao --help`. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed values of a string option; anything else is a usage error. */
  choices?: readonly string[];
  default?: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments with node:util parseArgs. Prints the help for --help (returns
 * EXIT_OK) and a Chinese message for an unknown flag, a missing value or a bad choice (returns
 * EXIT_USAGE); otherwise returns the parsed values.
 */
export function parseCommandArgs(
  args: string[],
  spec: {
    usage: string;
    options: Record<string, OptionSpec>;
    positionals: { min: number; max: number };
  },
  io: CliIo,
): ParsedArgs | number {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] =
      option.short === undefined
        ? { type: option.type }
        : { type: option.type, short: option.short };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${usageErrorZh(error)}\n\n${spec.usage}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help === true) {
    io.stdout(`${spec.usage}\n`);
    return EXIT_OK;
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const value = parsed.values[name];
    const given = typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
    const chosen = given ?? option.default;
    if (option.choices && typeof chosen === 'string' && !option.choices.includes(chosen)) {
      io.stderr(
        `选项 --${name} 的取值「${chosen}」无效，可选：${option.choices.join('、')}\n\n${spec.usage}\n`,
      );
      return EXIT_USAGE;
    }
    values[name] = chosen;
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.min) {
    io.stderr(`缺少参数。\n\n${spec.usage}\n`);
    return EXIT_USAGE;
  }
  if (positionals.length > spec.positionals.max) {
    const extra = positionals.slice(spec.positionals.max).join(' ');
    io.stderr(`多余的参数：${extra}\n\n${spec.usage}\n`);
    return EXIT_USAGE;
  }
  return { values, positionals };
}

/** Turns parseArgs' English errors into Chinese, keeping the offending flag. */
function usageErrorZh(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const flag = /'(-{1,2}[^'\s]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项：${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `选项 ${flag} 需要一个取值`
        : `选项 ${flag} 不接受取值`;
    default:
      return `参数有误：${message}`;
  }
}
