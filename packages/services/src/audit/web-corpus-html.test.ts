import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditFinding } from '@jixiao/documents/audit-core';
import { auditDocument } from './audit-document.ts';

/**
 * The real web excerpts (../shared/corpus/web, beside the repository) as the web pages they came
 * from could be written: a <p> per line, lines broken by <br> in one <p>, or the whole text in a
 * <pre> (how a text file is saved as a page, spans and fonts around its words), or inside a
 * portal's article page with all its furniture. Each must give
 * the findings and the score the text gives.
 */
const web = new URL('../../../../../shared/corpus/web/', import.meta.url);
const names = existsSync(web)
  ? readdirSync(web)
      .filter((n) => n.endsWith('.txt'))
      .sort()
  : [];

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** CJK runs wrapped in <font><span> as an office suite writes them; the rest left bare. */
const spans = (s: string): string =>
  escape(s).replace(
    /[\u3400-\u9fff，。、；：（）“”]+/g,
    (m) => `<font face="mono"><span>${m}</span></font>`,
  );

const PAGES: Record<string, (lines: string[]) => string> = {
  paragraphs: (lines) =>
    `<html><head><meta charset="utf-8"><title>公开</title></head><body><div class="TRS_Editor">${lines
      .map((l) => `<p>${escape(l)}</p>`)
      .join('\n')}</div></body></html>`,
  'line breaks': (lines) =>
    `<html><body><div id="zoom"><p>${lines.map(escape).join('<br/>\n')}</p></div></body></html>`,
  // A portal's article page: menu, search box, breadcrumb, publication line, share buttons,
  // related links and the footer, whose dates, counts and numbers are not the report's.
  'a portal page': (lines) =>
    `<html><head><meta charset="utf-8"><title>${escape(lines[0] ?? '')}-某市人民政府</title></head><body>
<div class="nav">首页 政务公开 政务服务 互动交流 走进某市 无障碍 长者模式</div>
<div class="search">请输入关键字 搜索 热词：社保 公积金 2025年预算</div>
<div>当前位置：首页 &gt; 政务公开 &gt; 财政信息 &gt; 预决算公开</div>
<h1>${escape((lines[0] ?? '').slice(0, 40))}</h1>
<div>发布时间：2025-06-18 09:30 来源：市财政局 浏览次数：1286 【字体：大 中 小】 【打印】 【关闭】</div>
<div class="TRS_Editor">${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}</div>
<div>分享到：微信 微博</div>
<div>相关链接：<a>2024年市级部门预算公开</a> 2024-02-01</div>
<div>主办单位：某市人民政府办公室 网站标识码：4408000001 粤ICP备05012345号 版权所有 © 2012-2025</div>
</body></html>`,
  // The same set in tables, as older portals lay pages out: the menu in one row, the article in
  // one cell of a table nested in another, the footer in the last row.
  'a portal page laid out in tables': (lines) =>
    `<html><head><meta charset="utf-8"><title>${escape(lines[0] ?? '')}-某市人民政府</title></head><body>
<table width="1000" align="center"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">政务服务</a></td></tr>
<tr><td>当前位置：首页 &gt; 政务公开 &gt; 财政信息</td></tr>
<tr><td><table width="100%"><tr><td>发布时间：2025-06-18 浏览次数：1286</td></tr>
<tr><td class="content">${lines.map((l) => `<p style="text-indent:2em"><span>${escape(l)}</span></p>`).join('\n')}</td></tr></table></td></tr>
<tr><td>主办单位：某市人民政府办公室 粤ICP备05012345号 版权所有</td></tr></table>
</body></html>`,
  pre: (lines) =>
    `<html><head><meta charset="utf-8"></head><body><pre class="western">${lines
      .map(spans)
      .join('\n')}</pre></body></html>`,
};

const key = (f: AuditFinding): string => [f.code, f.severity, f.stated, f.expected].join('|');

describe.runIf(names.length > 0)('the real web excerpts as web pages', () => {
  it.each(Object.keys(PAGES))('as %s: the findings and the score of the text', (page) => {
    const write = PAGES[page];
    if (!write) throw new Error(page);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(new URL(name, web)));
      const fromText = auditDocument(bytes, name);
      const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
      const html = new TextEncoder().encode(write(lines));
      const fromPage = auditDocument(html, name.replace(/\.txt$/, '.html'));
      expect(fromPage.summary.computedTotal, name).toBe(fromText.summary.computedTotal);
      expect(fromPage.findings.map(key).sort(), name).toEqual(fromText.findings.map(key).sort());
    }
  });
});
