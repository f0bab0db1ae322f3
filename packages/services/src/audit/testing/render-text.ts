import type { WriterBlock } from './writer-types.ts';

/**
 * Renders the writer's block list as the plain text a Word "save as text" gives: headings and
 * paragraphs one per line, table cells one per line after a tab, a blank line between rows, and
 * an empty cell where a merged cell from above covers the position.
 */
export function blocksToText(blocks: readonly WriterBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
      case 'paragraph':
        lines.push(b.text);
        break;
      case 'heading':
        lines.push(`${b.number}${b.text}`);
        break;
      case 'attachment': {
        lines.push(b.label, b.title);
        if (b.unitLine) lines.push(b.unitLine);
        for (const table of b.tables) {
          const covered = new Map<number, number>();
          for (const row of table.rows) {
            let col = 0;
            const cells: string[] = [];
            const take = (): void => {
              while ((covered.get(col) ?? 0) > 0) {
                covered.set(col, (covered.get(col) ?? 0) - 1);
                cells.push('');
                col++;
              }
            };
            for (const c of row) {
              take();
              cells.push(c.text);
              if ((c.rowSpan ?? 1) > 1) covered.set(col, (c.rowSpan ?? 1) - 1);
              col += c.colSpan ?? 1;
            }
            take();
            for (const c of cells) lines.push(`\t${c}`);
            lines.push('');
          }
        }
        lines.push('', ...b.notes, b.signOff);
        break;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same report as a portal page: headings, paragraphs and tables with row and column spans. */
export function blocksToHtml(blocks: readonly WriterBlock[]): string {
  const out: string[] = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>',
  ];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`<h1>${esc(b.text)}</h1>`);
        break;
      case 'paragraph':
        out.push(`<p>${esc(b.text)}</p>`);
        break;
      case 'heading':
        out.push(`<h${b.level + 1}>${esc(b.number + b.text)}</h${b.level + 1}>`);
        break;
      case 'attachment':
        out.push(`<p>${esc(b.label)}</p>`, `<p>${esc(b.title)}</p>`);
        if (b.unitLine) out.push(`<p>${esc(b.unitLine)}</p>`);
        for (const t of b.tables) {
          out.push('<table>');
          for (const row of t.rows) {
            const cells = row.map((c) => {
              const span = `${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan ?? 1}"` : ''}${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan ?? 1}"` : ''}`;
              return `<td${span}>${esc(c.text).replace(/\n/g, '<br>')}</td>`;
            });
            out.push(`<tr>${cells.join('')}</tr>`);
          }
          out.push('</table>');
        }
        for (const n of b.notes) out.push(`<p>${esc(n)}</p>`);
        out.push(`<p>${esc(b.signOff)}</p>`);
        break;
    }
  }
  out.push('</body></html>');
  return out.join('\n');
}
