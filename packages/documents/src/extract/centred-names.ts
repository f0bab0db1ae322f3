import type { IndicatorNode } from '@jixiao/domain';
import { cellType } from './cell-align.ts';
import { REASON_WORDS } from './self-table-stream.ts';
import type { Token } from './self-table-stream.ts';
import {
  columnOf,
  groupLevelByStart,
  indicatorLevelOf,
  isGroupContinuation,
  isSubtotalRow,
  isTotalRow,
} from './table-vocabulary.ts';

// PDF text of a 自评表 whose cells are centred in their rows: a leaf's name wrapped over lines
// comes out around its row's figures, its start on the line(s) above them and its end on the
// line(s) below ("参加培训的" / "农民人数 ≥500人 620人 20 20"; "培训结业" / "考核合格 ≥90% …" /
// "率"). The usual wrap puts the rest of a name below its row only; what tells the two apart is
// the table itself: a piece of a name between the header and the first row of figures can only be
// the start of that row's name, which only a table centring its cells gives.

interface Line {
  line: number;
  texts: string[];
}

/** The tokens of each line of text, a line being one row of cells. */
function linesOf(tokens: readonly Token[]): Line[] {
  const out: Line[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.line === t.line && !t.rowStart) last.texts.push(t.text.trim());
    else out.push({ line: t.line, texts: [t.text.trim()] });
  }
  return out;
}

const LEVELS = new Set(['level1', 'level2', 'level3']);

/** Whether a line is an indicator header written on one line (一级指标 二级指标 三级指标 … 分值). */
function isIndicatorHeader(l: Line): boolean {
  const keys = l.texts.map((x) => columnOf(x));
  return (
    keys.filter((k) => k !== undefined).length >= 3 &&
    keys.some((k) => k !== undefined && LEVELS.has(k)) &&
    keys.some((k) => k === 'weight' || k === 'score')
  );
}

/** A line holding a row's figures: a name or group cells and at least one number. */
const isFigureRow = (l: Line): boolean =>
  l.texts.length >= 2 && l.texts.some((x) => cellType(x) === 'number');

/**
 * What a line between rows of figures holds: the piece of a leaf's name it holds alone; '' for
 * nothing of a name (only group cells or the rest of them: "指标 益指标", "产出指标"); undefined for
 * something else (a figure, a header word, a reason, two pieces).
 */
function namePiece(l: Line, header: readonly string[]): string | undefined {
  // One cell alone on its line (a grid's row of one name and empty cells is no piece).
  if (l.texts.length !== 1) return undefined;
  const parts = l.texts.flatMap((x) => x.split(/[\s\u3000\u00a0]+/)).filter((x) => x !== '');
  if (parts.some((x) => cellType(x) !== 'text' || /\d/.test(x))) return undefined;
  const pieces = parts.filter(
    (x) =>
      !isGroupContinuation(x) &&
      indicatorLevelOf(x) === undefined &&
      groupLevelByStart(x) === undefined,
  );
  if (pieces.length === 0) return '';
  const piece = pieces[0] ?? '';
  if (
    pieces.length > 1 ||
    piece.length > 12 ||
    /[，,。；;：:、（）()]/.test(piece) ||
    REASON_WORDS.test(piece) ||
    columnOf(piece) !== undefined ||
    // The rest of a header cell wrapped onto the next line ("年初预" + "算数").
    header.some((h) => columnOf(h) === undefined && columnOf(`${h}${piece}`) !== undefined) ||
    isTotalRow(piece) ||
    isSubtotalRow(piece)
  )
    return undefined;
  return piece;
}

/** Every leaf of the tree by the line its figures stand on. */
function leavesByLine(
  nodes: readonly IndicatorNode[],
  out = new Map<number, IndicatorNode>(),
): Map<number, IndicatorNode> {
  for (const n of nodes) {
    const line = n.source?.line;
    if ((n.children ?? []).length > 0) leavesByLine(n.children ?? [], out);
    else if (line !== undefined && !out.has(line)) out.set(line, n);
  }
  return out;
}

/**
 * Puts back together the leaf names of a table of PDF text whose cells are centred in their rows
 * (see above). The pieces between two rows of figures are parted between the end of the row
 * above and the start of the row below where the row above then ends as a name ends (率, 人数,
 * 面积 …), else as many to the row above as it had above it (a centred cell has as many lines
 * above its middle as below); a name on its row's line of one or two characters ("率", "人数") is
 * never a whole name and takes a piece before it. In a table with no piece of a name above its
 * first row, the pieces below a row are the rest of its name (the usual wrap).
 */
