import type { z } from 'zod';

// Chinese messages for zod's issues, for every edge that parses input with the domain's schemas
// (the CLI, the server's request validation and bodies): a user never reads zod's English.

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  record: '对象',
  map: '对象',
  set: '集合',
  tuple: '数组',
  symbol: '符号',
  function: '函数',
  array: '数组',
  null: '空值（null）',
  undefined: '未填写',
  date: '日期',
  nan: '非数字（NaN）',
};

function typeNameZh(type: string): string {
  return TYPE_NAMES_ZH[type] ?? type;
}

function receivedTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : 'number';
  return typeof value;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `「${value}」` : (JSON.stringify(value) ?? String(value));
}

/**
 * A zod error map that speaks Chinese. Passed per parse (`safeParse(x, { error: zodErrorMapZh })`)
 * so that messages a schema spells out itself (refinements, regexes) keep precedence.
 */
export function zodErrorMapZh(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `缺少必填项（应为${typeNameZh(issue.expected)}）`;
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return `应为整数，实际为 ${issue.input}`;
      }
      const received = receivedTypeOf(issue.input);
      // null and NaN are said by their type's name alone (JSON would show NaN as null).
      const value = received === 'null' || received === 'nan' ? '' : ` ${shown(issue.input)}`;
      return `类型错误：应为${typeNameZh(issue.expected)}，实际为${typeNameZh(received)}${value}`;
    }
    case 'too_small': {
      const bound = `${issue.inclusive ? '不少于' : '多于'} ${String(issue.minimum)}`;
      if (issue.origin === 'string') {
        return issue.minimum === 1 && issue.inclusive ? '不能为空' : `长度应${bound} 个字符`;
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return `至少应有 ${String(issue.minimum)} 项`;
      return `数值过小：应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}，实际为 ${shown(issue.input)}`;
    }
    case 'too_big': {
      if (issue.origin === 'string') return `长度应不超过 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `至多只能有 ${String(issue.maximum)} 项`;
      return `数值过大：应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}，实际为 ${shown(issue.input)}`;
    }
    case 'invalid_value':
      return `取值无效：${shown(issue.input)}，可选：${issue.values.map((v) => shown(v)).join('、')}`;
    case 'invalid_format':
      return `格式不正确：${shown(issue.input)}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        // The issue's input is the whole object; the user needs the discriminator's own value.
        const input: unknown = issue.input;
        const value: unknown =
          input !== null && typeof input === 'object' && !Array.isArray(input)
            ? (input as Record<string, unknown>)[issue.discriminator]
            : undefined;
        return value === undefined ? '缺少必填项' : `取值无效：${shown(value)}`;
      }
      return `不符合任何一种允许的格式：${shown(issue.input)}`;
    case 'invalid_key':
      return '字段名无效';
    case 'invalid_element':
      return '含有无效的元素';
    case 'custom':
      return '取值无效';
    default:
      return '取值无效';
  }
}

/** "indicators[0].children[1].weight" from a zod path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
