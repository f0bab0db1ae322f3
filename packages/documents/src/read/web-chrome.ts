import type { Block } from './block.ts';

/**
 * The furniture a government web page prints around an article (navigation, breadcrumb, the
 * publication line with its date, source and view count, font-size and print buttons, share
 * buttons, previous/next links, the footer with the site's registration numbers). Published
 * reports are saved or excerpted with it; none of it belongs to the report, and its dates,
 * counts and phone numbers must not be read as the report's year or figures.
 */
const FURNITURE: readonly RegExp[] = [
  // Breadcrumb: 当前位置：首页 > 政务公开 > …
  /^[【[]?(?:当前|您的|您当前的|您现在的|所在)?位置[】\]]?\s*[:：]?.*首页/,
  /^首页\s*(?:[>＞»/|｜]|\s{2,})/,
  // Font size, print, close.
  /(?:字号|字体)\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/,
  /打印本页|关闭窗口|[【[]\s*(?:打印|关闭)\s*[】\]]/,
  // The publication line: date, source, views.
  /(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]?\s*\d*\s*次?\s*[】\]]?$/,
  /^[【[]?\s*(?:发布|发文|成文|更新)(?:时间|日期)\s*[:：]\s*\d{4}/,
  /^[【[]?\s*(?:信息)?来源\s*[:：].{0,30}(?:时间|日期)\s*[:：]?\s*\d{4}/,
  /^索引号\s*[:：]/,
  /^(?:发布机构|责任编辑|主题分类)\s*[:：]/,
  // The search box and its suggested words: 请输入关键字 搜索 热词：…
  /^(?:请输入(?:关键字|关键词|搜索内容|搜索关键词)|站内搜索|全站搜索|高级搜索|热门搜索|搜索热词|热词\s*[:：])/,
  // A menu bar written on one line: 首页 政务公开 政务服务 互动交流 …
  /^首页(?:\s+[^\s\d]{2,8}){3,}$/,
  // Share buttons, QR codes.
  /^分享到\s*[:：]?/,
  /^扫一扫/,
  // Previous / next article.
  /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]/,
  /^相关(?:链接|文章|阅读)\s*[:：]/,
  // Footer: registration numbers, owner, support.
  /网站标识码|ICP备|公网安备|政府网站找错/,
  /^(?:主办单位|承办单位|主办|承办|版权所有|技术支持|网站维护)\s*[:：]/,
  /分辨率(?:浏览|访问)/,
  // Navigation: short items set apart by bars, naming the home page or accessibility modes.
  /^(?:无障碍|长者模式|适老化|简体|繁體|繁体)(?:\s*[|｜]\s*\S{1,6})+$/,
];

/** Furniture that also occurs in reports, so only counted next to the page's own. */
const NEAR_EITHER: readonly RegExp[] = [
  /^(?:\S{1,8}\s*[|｜]\s*){3,}\S{1,8}$/,
  // A navigation item on a line of its own (an html menu's <li>).
  /^[\u4e00-\u9fff]{2,6}$/,
];
/** At the page's head only. */
const NEAR_HEAD: readonly RegExp[] = [...NEAR_EITHER, /^主题词\s*[:：]/];
/** At the page's foot only: the attachment links, the address line. */
const NEAR_FOOT: readonly RegExp[] = [
  ...NEAR_EITHER,
  /^附件\s*[:：]?/,
  /\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)$/i,
  /^(?:地址|邮编|传真|联系电话|电话)\s*[:：].*(?:地址|邮编|传真)\s*[:：]/,
];

const isFurniture = (text: string): boolean => FURNITURE.some((p) => p.test(text));
const near = (text: string, patterns: readonly RegExp[]): boolean =>
  text.length <= 80 && patterns.some((p) => p.test(text));

/**
 * The blocks without the page's furniture: every paragraph that is furniture wherever it stands,
 * and the lines next to it at the page's head and foot that are furniture only there (an
 * attachment list, an address line, a bar of links). A document with none keeps every block.
 */
export function withoutWebChrome(blocks: readonly Block[]): Block[] {
  const furniture = (b: Block | undefined): boolean =>
    b !== undefined && b.kind !== 'table' && b.text.length <= 160 && isFurniture(b.text.trim());
  if (!blocks.some(furniture)) return [...blocks];
  const drop = new Set<number>();
  blocks.forEach((b, k) => {
    if (furniture(b)) drop.add(k);
  });
  // At the head and at the foot, a run of furniture carries the lines among it.
  const edge = (order: readonly number[], patterns: readonly RegExp[]): void => {
    let seen = false;
    const added: number[] = [];
    for (const k of order) {
      const b = blocks[k];
      if (!b) break;
      if (drop.has(k)) seen = true;
      else if (b.kind !== 'table' && near(b.text.trim(), patterns)) added.push(k);
      else break;
    }
    if (seen) for (const k of added) drop.add(k);
  };
  const order = blocks.map((_, k) => k);
  edge(order, NEAR_HEAD);
  edge([...order].reverse(), NEAR_FOOT);
  return blocks.filter((_, k) => !drop.has(k));
}
