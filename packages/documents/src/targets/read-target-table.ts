import ExcelJS from 'exceljs';
import { parseAmount, parseExpression, sumPoints } from '@jixiao/domain';
import type { Amount, IndicatorNode, MoneyUnit } from '@jixiao/domain';
import { readDocument } from '../read/read-document.ts';
import { assertZipWithin, ZIP_LIMITS, ZipError } from '../read/zip.ts';
import { workbookRefusal } from '../xlsx/read-tables.ts';
import type { ReadResult } from '../read/block.ts';

/** A table row on its full grid: a cell covered by a merge to its left has span 0. */
export interface GridRow {
  cells: string[];
  spans?: number[] | undefined;
}

/** What a 绩效目标表 gave: the form as JSON for the domain schema, and what could not be read. */
export type TargetTableRead =
  { ok: true; form: Record<string, unknown>; problems: string[] } | { ok: false; message: string };

const norm = (s: string): string => s.replace(/[\s\u3000]+/g, '');

const LABELS: readonly { key: string; test: RegExp }[] = [
  { key: 'unitName', test: /^(部门[（(]单位[)）]名称|单位名称|部门名称|预算单位|填报单位)$/ },
  { key: 'projectName', test: /^项目名称$/ },
  { key: 'implementer', test: /^实施单位$/ },
  { key: 'supervisor', test: /^主管部门$/ },
  { key: 'total', test: /^(年度资金总额|资金总额|年度预算资金总额|预算资金总额)/ },
  { key: 'fiscal', test: /财政拨款/ },
  { key: 'other', test: /^其他资金$/ },
  { key: 'overallGoal', test: /^(年度总体目标|总体目标|年度绩效目标)$/ },
];

function findColumn(cells: readonly string[], test: RegExp): number {
  return cells.findIndex((c) => test.test(norm(c)));
}

/** The first cell after `from` with text of its own (an .xlsx merge repeats its label). */
function valueAfter(row: GridRow, from: number): string | undefined {
  const label = norm(row.cells[from] ?? '');
  for (let i = from + 1; i < row.cells.length; i++) {
    const text = (row.cells[i] ?? '').trim();
    if (text === '' || norm(text) === label) continue;
    if (LABELS.some((l) => l.test.test(norm(text)))) return undefined;
    return text;
  }
  return undefined;
}

interface Group {
  node: IndicatorNode;
  seconds: Map<string, IndicatorNode>;
}

/** The weights of a group: its children's, added up, when every child states one. */
function withWeights(node: IndicatorNode): IndicatorNode {
  const children = node.children;
  if (children === undefined || children.length === 0) return node;
  const done = children.map(withWeights);
  const weights = done.map((c) => c.weight);
  const out: IndicatorNode = { ...node, children: done };
  if (node.weight === undefined && weights.every((w) => w !== undefined))
    out.weight = sumPoints(weights.filter((w): w is number => w !== undefined));
  return out;
}

/**
 * Reads a 绩效目标表 from its rows, in any of the common layouts: label cells (部门（单位）名称,
 * 项目名称, 年度资金总额, 财政拨款, 其他资金, 年度总体目标) with their values beside them, and the
 * indicator block found by its header (一级指标 | 二级指标 | 三级指标 | 年度指标值 or 指标性质 +
 * 指标值 | 度量单位 | 分值), group cells merged down or repeated.
 */
