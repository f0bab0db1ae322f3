import { parseChineseNumeral } from '@jixiao/domain';
import {
  PAGE_NUMBERED,
  SIGN_OFF_FIELD,
  TABLE_FIELD_LABELS,
  columnOf,
  dashedPage,
  fundRowOf,
  indicatorLevelOf,
} from '../extract/table-vocabulary.ts';
import { headingNumber } from './heading.ts';

/**
 * A whole report written on one line: the text of a web page whose line breaks were lost, a PDF
 * copied as one paragraph. Two forms are seen:
 * - the lines of the PDF joined by single spaces ("…绩 效自评报告 根据《…》要求，我 局组织…
 *   一、部门基本情况 （一）主要职能 县教育和体育局负责…"): every space between two Chinese
 *   characters is where a line of the page ended;
 * - the paragraphs joined with nothing ("…共33832.24万元,二、总体绩效目标完成情况2023年度…"):
 *   only the numbers of the headings, in their order, show where a part begins.
 * Such a line is given back as the lines it was (the first form: each space a line break, as the
 * PDF's text had them; the second: a line break before each heading), so that paragraphs, headings
 * and sentences are read as in any text. A table inside it (its title, header words and row
 * labels) stays one line for the reader of tables on one line.
 */
export interface Relined {
  text: string;
  /** The line of the given text each line of `text` comes from (1-based), when any was split. */
  realLines?: number[];
}

/**
 * A line shorter than this is a paragraph, not a report, when spaces part its words (a table's
 * row written with spaces may be long); split before its heading numbers, one half as long.
 */
const MIN_GLUED = 300;
const MIN_HEADED = 150;

export function relineGluedText(text: string): Relined {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => l.length >= MIN_HEADED)) return { text };
  const out: string[] = [];
  const realLines: number[] = [];
  let split = false;
  lines.forEach((line, i) => {
    const pieces = line.length >= MIN_HEADED ? relineGlued(line) : undefined;
    // A line given back whole (a table's row alone) was not re-lined: nothing to say of it.
    if (pieces && pieces.length > 1) split = true;
    for (const piece of pieces ?? [line]) {
      out.push(piece);
      realLines.push(i + 1);
    }
  });
  return split ? { text: out.join('\n'), realLines } : { text };
}

/** The lines a line of a whole report was, or undefined when it is one paragraph. */
export function relineGlued(line: string): string[] | undefined {
  const spaced = spacedWraps(line);
  if (
    line.length >= MIN_GLUED &&
    spaced >= 6 &&
    line.length / spaced <= 80 &&
    !mostlyUnspaced(line)
  )
    return relineSpaced(line);
  // A page's number run in ("…运营补助。— 1 —三、资金…"), no text of the report; not between
  // hyphens, which join figures of prose too ("2023-2025").
  const text = line.replace(/[—－–]\s*[\d０-９]{1,3}\s*[—－–]/g, '');
  const starts = headingStarts(text);
  if (starts.length < 2) {
    const rows = tableRowsApart(text);
    return rows.length > 1 ? rows : undefined;
  }
  return apartAt(text, starts)
    .flatMap(asideTitlesApart)
    .flatMap((p, i) => (i === 0 && starts[0] !== 0 ? reportTitleApart(p) : titleApart(p)))
    .flatMap(tableRowsApart)
    .flatMap(attachmentApart)
    .flatMap(signOffApart);
}

/**
 * An attachment's label and its table's title run on after the text before them ("…单位负责人签字：
 * 附件3 2023年度项目支出绩效自评表 项目名称 …"): the next table starts a line of its own.
 */
const ATTACHMENT_TITLE =
  /(?<=[\s\u3000。；：:])(?=附[件表]\s*[\d０-９]{1,2}[：:]?\s*[^\s。，；]{0,30}?表(?:[（(][^）)]{0,12}[）)])?(?:[\s\u3000]|$))/gu;

function attachmentApart(piece: string): string[] {
  return apartAt(
    piece,
    [...piece.matchAll(ATTACHMENT_TITLE)].map((m) => m.index),
  );
}

