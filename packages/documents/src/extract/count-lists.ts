import type { Statement } from './claims.ts';
import { chineseCount } from './claims.ts';

/** "8个内设机构，即A、B、C" / "内设机构股室7个：A、B": a count and the items listed for it. */
export interface CountList {
  count: number;
  /** The count as written ("8个"). */
  text: string;
  items: string[];
  /** Introduced as complete (即, 分别是, 分别为, 依次为, a colon) and without 等. */
  closed: boolean;
  /**
   * The items come before their count ("A、B、C共3个机构"): a count of things, not of kinds, may
   * stand there ("道路、桥梁共12座"), so only more items than the count, or a repeated one, say
   * something.
   */
  before?: boolean;
  /**
   * Before their count, each item names one of the things counted ("临城镇、黑城镇、石城乡5个
   * 乡镇": every item ends on a word of 乡镇): then fewer items than the count say something too.
   */
  named?: boolean;
  /** Where the count stands in the statement's text. */
  at: number;
}

/** Courses and the like count in 门 ("课程七门"), but not a 门诊, 门户 or 门类. */
const COUNT_WORD =
  '(\\d+|[一二两三四五六七八九十]{1,3})(个|项|名|家|所|类|种|条|座|处|批|户|支|位|期|场|台|套|部|门(?![诊户类票店面口]))';
const COUNT_LIST = new RegExp(
  `${COUNT_WORD}([^，,；;。：:、（()）\\d]{0,12}?)[，,]?(即|分别是|分别为|依次为|依次是|具体为|具体是|包括|包含|有|为|：|:)`,
  'g',
);
/**
 * "重点项目共8个，涉及资金合计4,263.58万元，分别为：A；B": a clause stating the items' money
 * between the count and a marker that names them all.
 */
const COUNT_MONEY_LIST = new RegExp(
  `${COUNT_WORD}([^，,；;。：:、（()）\\d]{0,12}?)[，,][^，,；;。：:、（()）\\d]{0,16}?\\d[\\d,]*(?:\\.\\d+)?(?:亿元|万元|元)[，,]?(即|分别是|分别为|依次为|依次是|具体为|具体是)`,
  'g',
);
/** The words of COUNT_MONEY_LIST's markers (即, 分别是, 依次为, 具体为…): one of them at least. */
const MONEY_LIST_MARKER = /即|分别|依次|具体/;
/** "覆盖9个乡镇（A镇、B镇、C乡）": a count whose items follow it in parentheses. */
const COUNT_PARENS = new RegExp(
  `${COUNT_WORD}([^，,；;。：:、（()）\\d]{0,12}?)[（(]([^（()）]*)[）)]`,
  'g',
);
/** Words that make a note in parentheses something other than the list of a count's items. */
const NOT_ITEMS = /^(?:其中|含|包括|包含|如|例如|涉及|主要|分别|即)|等$|[\d，,；;：:。]/;
/** "…A、B、C共6个机构", "…D、E等5个", "…城市管理办公室5个办公室": a count after its items. */
const COUNT_AFTER = new RegExp(`(共|等|计|合计)?${COUNT_WORD}`, 'g');
/** Words before a list's first item that introduce it ("内设", "下设", "包括"). */
const LIST_VERB = /^.*?(?:内设|下设|设有|包括|包含|下辖|辖|涉及|覆盖)/;

/** What every pattern above needs: a count ("8个", "三项"); most statements hold none. */
const ANY_COUNT =
  /(?:\d|[一二两三四五六七八九十])(?:个|项|名|家|所|类|种|条|座|处|批|户|支|位|期|场|台|套|部|门)/;

/** Every count followed (or preceded) by a list of named items separated by 、 (or ；). */
export function countLists(s: Statement): CountList[] {
  const out: CountList[] = [];
  if (!ANY_COUNT.test(s.text)) return out;
  // COUNT_MONEY_LIST needs money and one of its markers: most statements hold no marker.
  const moneyList = s.text.includes('元') && MONEY_LIST_MARKER.test(s.text);
  for (const re of moneyList ? [COUNT_LIST, COUNT_MONEY_LIST] : [COUNT_LIST])
    for (const m of s.text.matchAll(re)) {
      const list = listAfter(s, m);
      if (list && !out.some((x) => x.at === list.at)) out.push(list);
    }
  if (s.text.includes('、')) {
    for (const m of s.text.matchAll(COUNT_PARENS)) {
      const list = listInParens(s, m);
      if (list && !out.some((x) => x.at === list.at)) out.push(list);
    }
  }
  if (s.text.includes('、'))
    for (const m of s.text.matchAll(COUNT_AFTER)) {
      const list = listBefore(s, m);
      if (list && !out.some((x) => x.at === list.at)) out.push(list);
    }
  return out;
}