export function targetFormFromRows(rows: readonly GridRow[], title = ''): TargetTableRead {
  const problems: string[] = [];
  const values = new Map<string, string>();
  let unit: MoneyUnit = /单位[：:]\s*元/.test(title) ? '元' : '万元';
  let header = -1;
  for (const [r, row] of rows.entries()) {
    const joined = row.cells.map(norm).join('|');
    if (/单位[：:]元(\||$)/.test(joined)) unit = '元';
    if (/(^|\|)一级指标(\||$)/.test(joined) && /(二|三)级指标/.test(joined)) {
      header = r;
      break;
    }
    row.cells.forEach((c, i) => {
      const label = LABELS.find((l) => l.test.test(norm(c)));
      if (label === undefined || values.has(label.key)) return;
      const value =
        valueAfter(row, i) ??
        (label.key === 'overallGoal' ? rows[r + 1]?.cells.find((x) => x.trim() !== '') : undefined);
      if (value !== undefined) values.set(label.key, value);
    });
  }
  const head = rows[header];
  if (head === undefined)
    return {
      ok: false,
      message: '未找到绩效指标表头（一级指标、二级指标、三级指标），不是绩效目标表',
    };
  const col = {
    first: findColumn(head.cells, /^一级指标$/),
    second: findColumn(head.cells, /^二级指标$/),
    third: findColumn(head.cells, /^三级指标$/),
    nature: findColumn(head.cells, /^指标性质$/),
    target: findColumn(head.cells, /^(年度指标值|指标值|目标值|年度目标值)/),
    unit: findColumn(head.cells, /^(度量单位|计量单位)$/),
    weight: findColumn(head.cells, /^(分值|权重|指标分值)/),
  };
  const amount = (key: string, label: string): Amount | undefined => {
    const text = values.get(key);
    if (text === undefined) return undefined;
    const parsed = parseAmount(text, unit);
    if (parsed === undefined) {
      problems.push(`${label}“${text}”不是金额，未读取`);
      return undefined;
    }
    return { fen: parsed.fen, unit: parsed.unit, text };
  };

  const groups: Group[] = [];
  let first: Group | undefined;
  let second = '';
  for (const row of rows.slice(header + 1)) {
    const at = (i: number): string => (i < 0 ? '' : (row.cells[i] ?? '').trim());
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (/填表人|联系电话|单位负责人|备注/.test(row.cells.map(norm).join(''))) break;
    const l1 = at(col.first);
    const l2 = at(col.second);
    const l3 = col.third >= 0 ? at(col.third) : '';
    const targetText = [at(col.nature), at(col.target), col.nature >= 0 ? at(col.unit) : '']
      .join('')
      .trim();
    const weightText = at(col.weight);
    const weight = weightText === '' ? undefined : Number(weightText);
    if (weight !== undefined && !Number.isFinite(weight))
      problems.push(`“${l3 || l2 || l1}”的分值“${weightText}”不是数字，未读取`);
    const leaf = (name: string): IndicatorNode => {
      const node: IndicatorNode = { name };
      if (targetText !== '') node.target = { ...parseExpression(targetText), text: targetText };
      if (col.unit >= 0 && col.nature < 0 && at(col.unit) !== '') node.unit = at(col.unit);
      if (weight !== undefined && Number.isFinite(weight)) node.weight = weight;
      return node;
    };
    // A first-level indicator scored itself: merged across the group columns (or repeated).
    const coveredRight = row.spans !== undefined && row.spans[col.second] === 0;
    if (l1 !== '' && (coveredRight || (l1 === l2 && (l3 === '' || l3 === l1)))) {
      groups.push({ node: leaf(l1), seconds: new Map() });
      first = undefined;
      continue;
    }
    if (l1 !== '' && l1 !== first?.node.name) {
      first = { node: { name: l1, children: [] }, seconds: new Map() };
      groups.push(first);
      second = '';
    }
    if (first === undefined) {
      problems.push(`第${groups.length + 1}组指标缺少一级指标名称，已跳过“${l3 || l2}”`);
      continue;
    }
    if (l2 !== '') second = l2;
    if (second === '') continue;
    const name = l3 !== '' && l3 !== second ? l3 : '';
    if (name === '') {
      // A second-level indicator with no third level under it.
      const node = leaf(second);
      first.seconds.set(second, node);
      continue;
    }
    let group = first.seconds.get(second);
    if (group === undefined) {
      group = { name: second, children: [] };
      first.seconds.set(second, group);
    }
    group.children = [...(group.children ?? []), leaf(name)];
  }
  const indicators = groups.map((g) =>
    withWeights(g.seconds.size === 0 ? g.node : { ...g.node, children: [...g.seconds.values()] }),
  );
  if (indicators.length === 0) problems.push('绩效指标表头下没有读到指标');
  const projectName = values.get('projectName');
  const year = /(\d{4})\s*年/.exec(title)?.[1];
  const budget: Record<string, Amount> = {};
  for (const [key, label] of [
    ['total', '年度资金总额'],
    ['fiscal', '财政拨款'],
    ['other', '其他资金'],
  ] as const) {
    const a = amount(key, label);
    if (a !== undefined) budget[key] = a;
  }
  const form: Record<string, unknown> = {
    kind: projectName !== undefined || /项目/.test(title) ? 'project' : 'department',
    overallGoal: values.get('overallGoal') ?? '',
    budget,
    indicators,
    amountUnit: unit,
  };
  const unitName = values.get('unitName') ?? values.get('implementer');
  if (unitName !== undefined) form['unitName'] = unitName;
  if (projectName !== undefined) form['projectName'] = projectName;
  const supervisor = values.get('supervisor');
  if (supervisor !== undefined) form['supervisor'] = supervisor;
  if (year !== undefined) form['year'] = Number(year);
  return { ok: true, form, problems };
}

