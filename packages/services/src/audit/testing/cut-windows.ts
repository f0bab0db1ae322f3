/**
 * Windows cut out of a report the way stored web excerpts are cut: about 1,200–2,400 bytes, the
 * start and the end falling anywhere (mid-line, mid-number, mid-table-row, mid-sentence,
 * mid-heading, or on a line's end), some wrapped in the chrome of a government web page. All
 * positions are deterministic: the same text gives the same windows.
 */
import { seeded } from './seeded.ts';

export const CUT_KINDS = [
  'line end',
  'mid-line',
  'mid-number',
  'mid-table-row',
  'mid-sentence',
  'mid-heading',
] as const;
export type CutKind = (typeof CUT_KINDS)[number];

const HEADING =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[章部分])/;
const TABLE_ROW = /\t|\S {2,}\S|\|/;

/** The character offsets inside the text where a cut of `kind` may fall. */
function candidates(text: string, kind: CutKind): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const inside = (k: number): boolean => k > start && k < end;
    switch (kind) {
      case 'line end':
        out.push(end + 1);
        break;
      case 'mid-line':
        if (line.trim().length > 3) out.push(start + Math.floor(line.length / 2));
        break;
      case 'mid-number':
        for (const m of line.matchAll(/\d[\d,.]*\d/g))
          for (let k = 1; k < m[0].length; k++) out.push(start + (m.index ?? 0) + k);
        break;
      case 'mid-table-row':
        if (TABLE_ROW.test(line) && /\d/.test(line) && line.length > 6)
          out.push(start + Math.floor(line.length / 3), start + Math.floor((2 * line.length) / 3));
        break;
      case 'mid-sentence':
        for (const m of line.matchAll(/[，、,]/g)) {
          const k = start + (m.index ?? 0) + 1;
          if (inside(k)) out.push(k);
        }
        break;
      case 'mid-heading':
        if (HEADING.test(line) && line.length < 60)
          for (let k = 2; k < Math.min(line.length, 12); k += 3) out.push(start + k);
        break;
    }
    start = end + 1;
  }
  return out.filter((k) => k > 0 && k < text.length);
}

/** The offset nearest to `target` where a cut of `kind` falls, or a plain mid-line one. */
function snap(text: string, target: number, kind: CutKind, lo: number, hi: number): number {
  const inRange = (list: number[]): number[] => list.filter((k) => k >= lo && k <= hi);
  let list = inRange(candidates(text, kind));
  if (list.length === 0) list = inRange(candidates(text, 'mid-line'));
  if (list.length === 0) return Math.max(lo, Math.min(hi, target));
  let best = list[0] ?? target;
  for (const k of list) if (Math.abs(k - target) < Math.abs(best - target)) best = k;
  return best;
}

const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** The character offset where `n` UTF-8 bytes of `text` end (rounded down to a character). */
function charAtByte(text: string, n: number): number {
  let b = 0;
  let i = 0;
  for (const ch of text) {
    const w = bytes(ch);
    if (b + w > n) break;
    b += w;
    i += ch.length;
  }
  return i;
}

export interface CutWindow {
  /** Where the window starts and ends in the source (characters) and how each cut falls. */
  from: number;
  to: number;
  startKind: CutKind | 'whole';
  endKind: CutKind | 'whole';
  text: string;
}

/**
 * `count` windows of `text`. A text longer than 2,400 bytes gives windows of 1,200–2,400 bytes
 * starting anywhere; a shorter one gives windows cut at both ends by up to a third of it (the
 * first window keeps its start, the second its end, so cuts at one edge are measured alone).
 */
export function cutWindows(text: string, seed: string, count: number): CutWindow[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const total = bytes(text);
  const out: CutWindow[] = [];
  for (let w = 0; w < count; w++) {
    const startKind = pick(CUT_KINDS);
    const endKind = pick(CUT_KINDS);
    let from: number;
    let to: number;
    if (total > 2400) {
      const size = 1200 + Math.floor(random() * 1200);
      const startByte = Math.floor(random() * (total - size));
      from = snap(text, charAtByte(text, startByte), startKind, 1, text.length - 1);
      const target = charAtByte(text, bytes(text.slice(0, from)) + size);
      to = snap(text, target, endKind, from + 200, text.length - 1);
    } else {
      const third = Math.floor(text.length / 3);
      from = w === 0 ? 0 : snap(text, Math.floor(random() * third), startKind, 1, third);
      to =
        w === 1
          ? text.length
          : snap(
              text,
              text.length - Math.floor(random() * third),
              endKind,
              text.length - third,
              text.length - 1,
            );
      if (to <= from) to = text.length;
    }
    out.push({
      from,
      to,
      startKind: from === 0 ? 'whole' : startKind,
      endKind: to === text.length ? 'whole' : endKind,
      text: text.slice(from, to),
    });
  }
  return out;
}

/** Lines a government site prints above an article (invented). */
const HEADS: readonly string[][] = [
  [
    '首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流 | 专题专栏',
    '当前位置：首页 > 政务公开 > 财政预决算',
    '发布时间：2024-06-28 来源：县农业农村局 浏览次数：1386',
    '字号：大 中 小 打印本页 关闭窗口',
  ],
  [
    '无障碍 | 长者模式 | 简体 | 繁体',
    '您当前的位置：首页 > 信息公开 > 法定主动公开内容 > 预决算信息',
    '【发布日期：2023年7月14日】【信息来源：市文化广电旅游局】【阅读量：527次】',
    '【字体：大 中 小】【打印】【关闭】',
  ],
  [
    '索引号：11430100MB1C45678X/2024-00213 分类：财政预决算',
    '发布机构：区卫生健康局 发文日期：2024年05月30日',
    '主题词：绩效 自评',
    '分享到：微信 微博 QQ空间',
  ],
];

