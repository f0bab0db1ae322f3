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