/** An .xlsx sheet as grid rows: a merge's master keeps its text, the cells it covers are empty. */
async function xlsxRows(bytes: Uint8Array): Promise<{ rows: GridRow[]; title: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets.map((ws) => {
    const rows: GridRow[] = [];
    const titles: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const cells: string[] = [];
      const spans: number[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        const master = cell.isMerged ? cell.master : cell;
        const own = master.address === cell.address;
        cells.push(own ? cell.text.trim() : '');
        spans.push(!own && Number(master.row) === r ? 0 : 1);
      }
      rows.push({ cells, spans });
      const text = cells.filter((t) => t !== '');
      if (text.length === 1 && /绩效目标/.test(text[0] ?? '')) titles.push(text[0] ?? '');
      if (text.length === 1 && /单位[：:]/.test(text[0] ?? '')) titles.push(text[0] ?? '');
    }
    return { rows, title: titles.join(' ') };
  });
}

/**
 * Reads a 绩效目标表 file: .xlsx with exceljs, .docx/.html/.txt with the report readers (their
 * tables, on the full grid); `readOther` reads the rest (PDF, scans, .doc: the caller's readers,
 * which run other programs). A file without such a table is a Chinese refusal, never a throw.
 */
export async function readTargetTable(
  bytes: Uint8Array,
  fileName: string,
  readOther: (
    bytes: Uint8Array,
    fileName: string,
  ) => ReadResult | Promise<ReadResult> = readDocument,
): Promise<TargetTableRead> {
  if (/\.xlsx$/i.test(fileName)) {
    let sheets: { rows: GridRow[]; title: string }[];
    try {
      assertZipWithin(bytes, ZIP_LIMITS.workbookInflated);
      sheets = await xlsxRows(bytes);
    } catch (error) {
      if (error instanceof ZipError && error.problem === 'zip-bomb')
        return { ok: false, message: workbookRefusal(error) };
      return { ok: false, message: '无法读取该 Excel 文件，请确认是 .xlsx 格式且未损坏' };
    }
    let last: TargetTableRead = { ok: false, message: '工作簿中没有绩效目标表' };
    for (const sheet of sheets) {
      last = targetFormFromRows(sheet.rows, sheet.title);
      if (last.ok) return last;
    }
    return last;
  }
  const read = await readOther(bytes, fileName);
  if (!read.ok) return { ok: false, message: read.error.message };
  const rows: GridRow[] = [];
  const titles: string[] = [];
  for (const block of read.document.blocks) {
    if (block.kind === 'table') rows.push(...(block.rows ?? []));
    else if (/绩效目标|单位[：:]/.test(block.text)) titles.push(block.text);
  }
  const form = targetFormFromRows(rows, titles.join(' '));
  // A scan whose recognition lost the table says so: the file may well be a 绩效目标表.
  const recognised = read.document.blocks.some(
    (b) => b.confidence !== undefined || (b.rows ?? []).some((r) => r.cellConfidence),
  );
  if (!form.ok && recognised)
    return {
      ok: false,
      message:
        '扫描件经文字识别后未能辨认出绩效指标表（一级指标、二级指标、三级指标）；请上传 Excel 或 Word 原件，或更清晰（300 dpi 以上、端正）的扫描件',
    };
  return form;
}
