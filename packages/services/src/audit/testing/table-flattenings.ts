import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/** A table cell as a model: its text and how far it spans. */
export interface ModelCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
export type ModelRow = readonly (string | ModelCell)[];

/**
 * How a published 自评表 reaches us: `cells` one cell per line with blank lines between (a web
 * page saved as text), `cells-blank` the same keeping empty cells as a space, `pdf` a row's
 * cells run together with spaces (PDF text), `pdf-tight` run together with nothing between,
 * `tabs` a row per line with its cells between tabs (copied from a page), `spaces` between runs
 * of spaces, `html` a real table with rowspan/colspan, `docx` a Word table with merges.
 */
export type Flattening =
  'cells' | 'cells-blank' | 'pdf' | 'pdf-tight' | 'tabs' | 'spaces' | 'html' | 'docx';

const cell = (c: string | ModelCell): ModelCell => (typeof c === 'string' ? { text: c } : c);

/** A row's own cells as the text renderings keep them (merged-away positions are absent). */
const texts = (row: ModelRow): string[] => row.map((c) => cell(c).text);

/** Renders lines before the table, the table and lines after it as text. */
export function renderText(
  before: readonly string[],
  rows: readonly ModelRow[],
  after: readonly string[],
  how: Exclude<Flattening, 'html' | 'docx'>,
): string {
  const table = rows.map((r) => {
    const t = texts(r);
    switch (how) {
      case 'cells':
        return t.filter((c) => c.trim() !== '').join('\n\n');
      case 'cells-blank':
        return t.map((c) => (c.trim() === '' ? ' ' : c)).join('\n\n');
      case 'pdf':
        return t.filter((c) => c.trim() !== '').join(' ');
      case 'pdf-tight':
        return t.filter((c) => c.trim() !== '').join('');
      case 'tabs':
        return t.join('\t');
      case 'spaces':
        return t.filter((c) => c.trim() !== '').join('   ');
    }
  });
  const gap = how === 'cells' || how === 'cells-blank' ? '\n\n' : '\n';
  return [...before, ...table, ...after].join(gap) + '\n';
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A page with the lines as paragraphs and the table with its spans. */
export function renderHtml(
  before: readonly string[],
  rows: readonly ModelRow[],
  after: readonly string[],
): string {
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c) => {
            const x = cell(c);
            const rs = (x.rowSpan ?? 1) > 1 ? ` rowspan="${x.rowSpan}"` : '';
            const cs = (x.colSpan ?? 1) > 1 ? ` colspan="${x.colSpan}"` : '';
            return `<td${rs}${cs}>${esc(x.text)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const p = (l: string): string => `<p>${esc(l)}</p>`;
  return `<html><head><meta charset="utf-8"></head><body>\n${before.map(p).join('\n')}\n<table border="1">\n${body}\n</table>\n${after.map(p).join('\n')}\n</body></html>\n`;
}

/** A Word document with the lines as paragraphs and the table with its merges. */
export async function renderDocx(
  before: readonly string[],
  rows: readonly ModelRow[],
  after: readonly string[],
): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map((c) => {
            const x = cell(c);
            return new TableCell({
              children: [new Paragraph(x.text)],
              ...((x.rowSpan ?? 1) > 1 ? { rowSpan: x.rowSpan } : {}),
              ...((x.colSpan ?? 1) > 1 ? { columnSpan: x.colSpan } : {}),
            });
          }),
        }),
    ),
  });
  const doc = new Document({
    sections: [
      {
        children: [
          ...before.map((l) => new Paragraph(l)),
          table,
          ...after.map((l) => new Paragraph(l)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Cuts text at `bytes` UTF-8 bytes (at a character boundary), as the stored excerpts are cut. */
export function cutAt(text: string, bytes: number): string {
  const enc = new TextEncoder().encode(text);
  if (enc.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && ((enc[end] ?? 0) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(enc.slice(0, end));
}

/** Exact decimal helpers for writing consistent figures: values in 1/10000. */
const scale = (s: string): bigint => {
  const [i = '0', f = ''] = s.replace(/,/g, '').split('.');
  return BigInt(i) * 10000n + BigInt((f + '0000').slice(0, 4));
};

/** executed / budget as a percentage rounded half-up (or cut) to `dp` decimals, with "%". */
export function pct(executed: string, budget: string, dp = 2, cut = false): string {
  const e = scale(executed);
  const b = scale(budget);
  const unit = 10n ** BigInt(dp);
  const num = e * 100n * unit;
  let q = num / b;
  if (!cut && (num % b) * 2n >= b) q += 1n;
  const s = q.toString().padStart(dp + 1, '0');
  return dp === 0 ? `${s}%` : `${s.slice(0, -dp)}.${s.slice(-dp)}%`;
}

/** weight × min(1, executed / budget), rounded half-up to two decimals, trailing zeros dropped. */
export function execScore(weight: number, executed: string, budget: string): string {
  const e = scale(executed);
  const b = scale(budget);
  const r = e > b ? b : e;
  const num = BigInt(weight) * r * 100n;
  let q = num / b;
  if ((num % b) * 2n >= b) q += 1n;
  return trim(q);
}

const trim = (hundredths: bigint): string => {
  const s = hundredths.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
};

/** The sum of scores or amounts as written (up to two decimals). */
export function add(...xs: readonly string[]): string {
  const total = xs.reduce((s, x) => s + scale(x === '' ? '0' : x), 0n);
  return trim(total / 100n);
}