/** Lines a government site prints below an article (invented). */
const TAILS: readonly string[][] = [
  [
    '附件：',
    '1.部门整体支出绩效自评表.xls',
    '【打印本页】 【关闭窗口】',
    '上一篇：关于2024年第一季度政府采购意向公开的公告 2024-03-29',
    '下一篇：2025年部门预算公开说明 2025-01-16',
    '主办单位：某某县人民政府办公室 承办单位：县大数据中心',
    '网站标识码：4306230012 湘ICP备05012345号 湘公网安备 43062302000118号',
    '联系电话：0730-8812345 地址：某某县城关镇人民路88号 邮编：414000',
  ],
  [
    '分享到：',
    '扫一扫在手机打开当前页',
    '相关链接：2022年度部门决算公开 2023-08-31',
    '版权所有：某某市财政局 技术支持：某某信息技术有限公司',
    '网站标识码 3301000023 浙ICP备12034567号-2 访问量：2356781',
    '建议使用1920×1080分辨率浏览',
  ],
  [
    '责任编辑：王某某',
    '上一条：2023年度“三公”经费决算情况说明',
    '下一条：关于印发《预算绩效管理办法》的通知',
    '主办：某某区人民政府 电话：020-83812345 传真：020-83812346',
    '粤ICP备11012345号 网站标识码：4401110001 政府网站找错',
  ],
];

/** The window wrapped in a site's head and tail, chosen by `k`; k < 0 leaves it bare. */
export function withChrome(text: string, k: number): string {
  if (k < 0) return text;
  const head = HEADS[k % HEADS.length] ?? [];
  const tail = TAILS[(k + 1) % TAILS.length] ?? [];
  return [...head, '', text, '', ...tail].join('\n');
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The text as a government site publishes it (invented page): navigation, breadcrumb, the
 * article's title and publication line, its lines as paragraphs, previous/next links, a footer,
 * and the styles and scripts around them. `k` picks the variant.
 */
export function asWebPage(text: string, k: number): string {
  const lines = text.split('\n');
  const title = lines.find((l) => l.trim() !== '' && !l.includes('\t'))?.trim() ?? '';
  const body = htmlBody(lines.filter((l) => l.trim() !== title || title === ''));
  const nav = ['首页', '机构概况', '政务公开', '政务服务', '互动交流', '专题专栏']
    .map((n) => `<li><a href="/${n}">${n}</a></li>`)
    .join('');
  const info =
    k % 2 === 0
      ? '<div class="info">发布时间：2024-06-28 10:32 来源：县财政局 浏览次数：<span id="hits">1386</span></div>'
      : '<div class="info"><span>【发布日期：2023年7月14日】</span><span>【信息来源：市文化广电旅游局】</span><span>【阅读量：527次】</span></div>';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(title)}_某县人民政府</title>
<style>.nav li{float:left;margin:0 12px}.article p{line-height:2}</style>
<script type="text/javascript">var _hmt = _hmt || []; (function(){ var year = 2024; document.title += " " + year; })();</script>
</head><body>
<div class="top"><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">繁体</a></div>
<div class="header"><ul class="nav">${nav}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">财政预决算</a></div>
<div class="article">
<h1>${escape(title)}</h1>
${info}
<div class="tools">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a> <a href="#">打印本页</a> <a href="#">关闭窗口</a></div>
<div class="content">
${body}
</div>
<div class="attach">附件：<a href="/a.xls">部门整体支出绩效自评表.xls</a></div>
</div>
<div class="pages"><p>上一篇：<a href="#">关于2024年第一季度政府采购意向公开的公告</a> 2024-03-29</p><p>下一篇：<a href="#">2025年部门预算公开说明</a> 2025-01-16</p></div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="footer"><p>主办单位：某县人民政府办公室 承办单位：县大数据中心</p>
<p>网站标识码：4306230012 备案号：湘ICP备05012345号 联系电话：0730-8812345</p></div>
<script>document.write('<span>访问量：2356781</span>');</script>
</body></html>`;
}

/**
 * Lines as html: tab-separated rows, and cells written one per line after a tab with a blank line
 * between rows, become table rows; other lines paragraphs.
 */
function htmlBody(lines: readonly string[]): string {
  const out: string[] = [];
  let rows: string[][] = [];
  let row: string[] | undefined;
  const close = (): void => {
    if (row) rows.push(row);
    row = undefined;
    if (rows.length > 0)
      out.push(
        `<table border="1">${rows
          .map((r) => `<tr>${r.map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`)
          .join('')}</table>`,
      );
    rows = [];
  };
  for (const line of lines) {
    const cellPerLine = line.startsWith('\t') && !line.slice(1).includes('\t');
    if (cellPerLine) {
      row ??= [];
      row.push(line.slice(1));
    } else if (line.includes('\t')) {
      if (row) rows.push(row);
      row = undefined;
      rows.push(line.split('\t'));
    } else if (line.trim() === '') {
      if (row) rows.push(row);
      row = undefined;
    } else {
      close();
      out.push(`<p style="text-indent:2em">${escape(line.trim())}</p>`);
    }
  }
  close();
  return out.join('\n');
}