/** A count of two or more written in digits or Chinese numerals ("5", "十二"). */
export function countOf(raw: string): number | undefined {
  const count = /^\d+$/.test(raw) ? Number(raw) : chineseCount(raw);
  return count === undefined || count < 2 ? undefined : count;
}

function listAfter(s: Statement, m: RegExpMatchArray): CountList | undefined {
  const index = m.index ?? 0;
  if (/[\d.第]/.test(s.text[index - 1] ?? '')) return undefined;
  const raw = m[1] ?? '';
  const count = countOf(raw);
  if (count === undefined) return undefined;
  const from = index + m[0].length;
  const rest = s.text.slice(from);
  // "已完成的10座水库为：A、B": 为 (是, 有) with a colon after it names them all, as a colon does.
  const marker =
    (m[4] ?? '') + (/^(?:为|是|有)$/.test(m[4] ?? '') && /^[：:]/.test(rest) ? '：' : '');
  const numbered = numberedItems(rest);
  if (numbered) {
    if (numbered.items.length < 2) return undefined;
    const closed = !numbered.open && /即|分别|依次|具体|：|:/.test(marker);
    return { count, text: `${raw}${m[2] ?? ''}`, items: numbered.items, closed, at: index };
  }
  // Notes in parentheses belong to an item ("督查室（对外称区委督查室）"), not to the list.
  const plain = rest.replace(/[（(][^（()）]*[）)]/g, '');
  const stop = plain.search(/[；;。，,（(]/);
  const list = (stop >= 0 ? plain.slice(0, stop) : plain).replace(/^[：:]/, '');
  // A list that runs to the end of a text without a stop was cut short there (an excerpt).
  const cut = stop < 0 && !/[。！？!?；;]$/.test(s.text);
  let items = list
    .split('、')
    .map((x) => x.replace(/^[“"]|[”"]$/g, '').trim())
    .filter((x) => x !== '');
  // "分别为：A；B；C。": names parted by ；, when no 、 parts them.
  const semicolons = items.length < 2 ? semicolonItems(plain) : undefined;
  if (semicolons) items = semicolons;
  if (items.length < 2 || items.some((x) => x.length > 25)) return undefined;
  // "学校18所，分别为高级中学3所、初级中学5所…": items that carry counts of the count's own word
  // are kinds with their numbers, whose sum (not their number) is the count (the sums check).
  const tally = new RegExp(`(?:\\d+|[一二两三四五六七八九十]{1,3})${m[2] ?? ''}$`);
  if (items.every((x) => tally.test(x))) return undefined;
  let open = semicolons
    ? items.some((x) => /等$/.test(x))
    : cut || /等$/.test(list) || /^等/.test(plain.slice(list.length));
  const last = items[items.length - 1] ?? '';
  if (/等$/.test(last)) {
    open = true;
    items[items.length - 1] = last.replace(/等(?:[\d一二三四五六七八九十]+[个项家所类种条])?$/, '');
  }
  // "A、B和C": the last item may join two names or be one name with 和 in it. Either reading
  // that makes the count is taken; when neither does, the list is counted split.
  const unsplit = items.length;
  if (unsplit !== count) items = splitLast(items);
  const closed = !open && /即|分别|依次|具体|：|:/.test(marker) && unsplit !== count;
  return { count, text: `${raw}${m[2] ?? ''}`, items, closed, at: index };
}

/**
 * "：A；B；C。": items parted by ；, up to the sentence's end, each a short name without figures
 * or commas; undefined when the list is not of that shape (or a stop was cut away).
 */
function semicolonItems(plain: string): string[] | undefined {
  const body = plain.replace(/^[：:]/, '');
  const stop = body.search(/[。！？!?]/);
  if (stop < 0) return undefined;
  const pieces = body
    .slice(0, stop)
    .split(/[；;]/)
    .map((x) => x.trim());
  if (pieces.length < 2 || pieces.some((x) => x.length < 2 || /[\d，,、：:]/.test(x)))
    return undefined;
  return pieces;
}

/**
 * The names in parentheses right after a count ("9个乡镇（A镇、B镇…）"): all of them, as a note
 * that names its count's items, unless it says it names some (等, 如, 其中) or holds more than
 * names (figures, clauses).
 */
function listInParens(s: Statement, m: RegExpMatchArray): CountList | undefined {
  const index = m.index ?? 0;
  if (/[\d.第]/.test(s.text[index - 1] ?? '')) return undefined;
  const raw = m[1] ?? '';
  const count = countOf(raw);
  const note = m[4] ?? '';
  if (count === undefined || !note.includes('、') || NOT_ITEMS.test(note)) return undefined;
  let items = note.split('、').map((x) => x.replace(/^[“"]|[”"]$/g, '').trim());
  if (items.some((x) => x.length < 2 || x.length > 25)) return undefined;
  // Names of the thing counted end as its noun does (乡镇: 新州镇, 者浪乡): "三批项目涉及临城镇
  // （A村、B村）" names the villages of a town, not the batches.
  const noun = m[3] ?? '';
  if (!items.every((x) => noun.includes(x.slice(-1)))) return undefined;
  if (items.length !== count) items = splitLast(items);
  return { count, text: `${raw}${m[2] ?? ''}`, items, closed: true, at: index };
}

function listBefore(s: Statement, m: RegExpMatchArray): CountList | undefined {
  const index = m.index ?? 0;
  const word = m[1] ?? '';
  const raw = m[2] ?? '';
  const at = index + word.length;
  if (/[\d.第]/.test(s.text[at - 1] ?? '')) return undefined;
  const count = countOf(raw);
  if (count === undefined) return undefined;
  // Each item's note in parentheses ("临城镇(北驾廻村、陈家崇村)") is no item of the list.
  const head = s.text.slice(0, index).replace(/[（(][^（()）]*[）)]/g, '');
  const clause = head.slice(head.search(/[^，,；;。：:（()）]*$/));
  if (!clause.includes('、') || /\d/.test(clause)) return undefined;
  let items = clause.split('、').map((x) => x.replace(/^[“"]|[”"]$/g, '').trim());
  const first = (items[0] ?? '').replace(LIST_VERB, '');
  if (first.length >= 2) items[0] = first;
  if (items.length < 2 || items.some((x) => x.length < 2 || x.length > 25)) return undefined;
  if (items.length !== count) items = splitLast(items);
  // The places counted, named right after the count ("5个乡镇"): each item one of them.
  const noun = /^(?:乡镇|镇|乡|街道|村|社区)/.exec(s.text.slice(index + m[0].length))?.[0] ?? '';
  // "A镇、B镇等8个镇" names some of them only.
  const named =
    noun !== '' &&
    word !== '等' &&
    !/主要|例如|如/.test(clause) &&
    items.every((x) => noun.includes(x.at(-1) ?? ''));
  return {
    count,
    text: `${raw}${m[3] ?? ''}${noun}`,
    items,
    closed: false,
    before: true,
    ...(named ? { named } : {}),
    at,
  };
}

/** The mark of a numbered item: ⑴, ①, （1）, 1. or 1、 (not the 1.5 of a figure), 一是. */
const ITEM_MARK =
  /[⑴-⒇①-⑳]|[（(]\d{1,2}[）)]|(?<![\d.])\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]是/g;

