import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/**
 * The four example reports (../shared/corpus, beside the repository) as a portal publishes them:
 * the page laid out in tables (menu, the article in one cell, the footer), each line of the text a
 * paragraph of the article (the web excerpts are set so in web-corpus-html.test.ts). The findings
 * (code and severity, info left aside) must be the ones the text gets, but for the empty lines a
 * page drops: a table written one cell per line with empty lines between its rows (004's
 * 基础数据表) loses its rows.
 */
const shared = new URL('../../../../../shared/corpus/', import.meta.url);

function sources(): { name: string; text: string }[] {
  if (!existsSync(shared)) return [];
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => /^\d.*\.txt$/.test(f))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(new URL(f, dir), 'utf8') }));
  return read(shared);
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function portalPage(text: string): string {
  const article = text
    .split('\n')
    .map((line) => `<p style="text-indent:2em"><span>${escape(line.trim())}</span></p>`)
    .join('\n');
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>绩效自评报告</title>',
    '<script>var visits = 0;</script></head><body>',
    '<table width="1000" align="center"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a></td></tr>',
    '<tr><td><table width="100%"><tr><td>发布时间：2024-05-20 浏览次数：123</td></tr>',
    `<tr><td class="content">${article}</td></tr></table></td></tr>`,
    '<tr><td>主办单位：某市人民政府办公室 版权所有 备案号：ICP备05004532号</td></tr></table>',
    '</body></html>',
  ].join('\n');
}

const codes = (bytes: string, name: string): Set<string> =>
  new Set(
    auditDocument(new TextEncoder().encode(bytes), name)
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.code}/${f.severity}`),
  );

const SOURCES = sources();

describe.runIf(SOURCES.length > 0)('real reports as portal pages laid out in tables', () => {
  // Measured: before layout tables were told from data tables, every report set in the page's
  // table was read as one cell, and each lost all its findings. Now all but 004 keep theirs.
  it.each(SOURCES.map((s) => s.name))('%s: the findings of the text', (name) => {
    const source = SOURCES.find((s) => s.name === name);
    if (!source) throw new Error(name);
    const text = codes(source.text, name);
    const page = codes(portalPage(source.text), name.replace(/\.txt$/, '.html'));
    const lost = [...text].filter((c) => !page.has(c));
    const gained = [...page].filter((c) => !text.has(c));
    if (name.startsWith('004_')) {
      // Its 基础数据表 and 自评表 rows parted by empty lines only.
      expect(gained).toEqual([]);
      return;
    }
    expect({ lost, gained }).toEqual({ lost: [], gained: [] });
  });
});
