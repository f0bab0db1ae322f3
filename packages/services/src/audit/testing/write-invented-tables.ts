import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './invented-table-models.ts';
import { cutAt, renderDocx, renderHtml, renderText } from './table-flattenings.ts';
import type { Verified } from './invented-table-models.ts';

/**
 * Writes the invented 自评表 excerpts (one file per case and flattening) and their findings.json
 * beside the hand-written ones: `npx tsx packages/services/src/audit/testing/write-invented-tables.ts [dir]`.
 * Hand-written files keep their entries (listed in hand.json).
 */
const dir = process.argv[2] ?? new URL('../invented-tables/', import.meta.url).pathname;

interface FindingsFile {
  findings: Record<string, Verified[]>;
  clean: string[];
}
const hand = JSON.parse(readFileSync(join(dir, 'hand.json'), 'utf8')) as FindingsFile;
const out: FindingsFile = { findings: { ...hand.findings }, clean: [...hand.clean] };

for (const c of CASES) {
  for (const how of c.flattenings) {
    let file: string;
    let text: string | null = null;
    if (how === 'html') {
      file = `${c.id}.html`;
      text = renderHtml(c.before, c.rows, c.after);
    } else if (how === 'docx') {
      file = `${c.id}.docx`;
      writeFileSync(join(dir, file), await renderDocx(c.before, c.rows, c.after));
    } else {
      file = `${c.id}.${how}.txt`;
      text = renderText(c.before, c.rows, c.after, how);
      if (c.cut !== undefined) text = cutAt(text, c.cut);
    }
    if (text !== null) {
      writeFileSync(join(dir, file), text);
      for (const f of c.findings) {
        const s = f.stated.replace(/,/g, '');
        if (s && !s.includes(' / ') && !text.replace(/,/g, '').includes(s))
          throw new Error(`${file}: stated ${f.stated} not in the text`);
      }
    }
    if (c.findings.length > 0) out.findings[file] = c.findings;
    else out.clean.push(file);
  }
}
out.clean.sort();
writeFileSync(join(dir, 'findings.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`${Object.keys(out.findings).length} files with findings, ${out.clean.length} clean`);