/**
 * "：⑴乡村共富工坊建设项目；⑵…；⑶…。": items numbered one by one up to the sentence's end, each
 * ended by ；. Undefined when the list does not open with a mark.
 */
function numberedItems(rest: string): { items: string[]; open: boolean } | undefined {
  const body = rest.replace(/^[：:]/, '');
  ITEM_MARK.lastIndex = 0;
  const first = ITEM_MARK.exec(body);
  if (!first || first.index !== 0) return undefined;
  const stop = body.search(/[。！？!?]/);
  const list = stop >= 0 ? body.slice(0, stop) : body;
  const items = list
    .split(ITEM_MARK)
    .map((x) => x.replace(/[；;，,、]+$/, '').trim())
    .filter((x) => x !== '');
  // A list without its stop was cut short there; one that ends in 等 is not all of them.
  const open = stop < 0 || items.some((x) => /等$/.test(x));
  return { items, open };
}

/**
 * "A、B和C": the last item split into two names at its 和 (及, 与, 以及), unless the names before
 * it all end as its second half does and its first half does not ("…社会事务办公室、自然资源和
 * 生态环境办公室" is one office: 自然资源 is no name of the kind).
 */
function splitLast(items: readonly string[]): string[] {
  const last = items[items.length - 1] ?? '';
  const joined = /^(.{2,}?)(?:和|及|与|以及)(.{2,})$/.exec(last);
  if (!joined?.[1] || !joined[2]) return [...items];
  const end = joined[2].slice(-1);
  const uniform = items.length > 1 && items.slice(0, -1).every((x) => x.endsWith(end));
  if (uniform && !joined[1].endsWith(end)) return [...items];
  return [...items.slice(0, -1), joined[1], joined[2]];
}