/** The text cut at the given places, in order: its pieces trimmed, the empty ones dropped. */
function apartAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const at of cuts) {
    if (at > from) pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * An indicator's title with no number, closed by its points in brackets and set apart by spaces
 * after a sentence's end ("…排全省第2位。 社会效益指标（分值10分，得10分，未扣分） 稳步开展…"),
 * as the lines of a report joined by spaces give it: a line of its own. Joined by nothing, only
 * a title whose brackets hold both its 分值 and its score is so taken.
 */
const ASIDE_TITLE =
  /(?<=[。！？；][ \u3000]+)(?=\p{Script=Han}{2,16}[（(][^（()）。]{0,24}(?:分值|得分|权重)[^（()）。]{0,24}[）)][ \u3000])|(?<=[。！？；])(?=\p{Script=Han}{2,16}[（(](?:分值|权重)[^（()）。]{0,24}得[^（()）。]{0,24}[）)]\p{Script=Han})/gu;

function asideTitlesApart(piece: string): string[] {
  const cuts = [...piece.matchAll(ASIDE_TITLE)].map((m) => m.index);
  if (cuts.length === 0) return [piece];
  const out: string[] = [];
  let from = 0;
  for (const at of cuts) {
    out.push(piece.slice(from, at));
    const title = /^[^（(]+[（(][^（()）]*[）)]/.exec(piece.slice(at))?.[0] ?? '';
    out.push(title);
    from = at + title.length;
  }
  out.push(piece.slice(from));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** The fields a report or table is signed off with ("填报人：…", "填报日期：…"). */
const SIGN_OFF = new RegExp(
  `(?<=[。；！？]|[\\p{Script=Han}\\d]{2}|[\\d%][ \\t\\u3000]+)(?=${SIGN_OFF_FIELD}[：:])`,
  'gu',
);

/** A report's sign-off apart from the paragraph it was run on after, a field a line. */
function signOffApart(piece: string): string[] {
  const at = piece.search(SIGN_OFF);
  // Only where the fields close the piece: a sentence may name its 联系电话 too.
  if (at <= 0 || piece.length - at > 120) return [piece];
  return [piece.slice(0, at), ...piece.slice(at).split(SIGN_OFF)];
}

/**
 * The text with a line break where a row ends: after a figure followed by a name. What follows a
 * row's last figure up to the next figure and holds a stop or comma is its 偏差原因 (a sentence,
 * no name): the row ends after that sentence's last stop instead. In a table whose cells are
 * parted by spaces (`spaced`), a figure's unit is told from the name after it by the space that
 * ends the cell (see `spacedRowEnd`).
 */
function rowEnds(text: string, spaced: boolean): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(/(?<=[\d%％—]|\d[.．])\p{Script=Han}+/gu)) {
    // After an item's number ("…；2.下一步加强宣传。新建…"), a reason's numbered item: the row
    // ends only at a stop of it (below), never before its words.
    const item = /[.．]/.test(text[m.index - 1] ?? '');
    if (item && !/[。；;]/.test(text.slice(m.index).split(/[\d≥≤=＝<>＜＞]/)[0] ?? '')) continue;
    const at = spaced
      ? spacedRowEnd(m[0], text[m.index - 1] ?? '', text[m.index + m[0].length] ?? '')
      : (CELL_UNIT.includes(m[0][0] ?? '') || NO_NAME_START.includes(m[0][0] ?? '')) &&
          // A unit that opens words of a name, run on into five characters or more, is a name
          // ("…1010家庭医生签约服务人数"): a unit's run ends at the row's next figure. An
          // attachment's number is no row's figure ("附件2项目支出绩效自评表").
          !(
            UNIT_OPENS_NAME.includes(m[0][0] ?? '') &&
            m[0].length >= 5 &&
            !/附[件表]\s*\d{1,2}$/.test(text.slice(Math.max(0, m.index - 6), m.index))
          )
        ? undefined
        : 0;
    if (at === undefined || m.index + at < from) continue;
    const end0 = m.index + at;
    const rest = text.slice(end0);
    const upTo = rest.search(/[\d≥≤=＝<>＜＞]/);
    const segment = upTo < 0 ? rest : rest.slice(0, upTo);
    out += text.slice(from, end0);
    if (/[，。；,;]/.test(segment) && segment.length >= 6 && !opensGroup(segment)) {
      const stop = Math.max(segment.lastIndexOf('。'), segment.lastIndexOf('；'));
      // A reason closed by no stop ends where a group's name follows it ("…已于秋季补植时效指标
      // 项目完工时间…", "…推迟至2025年春季实施质量指标…", past the figures it holds, up to the
      // next row's target): the group opens the next row.
      const upToTarget = rest.slice(0, 120).search(/[≥≤=＝<>＜＞%％]/);
      const group =
        stop < 0
          ? groupAfterLastComma(upToTarget < 0 ? segment : rest.slice(0, upToTarget))
          : undefined;
      const end =
        group !== undefined
          ? group
          : stop >= 0 && stop + 1 < segment.length
            ? stop + 1
            : segment.length;
      out += rest.slice(0, end);
      from = end0 + end;
      if (end < segment.length || group !== undefined) out += '\n';
    } else {
      out += '\n';
      from = end0;
    }
  }
  return out + text.slice(from);
}

/**
 * Whether words after a row's last figure open a group's row ("时效指标重点项目…"): the next row,
 * whatever stops its 评分标准 holds, not a sentence closing the row.
 */
const opensGroup = (words: string): boolean => {
  const m = /^\p{Script=Han}{0,8}?指标/u.exec(words);
  return m !== null && indicatorLevelOf(m[0]) !== undefined;
};

/**
 * Where a group's name (时效指标, 社会效益指标) begins in the words after a reason's last comma,
 * the first such place; undefined when none does.
 */
function groupAfterLastComma(segment: string): number | undefined {
  const from = Math.max(segment.lastIndexOf('，'), segment.lastIndexOf(',')) + 1;
  for (let k = Math.max(from, 1); k < segment.length - 3; k++) {
    const m = /^\p{Script=Han}{0,8}?指标/u.exec(segment.slice(k));
    if (m && indicatorLevelOf(m[0]) !== undefined) return k;
  }
  return undefined;
}

/**
 * The words a 评分标准 runs on with after a figure ("≥85%得满分", "每少1所扣1分", "90%的"): no
 * row's name begins with them.
 */
const NO_NAME_START = '得扣的或及则';
/**
 * The units a figure of a 自评表's cell is counted in: no row's name begins right after them.
 * Measure words of things counted (艘, 尾, 株, 处) and the first characters of units of weight
 * and volume (微克/立方米, 千克, 毫升) are among them.
 */
const CELL_UNIT =
  '人次元万亿个天年月日分项台套所户家条座米吨亩期批倍名位张篇件场辆公平立小艘尾只头株架册盏栋宗斤克升处部微千毫';
/** The unit a cell's figure is counted in, at the start of the characters after it. */
const CELL_UNIT_WORD = new RegExp(
  `^[万亿]?(?:人次|户次|车次|平方公里|平方米|立方米|公里|千米|小时|千瓦时|[${CELL_UNIT}])`,
  'u',
);
/**
 * Units that also open words of a name ("家庭…", "户籍…", "名称…", "期末…", "场所…", "项目…",
 * "处置…", "部门…", "微型…", "千亩…").
 */
const UNIT_OPENS_NAME = '家户名位期场件项处部微千';

/**
 * Where the name of the next row begins in the Chinese characters run on after a figure of a
 * table whose cells are parted by spaces: after the figure's unit when one opens them (a unit
 * alone, "24个", "3万平方米", "520斤", is the cell itself: undefined), or right after the figure.
 */
function spacedRowEnd(run: string, after: string, next: string): number | undefined {
  if (!/[\d%％]/.test(after)) return 0;
  // A word of a character or two alone up to the cell's end is a unit ("520斤", "12起").
  if (run.length <= 2 && /^(?:[\s\u3000/／)）]|)$/.test(next)) return undefined;
  const unit = CELL_UNIT_WORD.exec(run)?.[0];
  if (!unit) return 0;
  if (unit.length === run.length) return undefined;
  // A date's year, month or day runs on into words of its own ("2025年春季", "2024年度").
  if ('年月日'.includes(unit)) return undefined;
  return unit.length === 1 && UNIT_OPENS_NAME.includes(unit) ? 0 : unit.length;
}