export function joinCentredNames(indicators: readonly IndicatorNode[], plan: NamePlan): void {
  const { rows, centred } = plan;
  const leaves = leavesByLine(indicators);
  const first = rows[0];
  if (!first) return;
  const firstLeaf = leaves.get(first.line);
  if (firstLeaf) firstLeaf.name = `${first.before.join('')}${firstLeaf.name}`;
  let above = first.before.length;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const leaf = row ? leaves.get(row.line) : undefined;
    const next = rows[k + 1];
    const between = next ? next.before : plan.after;
    const nextLeaf = next ? leaves.get(next.line) : undefined;
    if (!row || !leaf) {
      above = 0;
      continue;
    }
    // The usual wrap: the rest of a name on the lines below its row. Below a row ending in a
    // text (a reason, a remark), a line may as well be that text's rest: it is the name's only
    // when the name then ends as a name does and did not before.
    const endsName = (n: number): boolean =>
      !NAME_END.test(leaf.name) && NAME_END.test(`${leaf.name}${between.slice(0, n).join('')}`);
    const tail =
      centred && next && nextLeaf
        ? partAt(leaf.name, between, above, nextLeaf.name)
        : !row.textLast || endsName(between.length)
          ? between.length
          : 0;
    leaf.name = `${leaf.name}${between.slice(0, tail).join('')}`;
    // Only a table centring its cells starts a name above its row.
    const head = centred ? between.slice(tail) : [];
    if (nextLeaf) nextLeaf.name = `${head.join('')}${nextLeaf.name}`;
    above = head.length;
  }
}

/** The rows of figures of a table of PDF text and the pieces of names around them. */
export interface NamePlan {
  rows: { line: number; before: string[]; textLast: boolean }[];
  /** The pieces after the last row. */
  after: string[];
  /** Whether the table centres its cells: a piece of a name stands above its first row. */
  centred: boolean;
  /** The lines holding only a piece of a name, which the rows are read without. */
  pieceLines: ReadonlySet<number>;
}

/**
 * The pieces of leaf names standing alone on lines of a table of PDF text, between its indicator
 * header and its total, with the rows of figures they stand between. Undefined for a table not
 * written one row a line, or with no such piece.
 */
export function planCentredNames(tokens: readonly Token[]): NamePlan | undefined {
  const lines = linesOf(tokens);
  const h = lines.findIndex(isIndicatorHeader);
  if (h < 0) return undefined;
  const header = lines[h]?.texts ?? [];
  const rows: NamePlan['rows'] = [];
  const pieceLines = new Set<number>();
  let pending: { text: string; line: number }[] = [];
  const take = (): string[] => {
    for (const p of pending) pieceLines.add(p.line);
    const texts = pending.map((p) => p.text);
    pending = [];
    return texts;
  };
  for (const l of lines.slice(h + 1)) {
    if (isTotalRow(l.texts[0] ?? '') || isIndicatorHeader(l)) break;
    if (isFigureRow(l)) {
      rows.push({ line: l.line, before: take(), textLast: endsInText(l) });
      continue;
    }
    const piece = namePiece(l, header);
    if (piece === undefined) pending = [];
    else if (piece !== '') pending.push({ text: piece, line: l.line });
  }
  const after = rows.length > 0 ? take() : [];
  if (pieceLines.size === 0) return undefined;
  return { rows, after, centred: (rows[0]?.before.length ?? 0) > 0, pieceLines };
}

/** Whether a row of figures ends in a text after them: a reason or a remark. */
function endsInText(l: Line): boolean {
  const parts = l.texts.flatMap((x) => x.split(/[\s\u3000\u00a0]+/)).filter((x) => x !== '');
  const lastNumber = parts.findLastIndex((x) => cellType(x) === 'number');
  return lastNumber >= 0 && lastNumber < parts.length - 1;
}

/** Where the pieces between two rows part: how many end the name above. */
function partAt(name: string, between: readonly string[], above: number, below: string): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let s = 0; s <= between.length; s++) {
    const score =
      (NAME_END.test(`${name}${between.slice(0, s).join('')}`) ? 2 : 0) +
      (s === Math.min(above, between.length) ? 1 : 0) -
      (s === between.length && isPartial(below) ? 4 : 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** How an indicator's name ends: with what it counts or measures. */
const NAME_END = /(?:率|数|量|度|额|比例|比重|水平|面积|时限|时间|情况|长度|里程|人次|次)$/;

/** A name on its row's line too short to be a whole name: the end of one ("率", "人数"). */
const isPartial = (name: string): boolean => name.replace(/[\s\u3000]+/g, '').length <= 2;
