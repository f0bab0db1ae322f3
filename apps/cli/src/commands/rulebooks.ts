import type { Rulebook } from '@jixiao/domain';
import { builtinRulebooks } from '@jixiao/services/rulebooks';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, parseCommandArgs } from '../command.ts';
import { fitLeft } from '../output/text-width.ts';

const USAGE = `用法：jixiao rulebooks [--format text|json]

列出内置的评价规则（评价指标体系）。

选项：
  --format text|json   输出格式，默认 text；json 输出数组，每项含 id、name、kind、jurisdiction、confirmed 等
  -h, --help           显示本说明`;

const KIND_ZH = { department: '部门整体', project: '项目支出' } as const;

/** The public summary of a rulebook (no indicator tree). */
function summarize(book: Rulebook) {
  return {
    id: book.id,
    name: book.name,
    kind: book.kind,
    jurisdiction: book.jurisdiction,
    confirmed: book.confirmed,
    version: book.version,
    description: book.description ?? null,
    sources: book.sources,
    weights: book.tree.map((node) => ({
      id: node.id,
      name: node.name,
      weight: node.weight ?? null,
    })),
  };
}

export const rulebooksCommand: Command = {
  name: 'rulebooks',
  summary: '列出内置的评价规则',
  run: (args, io) => Promise.resolve(listRulebooks(args, io)),
};

function listRulebooks(args: string[], io: CliIo): number {
  {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: { format: { type: 'string', choices: ['text', 'json'], default: 'text' } },
        positionals: { min: 0, max: 0 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const books = builtinRulebooks();
    if (parsed.values.format === 'json') {
      io.stdout(`${JSON.stringify(books.map(summarize), null, 2)}\n`);
      return EXIT_OK;
    }
    const idWidth = Math.max(...books.map((b) => b.id.length), 2) + 2;
    const lines = [`内置评价规则（共 ${books.length} 套）：`, ''];
    for (const book of books) {
      const status = book.confirmed ? '已确认' : '未确认（据报告复原）';
      lines.push(`${fitLeft(book.id, idWidth)}${book.name}`);
      lines.push(
        `${' '.repeat(idWidth)}${KIND_ZH[book.kind]} · ${book.jurisdiction} · 版本 ${book.version} · ${status}`,
      );
      const top = book.tree.map((n) => (n.weight === undefined ? n.name : `${n.name} ${n.weight}`));
      lines.push(`${' '.repeat(idWidth)}一级指标：${top.join(' · ')}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }
}