/** Where a 自评表 in text joined by nothing begins: its title, or its header's words. */
const GLUED_TABLE =
  /(?:附[件表]\s*\d*[：:]?)?[^。；，,;]{0,40}?(?:自评表|评价表|指标表)|一级指标\s*二级指标|年初预算数\s*全年|项目名称.{2,40}?主管部门/u;
/**
 * The labels that open a row of a 自评表 (its fields, fund rows, header, total, a header opening
 * on a label of its own: 绩效指标一级指标二级指标…): also the unit
 * line (金额单位：万元, 单位：元) and the fund header after it ("资金来源年初预算数…"), and a group's
 * name after a header closing on its reason column (…扣分原因, …情况说明) is its first row.
 */
const ROW_LABEL =
  /(?=年度资金总额|(?<!年度)资金总额[：:]?\d|其中[：:]|年度总体目标|(?:绩效指标)?一级指标二级指标|主管部门|实施单位|项目资金[（(]|总分\s*\d|合计\s*\d)|(?<!其中[：:]?|资金)(?=当年财政拨款|本年财政拨款|上年结转|其他资金)|(?<=附[件表]\s*\d{1,2})(?=(?:19|20)\d{2}年)|(?<=措施|原因|分析|说明|理由|得分|备注)(?=(?:产出|效益|满意度|决策|过程|投入|成本|履职|管理)指标)|(?<=得分)(?=合计\p{Script=Han})|(?<!^|金额|资金)(?=(?:金额|资金)?单位[：:](?:万元|亿元|千元|元))|(?<=单位[：:](?:万元|亿元|千元|元))|(?<!^)(?=(?:资金来源|资金情况|项目|资金)(?:[（(](?:万元|亿元|千元|元)[）)])?(?:年初预算|全年预算|预算安排|调整后预算|预算批复))/gu;

/**
 * A 自评表 whose cells and rows were all joined by nothing ("…项目名称社区居家养老服务项目主管
 * 部门…年度资金总额3,600,000.00…1096.31%9.63其中：当年财政拨款…产出指标数量指标服务老年人数
 * ≥1200人1260人1515上门服务人次…"): given back a row a line, as PDF text whose cells ran together
 * gives it, for the reader of rows run together. A row ends where a figure is followed by a name
 * (a Chinese character no figure is counted in: "…1515" + "上门服务人次"), and before the labels
 * that open a row. A table whose cells kept their spaces while its rows were joined by nothing is
 * given back the same way (see `spacedRowEnd`, `groupsApart`). The text before the table stays
 * whole.
 */
function tableRowsApart(piece: string): string[] {
  const m = GLUED_TABLE.exec(piece);
  if (!m) return [piece];
  const written = piece.slice(m.index);
  // Full-width digits (４５０.００, ９８.００％) are cut as the figures they are; the rows keep
  // the characters they were written with.
  const table = halfWidthFigures(written);
  // Cells may keep their spaces (rows joined by nothing) or have lost them too. A table without
  // figures (a blank form) is read whole for what it lacks.
  const spaced = /[\s\u3000]/.test(table.slice(0, 200));
  if ((table.match(/\d+(?:\.\d+)?/g)?.length ?? 0) < 6) return [piece];
  let at = 0;
  const rows = rowEnds((spaced ? groupsApart(table) : table).replace(ROW_LABEL, '\n'), spaced)
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map((r) => {
      const from = table.indexOf(r, at);
      if (from < 0) return r;
      at = from + r.length;
      return written.slice(from, at);
    });
  const before = piece.slice(0, m.index).trim();
  return before === '' ? rows : [before, ...rows];
}

/** Full-width digits, ％ and ． as their half-width characters, one for one. */
const halfWidthFigures = (text: string): string =>
  text.replace(/[０-９％．]/g, (c) =>
    c === '％' ? '%' : c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/**
 * A table whose cells keep their spaces, with a line break before a group's name run on after the
 * last cell of the row before ("…延期，2025年一季度交付生态效益指标 城市生活污水…": the longest
 * end of the cell that is a group's name).
 */
function groupsApart(table: string): string {
  return table.replace(/(?<=^|[\s\u3000])[^\s\u3000]{3,}指标(?=[\s\u3000])/gu, (cell) => {
    if (indicatorLevelOf(cell) !== undefined) return cell;
    for (let k = 1; k <= cell.length - 4; k++)
      if (indicatorLevelOf(cell.slice(k)) !== undefined)
        return k >= 2 ? `${cell.slice(0, k)}\n${cell.slice(k)}` : cell;
    return cell;
  });
}

/**
 * The report's title apart from what runs on after it before the first chapter (a web page's
 * "来源：…发布时间：…", the opening sentence): the title ends on 报告 or 自评表 within its length.
 */
function reportTitleApart(piece: string): string[] {
  const m = /^.{4,60}?(?:自评报告|评价报告|报告书|自评表|评价表)(?=[^）)”"])/u.exec(piece);
  return m && m[0].length < piece.length ? [m[0], piece.slice(m[0].length)] : [piece];
}

/** The words a chapter's title ends on ("…基本情况", "…自评结论", "…主要职能"). */
const TITLE_END =
  /(?:情况|概况|结论|措施|问题|职责|职能|目标|分析|应用|建议|说明|结果|依据|做法|经验|成效|设置|总结|整改|下一步工作|打算|方向|安排)/g;
/** The titles of a report's chapters as templates give them, alone. */
const USUAL_TITLE =
  /^(?:(?:部门|单位|项目)?基本情况|自评结论|评价结论|绩效分析|主要绩效|存在(?:的)?问题|相关建议|改进(?:措施|意见|建议)|其他需要说明的(?:情况|问题))/;
/** How long a chapter's title runs at most, after its number. */
const TITLE_MAX = 24;

/**
 * A heading and the paragraph run on after it, apart: the title ends on the last word titles
 * end on before the first figure or stop, within a title's length ("二、绩效指标完成情况" +
 * "补贴发放面积，…"; "三、自评结论" + "本项目自评得分94.5分"). Left whole when none does.
 */
function titleApart(piece: string): string[] {
  // Items of a list (1. （1） ⑴ ①) are sentences more often than titles: left whole, unless a
  // space after a bracketed aside ends them as a title ("1、经济成本指标（分值10分，得10分） 预算…").
  // A space after the number too sets the item as a heading ("5、 政府性基金预算支出情况 2024年…").
  const item = /^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)])(\s?)/.exec(piece);
  if (item) return spaceEndedTitle(piece, item[0].length, item[1] === '') ?? [piece];
  const number =
    /^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\s?/.exec(
      piece,
    );
  if (!number) return [piece];
  // A title may open with its year ("二、2022年度部门预算执行情况").
  const head =
    number[0].length +
    (/^(?:19|20)\d{2}年度?/.exec(piece.slice(number[0].length))?.[0].length ?? 0);
  // A title its paragraph opens by repeating ("（二）基本支出" + "基本支出决算2,864.27万元…").
  for (let n = 2; n <= 12; n++) {
    const title = piece.slice(head, head + n);
    if (/^\p{Script=Han}+$/u.test(title) && piece.startsWith(title, head + n))
      return [piece.slice(0, head + n), piece.slice(head + n)];
  }
  // A title closed by its bracketed aside ("（二）效益指标（分值30分，得分30分）" + "年接待…").
  const aside = /^[^，。；：,;:（(\d]{2,20}[（(][^（()）]{1,24}[）)](?=[\p{Script=Han}“])/u.exec(
    piece.slice(head),
  );
  if (aside) return [piece.slice(0, head + aside[0].length), piece.slice(head + aside[0].length)];
  const spaced = spaceEndedTitle(piece, number[0].length, false);
  if (spaced) return spaced;
  const window = piece.slice(head, head + TITLE_MAX).split(/[\d，。；：,;:（(“"、]/)[0] ?? '';
  let end = -1;
  // Not a word that opens the paragraph's first item ("…完成情况" + "目标1：…").
  for (const m of window.matchAll(TITLE_END))
    if (!/^\d{1,2}[：:、.．]/.test(piece.slice(head + m.index + m[0].length)))
      end = m.index + m[0].length;
  // Ended by a stop right after it, the title is a sentence's start ("一、基本情况，…"); by a
  // figure or an opening quote, the paragraph's first ("一、项目资金情况2023年…", "一、项目概况
  // “双高计划”建设资金…").
  const after = piece[head + end] ?? '';
  // A sentence run on after a chapter's usual title ("六、相关建议" + "无相关建议。"): the title
  // ends where the usual one does when the words the window ends on close a sentence.
  const usual = USUAL_TITLE.exec(window)?.[0];
  if (
    end === window.length &&
    /[。！？!?]/.test(after) &&
    usual !== undefined &&
    usual.length < window.length &&
    !/^[及和与、的]/.test(window.slice(usual.length))
  )
    return [piece.slice(0, head + usual.length), piece.slice(head + usual.length)];
  if (end <= 0 || (end === window.length && !/[\d“"《]/.test(after))) return [piece];
  return [piece.slice(0, head + end), piece.slice(head + end)];
}

/**
 * A title ended by a space, as the lines of a report joined by spaces give it ("（一）基本支出
 * 基本支出是…"): the first space outside brackets, before any stop or comma and within a title's
 * length, not a figure's apart from its unit ("分值 10 分"). With `aside`, only after a bracketed
 * aside closing the title. Undefined when there is none.
 */
function spaceEndedTitle(piece: string, head: number, aside: boolean): string[] | undefined {
  let depth = 0;
  for (let i = head; i < piece.length && i - head <= TITLE_MAX + 24; i++) {
    const c = piece[i] ?? '';
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[。；！？，,;：:]/.test(c)) return undefined;
    else if (depth === 0 && /[\s\u3000]/.test(c)) {
      const title = piece.slice(0, i).trim();
      const rest = piece.slice(i).trim();
      // Not a table's header words ("…自评表 年初预算数 全年预算数"): those are its cells.
      const next = /^[^\s\u3000]+/.exec(rest)?.[0] ?? '';
      if (i - head < 2 || rest === '' || /\d$/.test(title) || columnOf(next) !== undefined)
        return undefined;
      if (aside && !/[）)]$/.test(title)) return undefined;
      return [title, rest];
    }
  }
  return undefined;
}

/** Spaces standing between two Chinese characters or after a stop: wraps of a page's lines. */
function spacedWraps(line: string): number {
  return (
    line.match(/[\p{Script=Han}，。、；：！？）》”][ \u3000]+(?=[\p{Script=Han}（《“])/gu)
      ?.length ?? 0
  );
}

/**
 * Whether most of a line stands in long runs with no space: paragraphs joined by nothing, whose
 * spaces are a table's between its cells, not the ends of a page's lines (which come every few
 * dozen characters).
 */
function mostlyUnspaced(line: string): boolean {
  let long = 0;
  for (const m of line.matchAll(/[^\s\u3000]{150,}/g)) long += m[0].length;
  return long * 2 > line.length;
}

/** A page's number between spaces ("— 3 —", "-3-", "第 2 页 共 9 页"): no text of the report. */
const PAGE_MARK = new RegExp(`(?<=^|\\s)(?:${dashedPage(true)}|${PAGE_NUMBERED})(?=\\s|$)`, 'g');

/** A figure as a cell of a table holds it ("42", "1,386.47", "98.5%", "—"). */
const FIGURE = /^(?:[-+]?[\d,]+(?:\.\d+)?[%％]?|[—－–-]+)$/;
/** What a figure of prose is counted in, when the PDF set it apart ("2023 年", "5 个", "30 分"). */
const UNIT_START =
  /^[年月日万亿元个人名项次分号台套所户家条座米吨亩期批天时倍%％‰余多]|^(?:公里|平方|立方|小时)/;

/** A header's word of amounts in a unit ("下达资金（万元）"). */
const MONEY_HEADER = /[（(](?:万元|元|亿元)[）)]$/;
/** A header's word of things counted (补贴人次, 受益户数) with a row's label run on after it. */
const HEADER_INTO_LABEL = /^(\p{Script=Han}{0,4}(?:人次|人数|户数|个数))(\p{Script=Han}{2,8})$/u;

/**
 * The lines of a report whose page lines were joined by spaces: each space between words a line
 * break, except inside a figure written with its unit ("2023 年度", "1,386.47 万元"), a table
 * whose rows are a label and the same number of figures each ("行政编制 42 40 事业编制 86 81 …":
 * a row a line, its header words a line above), and a 自评表 (kept whole for the reader of
 * tables on one line).
 */
function relineSpaced(line: string): string[] {
  const text = line.replace(PAGE_MARK, ' ');
  // A row's last figure run into the next row's label ("5,210南郑区", rows joined by nothing
  // while their cells kept their spaces): two words, the label opening a row.
  // Outside a 自评表 (kept whole for its own reader) and after a row's figures only.
  const raw = [...text.matchAll(/[^\s\u3000]+/g)].map((m) => m[0]);
  const selfTables = tableSpans(raw);
  const spaced = raw.flatMap((w, k) => {
    const glued = /^([\d,]*\d(?:\.\d+)?[%％]?)(\p{Script=Han}.*)$/u.exec(w);
    const afterFigures = [1, 2].every((d) => FIGURE.test(raw[k - d] ?? ''));
    return glued?.[1] &&
      glued[2] &&
      !UNIT_START.test(glued[2]) &&
      afterFigures &&
      !selfTables.some((t) => k >= t.from && k < t.to)
      ? [glued[1], glued[2]]
      : [w];
  });
  // The header's last word of things counted run into the first row's label ("支出进度 补贴人次
  // 汉台区 1,862.40 …"): two words, the header's and the row's.
  // And its first word run on after the sentence announcing it ("…见下表：县（区） 下达资金（万元）
  // …"): the sentence, then the header.
  const words = spaced.flatMap((w, k) => {
    const m = HEADER_INTO_LABEL.exec(w);
    const before = spaced[k - 1] ?? '';
    if (m?.[1] && m[2] && FIGURE.test(spaced[k + 1] ?? '') && !/\d/.test(before))
      return [m[1], m[2]];
    const next = spaced[k + 1] ?? '';
    const first = /^(.+[：:])([^：:，。；,;\d]{1,8})$/u.exec(w);
    return first?.[1] && first[2] && (columnOf(next) !== undefined || MONEY_HEADER.test(next))
      ? [first[1], first[2]]
      : [w];
  });
  // joined[k]: word k goes on the line of word k − 1.
  const joined = words.map((w, k) => k > 0 && figureWithUnit(words, k));
  const tables = tableSpans(words);
  for (const span of tables) {
    for (let k = span.from + 1; k < span.to; k++) joined[k] = true;
    if (span.from > 0) joined[span.from] = false;
    if (span.to < words.length) joined[span.to] = false;
  }
  const inTable = (k: number): boolean => tables.some((t) => k >= t.from && k < t.to);
  for (const rows of figureRows(words).filter((r) => !inTable(r.rows[0] ?? 0))) {
    rows.rows.forEach((from, r) => {
      joined[from] = r === 0 && rows.header === from ? joined[from] === true : false;
      for (let k = from + 1; k <= from + rows.figures; k++) joined[k] = true;
    });
    const first = rows.rows[0] ?? 0;
    if (rows.header < first) {
      joined[rows.header] = false;
      for (let k = rows.header + 1; k < first; k++) joined[k] = true;
    }
    const after = (rows.rows[rows.rows.length - 1] ?? 0) + rows.figures + 1;
    if (after < words.length) joined[after] = false;
  }
  const out: string[] = [];
  words.forEach((w, k) => {
    if (joined[k] && out.length > 0) out[out.length - 1] += ` ${w}`;
    else out.push(w);
  });
  return out;
}

/** Whether word k goes on with the word before as one figure of prose and its unit. */
function figureWithUnit(words: readonly string[], k: number): boolean {
  const prev = words[k - 1] ?? '';
  const w = words[k] ?? '';
  const next = words[k + 1] ?? '';
  // "1,386.47 万元", "2023 年度": a figure, then what it counts.
  if (/\d$/.test(prev) && UNIT_START.test(w)) return true;
  // "开展 2023 年度", "收入总计 1,386.47 万元": the figure after its words, its unit after it.
  if (/^[\d,.]+$/.test(w) && UNIT_START.test(next) && !/^\d[\d,.]*$/.test(prev)) return true;
  // A heading's number set apart from its words ("第一部分 项目概况", "一、 基本情况").
  if (
    /^(?:第[一二三四五六七八九十]{1,3}(?:部分|章)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])$/.test(
      prev,
    )
  )
    return true;
  // A heading set letter by letter ("二、绩 效 目 标"): no line of a page holds one character.
  if (inLetterSpacedRun(words, k)) return true;
  // Latin words and figures between Latin ("GB/T 9704", "PM2.5 浓度" stays apart).
  return /[A-Za-z]$/.test(prev) && /^[A-Za-z\d]/.test(w);
}

const ONE_HAN = /^\p{Script=Han}$/u;
/** The word that opens a letter-spaced run: one character, or a heading's number and one. */
const RUN_OPENER =
  /^(?:第[一二三四五六七八九十]{1,3}(?:部分|章)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])?\p{Script=Han}$/u;

/**
 * Whether word k (one Han character) is part of a run of three or more words of one character
 * each (the first may carry its heading's number): a title set with spaces between its letters.
 */
function inLetterSpacedRun(words: readonly string[], k: number): boolean {
  if (!ONE_HAN.test(words[k] ?? '')) return false;
  let from = k;
  while (from > 0 && ONE_HAN.test(words[from - 1] ?? '')) from--;
  if (from > 0 && RUN_OPENER.test(words[from - 1] ?? '')) from--;
  if (from === k) return false;
  let to = k;
  while (ONE_HAN.test(words[to + 1] ?? '')) to++;
  return to - from + 1 >= 3;
}

/**
 * Rows of a small table among the words (people by kind, money by source): two or more in a row,
 * each a label and the same number of figures, with the short header words just before the first
 * (as many as its columns, or one fewer). `rows` holds the index of each row's label.
 */
function figureRows(
  words: readonly string[],
): { header: number; rows: number[]; figures: number }[] {
  const isFigure = (w: string | undefined): boolean => w !== undefined && FIGURE.test(w);
  const isLabel = (w: string | undefined): boolean =>
    w !== undefined && /^\p{Script=Han}/u.test(w) && w.length <= 16 && !/[，。；：,;:]/.test(w);
  const figuresAfter = (k: number): number => {
    let n = 0;
    while (isFigure(words[k + 1 + n])) n++;
    return n;
  };
  const out: { header: number; rows: number[]; figures: number }[] = [];
  let k = 0;
  while (k < words.length) {
    const n = isLabel(words[k]) ? figuresAfter(k) : 0;
    if (n === 0) {
      k++;
      continue;
    }
    const rows = [k];
    let at = k + n + 1;
    while (isLabel(words[at]) && figuresAfter(at) === n) {
      rows.push(at);
      at += n + 1;
    }
    if (rows.length < 2) {
      k++;
      continue;
    }
    let header = k;
    while (header > 0 && k - header < n + 1 && isLabel(words[header - 1])) header--;
    out.push({ header: k - header >= n ? header : k, rows, figures: n });
    k = at;
  }
  return out;
}

/** The label of a 自评表's last row. */
const TOTAL_ROW = /^(?:总分|合计|总计|自评总分|总得分)$/;

/** A table's title as it stands before its header ("项目支出绩效自评表", "附件2"). */
const TABLE_TITLE = /(?:自评|评价|指标|目标|情况)表[）)]?$|^附[件表]\s*\d*[：:]?$/;
/** The labels above a 自评表's header ("项目名称", "主管部门"…). */
const TABLE_FIELD = new RegExp(`^(?:${TABLE_FIELD_LABELS}|资金来源)`);

/** A line of a page this long is the page's full width, no cell's. */
const PROSE_LINE = 28;

/**
 * The tables among the words of a line: from a table's title (or its first header word) to the
 * next table or the next chapter of the report (a heading number next in order after the last
 * one seen before the table), as word indices [from, to).
 */
function tableSpans(words: readonly string[]): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  // The last part's and chapter's numbers before the table (a part starts its chapters again).
  const last = [0, 0];
  const heading = (word: string): void => {
    const top = topNumber(word);
    if (top === undefined) return;
    last[top.level] = top.n;
    if (top.level === 0) last[1] = 0;
  };
  let k = 0;
  while (k < words.length) {
    const w = words[k] ?? '';
    heading(w);
    const start = tableStart(words, k);
    if (start === undefined) {
      k++;
      continue;
    }
    let end = start + 1;
    while (end < words.length) {
      const t = words[end] ?? '';
      // The next part or chapter after the table's own ends it.
      const top = topNumber(t);
      const before = top ? (last[top.level] ?? 0) : 0;
      if (top && (before > 0 || top.level === 0) && top.n > before && top.n <= before + 2) break;
      if (end > start + 3 && tableStart(words, end) === end && TABLE_TITLE.test(t)) break;
      // A line of the page's full width stating amounts between its stops is prose after the
      // table (a cell's sentence wraps at the cell's narrower width, and seldom counts money).
      if (end > start + 5 && t.length >= PROSE_LINE && /[\d.]+万?元[，。；]/.test(t)) break;
      end++;
      // The total row closes the table: what follows it (who filled it in, the date) is not.
      if (end - start > 20 && TOTAL_ROW.test(t)) {
        while (end < words.length && FIGURE.test(words[end] ?? '')) end++;
        if (end - start > 20 && FIGURE.test(words[end - 1] ?? '')) break;
      }
    }
    // A title that is a chapter's heading ("二、部门整体支出绩效自评表") stands on its own line, as
    // the chapter's heading, above the table.
    const titled = topNumber(words[start] ?? '') !== undefined && end > start + 1;
    spans.push({ from: titled ? start + 1 : start, to: end });
    k = end;
  }
  return spans;
}

/** Where a table begins at word k: a title or field followed by header words, or three header words. */
function tableStart(words: readonly string[], k: number): number | undefined {
  const w = words[k] ?? '';
  const headerWords = (from: number, n: number): number =>
    words
      .slice(from, from + n)
      .filter((x) => columnOf(x) !== undefined || fundRowOf(x) !== undefined).length;
  if ((TABLE_TITLE.test(w) || TABLE_FIELD.test(w)) && headerWords(k + 1, 14) >= 3) return k;
  if (columnOf(w) !== undefined && headerWords(k, 5) >= 3) return k;
  return undefined;
}

/**
 * The number of a part's or chapter's heading word ("第二章", "第二部分": level 0; "四、存在的问题":
 * level 1), else undefined.
 */
function topNumber(word: string): { level: 0 | 1; n: number } | undefined {
  const m = /^(?:([一二三四五六七八九十]{1,3})、|第([一二三四五六七八九十]{1,3})(?:部分|章))/.exec(
    word,
  );
  const n = m ? parseChineseNumeral(m[1] ?? m[2] ?? '') : undefined;
  if (!m || n === undefined || n <= 0) return undefined;
  return { level: m[1] !== undefined ? 1 : 0, n };
}

/** Words a title ends on, after which a chapter's number may follow with nothing between. */
const AFTER_TITLE =
  '报告|情况|概况|结论|措施|问题|职责|职能|目标|分析|应用|建议|说明|结果|成效|总结|部分';
/**
 * What stands before a heading's number run on: a line's start, a stop, a title's last word, or
 * the date a sign-off ends on ("填报日期：2024年5月21日一、…").
 */
const OPENS = `(?<=^|[\\s，,。；;：:！!？?）)”"】》]|${AFTER_TITLE}|\\d日)`;
const LEVELS: readonly RegExp[] = [
  // Parts above chapters ("第一部分 项目概况").
  new RegExp(`${OPENS}第([一二三四五六七八九十]{1,3})(?:部分|章)(?=[\\s\\p{Script=Han}])`, 'gu'),
  // A chapter also right after a title ("…自评报告一、基本情况", "第一部分 项目概况一、项目背景").
  new RegExp(
    `${OPENS}([一二三四五六七八九十]{1,3})、(?=[\\p{Script=Han}“《]|(?:19|20)\\d{2}年)(?![一二三四五六七八九十][、级])`,
    'gu',
  ),
  // A bracketed number needs nothing before it: "…完成情况（一）产出指标" opens a part too.
  // A space may stand after it where lines were joined by spaces ("（2） 成本指标").
  new RegExp(`[（(]([一二三四五六七八九十]{1,3})[）)](?=\\s?[\\p{Script=Han}])`, 'gu'),
  // A list item may open on a year ("分别是：1、2023年…"), but only after 、: "1.2023" is a figure.
  new RegExp(
    `${OPENS}([\\d０-９]{1,2})(?:[、.．](?=\\s?[\\p{Script=Han}])|、(?=(?:19|20)\\d{2}年))`,
    'gu',
  ),
  new RegExp(`[（(]([\\d０-９]{1,2})[）)](?=\\s?[\\p{Script=Han}])`, 'gu'),
  // Circled numbers are no figure of prose: they need nothing before them either.
  new RegExp(`([\u2474-\u2487])(?=[\\p{Script=Han}])`, 'gu'),
  new RegExp(`([\u2460-\u2473])(?=[\\p{Script=Han}])`, 'gu'),
];

/**
 * Where the headings of a text run together begin: the numbers of each level (一、 （一） 1. （1）)
 * that follow the last of their level in order (a part or chapter may skip one; a lower number out
 * of order may be a list's "二、三级" as well as a slip), a level starting again from 1 under each
 * heading above it; none unless
 * two chapters (一、 二、) are among them.
 */
/**
 * Levels whose first number may be the report's slip for the next number of the level above
 * (LEVELS: 1 一、, 2 （一）, 3 1、, 4 （1））: 1、 for a chapter, （1） for a part.
 */
const STYLE_SLIPS = new Map<number, { level: number; number: RegExp }>([
  [3, { level: 1, number: /^\d{1,2}、/ }],
  [4, { level: 2, number: /^[（(]\d{1,2}[）)]/ }],
]);

function headingStarts(line: string): number[] {
  const found: { at: number; level: number; value: number }[] = [];
  LEVELS.forEach((re, level) => {
    for (const m of line.matchAll(re)) {
      // Valued as a heading's number at the start of a line is (read/heading.ts).
      const value = headingNumber(m[0])?.number.value;
      if (value !== undefined) found.push({ at: m.index, level, value });
    }
  });
  found.sort((a, b) => a.at - b.at);
  const last = LEVELS.map(() => 0);
  const lastAt = LEVELS.map(() => 0);
  const starts: number[] = [];
  const levels: number[] = [];
  let chapters = 0;
  for (const found1 of found) {
    // A chapter numbered in the wrong style ("四、资产管理情况…。5、 政府性基金预算…"), the report's
    // own slip: the next chapter's number as a list's first item, after a sentence's end, where
    // no list of that style has begun under the chapter.
    // The same of a part ("（一）预算执行率…。（2） 成本指标").
    const above = STYLE_SLIPS.get(found1.level);
    const slip =
      above !== undefined &&
      above.number.test(line.slice(found1.at)) &&
      (last[above.level] ?? 0) > 0 &&
      found1.value === (last[above.level] ?? 0) + 1 &&
      (last[found1.level] ?? 0) === 0 &&
      /[。！？!?；;]\s*$/.test(line.slice(Math.max(0, found1.at - 4), found1.at));
    const f = slip ? { ...found1, level: above.level } : found1;
    const prev = last[f.level] ?? 0;
    // A part or chapter may skip one (the report's own slip, for the numbering check to tell),
    // unless the one between stands there run on after a word no title ends on ("…1.2万亩二、
    // 部门收支情况"): that one opens its chapter. A lower number comes next, or right after a
    // sentence's end skips one or repeats the last (the report's slips again).
    const stop = /[。！？!?；;]\s*$/.test(line.slice(Math.max(0, f.at - 4), f.at));
    const skip = prev > 0 && f.value === prev + 2 && (f.level <= 1 || stop);
    const repeat = prev > 0 && f.value === prev && stop;
    // An excerpt may begin at any chapter ("二、部门整体支出情况…"): the first part or chapter
    // of the text, with none above it, may have any number.
    const opening = f.level <= 1 && last.slice(0, f.level + 1).every((v) => v === 0);
    if (f.value !== prev + 1 && !skip && !repeat && !opening) continue;
    if (skip && f.level <= 1) {
      const skipped = missedNumber(line, lastAt[f.level] ?? 0, f.at, f.level, prev + 1);
      if (skipped !== undefined) {
        starts.push(skipped);
        if (f.level <= 1) chapters++;
      }
    }
    lastAt[f.level] = f.at;
    last[f.level] = f.value;
    for (let l = f.level + 1; l < last.length; l++) last[l] = 0;
    starts.push(f.at);
    levels.push(f.level);
    if (f.level <= 1) chapters++;
  }
  // Two chapters at least: a paragraph may number its own points ("（一）…；（二）…"). A page's
  // opening may hold one chapter only, with its parts and lists under it: a line that long with
  // that many numbers in their order is a report's text all the same, as is one whose chapter
  // has a part under it and an item under that ("一、… （一）资金保障 1. 市县履行…").
  const nested = [1, 2, 3].every((l, k) => {
    const at = levels.indexOf(l);
    return at >= 0 && (k === 0 || at > levels.indexOf(l - 1));
  });
  const opening = chapters === 1 && line.length >= MIN_GLUED && (starts.length >= 6 || nested);
  return chapters >= 2 || opening ? starts.sort((a, b) => a - b) : [];
}

/** Where the part or chapter `value` stands between two positions, whatever comes before it. */
function missedNumber(
  line: string,
  from: number,
  to: number,
  level: number,
  value: number,
): number | undefined {
  const re =
    level === 0
      ? /第([一二三四五六七八九十]{1,3})(?:部分|章)/gu
      : /([一二三四五六七八九十]{1,3})、(?=[\p{Script=Han}“《])(?![一二三四五六七八九十][、级])/gu;
  for (const m of line.slice(from + 1, to).matchAll(re))
    if (headingNumber(m[0])?.number.value === value) return from + 1 + m.index;
  return undefined;
}
