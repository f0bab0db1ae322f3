import { parseExpression, sumPoints } from '@jixiao/domain';
import type { Adjustment, IndicatorNode } from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import type { NumberStyle } from '../read/heading.ts';
import { headingNumber } from '../read/heading.ts';
import { NUM, sourceRef, squash } from './text.ts';

const N = NUM;
/** Ends a value: a stop or a comma, but not the thousands comma of "1,356小时". */
const SEP = '(?:[，；;。]|,(?!\\d{3}))';
/** "得分12分", "自评得分12分", "指标得分12分". */
const SCORE = '(?:自评|指标)?得分';
const TARGET_ANY = new RegExp(`年度指标值[：:]?(.+?)${SEP}`);
const ACTUAL_ANY = new RegExp(`实际完成值[：:]?(.+?)${SEP}`);
/** "预算执行率(分值10分，得8分，扣2分)" — a group with weight, score and deduction. */
const GROUP_FULL = new RegExp(
  `^(.+?)[（(](?:指标)?(?:分值|权重)${N}分[，,、]?得(?:分)?${N}分(?:[，,、]?(?:扣(?:分)?${N}分|(未扣分)))?[）)]`,
);
/**
 * "产出指标（50分），得分48.5分。…", "效益指标（分值30分）：得29分", "决策指标（20分）得19分（其中：…）"
 * — weight, then score.
 */
const GROUP_AFTER = new RegExp(
  `^([^，。；：,;:（(]{2,16}?)[（(](?:分值|权重|满分)?(?:为)?${N}分[）)][，,：:]?(?:自评)?得(?:分)?(?:为)?${N}分(?:[，,](?:扣(?:分)?${N}分|(未扣分)))?(?:[。，,；;（(]|$)`,
);
/** "…，该项得10分。": the one score of a paragraph under a heading that gave the weight. */
const TRAILING_SCORE = new RegExp(
  `(?:该项|本项|该指标|本指标)?(?:自评)?得(?:分)?(?:为)?${N}分`,
  'g',
);
/**
 * "预算编制情况（28分）", "预算编制合理性（5分）。", "产出指标（分值50分）：" (its leaves below) —
 * weight only.
 */
const WEIGHT_ONLY = new RegExp(
  `^(.+?)[（(](?:(?:分值|权重|满分)(?:为)?)?${N}分[）)](?:[。.]|[：:](?=$))?$`,
);
/**
 * "（一）预算执行率（10分）。全年预算数…，得9.63分。" — the weight, then the text of its evidence;
 * also with no stop before a score ("…效率性（3分）自评得分3分，…"), and a name holding a comma
 * that parts no figures ("预决算信息,绩效评价结果公开性（4分）。…"), as a heading run on into its
 * paragraph gives them.
 */
const WEIGHT_RUN_IN = new RegExp(
  `^((?:[^，。；：,;:（(]|,(?!\\d)){2,24}?)[（(](?:分值|权重|满分)?(?:为)?${N}分[）)](?:。|(?=(?:自评)?得分\\d))(.+)$`,
);
/** "预算编制。指标分值18分，…" — a run-in group with its weight. */
const RUN_IN_GROUP = new RegExp(`^([^，。]{2,16})。(?:该)?指标(?:分值|权重|满分)(?:为)?${N}分`);
/** "人员管理。自评得分2分，…" — a run-in leaf with its score. */
const RUN_IN_LEAF = new RegExp(`^([^，。]{2,16})。自评(?:得分|评分)(?:为)?${N}分`);
/**
 * "…，年度指标值：A，实际完成值：B，分值5分，得分5分" — a narrative leaf; also written
 * "…——年度目标：A；完成情况：B；分值：5分；得分：5分".
 */
const NARRATIVE_LEAF = new RegExp(
  `^(.+?)(?:[，,；;：:]|——?)(?:年度指标值|年度目标值?|目标值)[：:]?(.+?)${SEP}(?:实际(?:完成|指标)?值|完成情况|实际完成)[：:]?(.+?)${SEP}分值[：:]?${N}分[，,；;]?${SCORE}[：:]?${N}分`,
);
const TITLE_ONLY = /^[^，。；：,;:]{2,12}。?$/;
/**
 * "预算执行率（分值10分），执行率98.11%，得9.81分。", "满意度指标（分值10分），游客满意度95.8%，得10分。":
 * a leaf's weight, the one figure it is scored on, then its score (and perhaps why points were lost),
 * run on in one sentence (after a colon, text opens below a heading: not so read).
 */
const SCORED_ON = new RegExp(
  `^([^，。；：,;:（(]{2,16}?)[（(](?:分值|权重|满分)(?:为)?${N}分[）)][，,]([^。；;，,分（(]{1,30}?)[，,](?:自评)?得(?:分)?(?:为)?${N}分(?:[，,；;。](.*))?$`,
);
/**
 * "数量指标（分值15分）：全年接待读者18.6万人次，年度指标值≥18万人次，得15分。": a leaf's weight, then
 * after a colon the text of its evidence on the same line, holding its one score.
 */
const COLON_SCORED = new RegExp(
  `^([^，。；：,;:（(]{2,16}?)[（(](?:分值|权重|满分)(?:为)?${N}分[）)][：:](.+)$`,
);
const COLON_TARGET = new RegExp(`(?:年度指标值|年度目标值?|目标值)[：:]?(.+?)${SEP}`);
const COLON_ACTUAL = new RegExp(`(?:实际完成值?|完成值)[：:]?(.+?)${SEP}`);
/**
 * "指标3：草原生态修复治理面积。年度指标值…": an indicator listed by its number, its name a sentence
 * of its own before its figures. Read as "草原生态修复治理面积，年度指标值…".
 */
const LISTED_LEAF = /^指标\s*\d{1,2}\s*[：:]\s*([^，。；：,;:]{2,24})。(?=年度指标值|年度目标)/;
function unlisted(body: string): string {
  return body.replace(LISTED_LEAF, '$1，');
}
/** "该项指标分值28分，得分28分，未扣分。" under a heading: the heading is a group. */
const FIG_GROUP = new RegExp(
  `^(?:该项)?指标分值${N}分[，,]得分${N}分(?:[，,](?:扣(?:分)?${N}分|(未扣分)))?`,
);
/** "年度指标值：A，实际完成值：B，分值5分，得分5分，未扣分。" under a heading: a leaf. */
const FIG_LEAF = new RegExp(
  `^(?:年度指标值[：:]?(.+?)${SEP})?(?:实际完成值[：:]?(.+?)${SEP})?分值${N}分[，,]${SCORE}${N}分(?:[，,](?:扣(?:分)?${N}分|(未扣分)))?`,
);
const FIG_ANY = new RegExp(`分值${N}分[，,]${SCORE}${N}分(?:[，,](?:扣(?:分)?${N}分|(未扣分)))?`);
/** "全年预算数…，预算执行率100%，分值10分，得分10分": figures at the end of a sentence. */
function figuresAnywhere(body: string): (string | undefined)[] | null {
  const m = FIG_ANY.exec(body);
  if (!m) return null;
  // "其中预算执行率指标分值10分，得分9.9分；产出指标分值50分，得分48.6分…": the scores of
  // several indicators in one paragraph are no one leaf's figures.
  if (
    body.indexOf('分值', m.index + m[0].length) >= 0 &&
    FIG_ANY.test(body.slice(m.index + m[0].length))
  )
    return null;
  const target = TARGET_ANY.exec(body)?.[1];
  const actual = ACTUAL_ANY.exec(body)?.[1];
  return [m[0], target, actual, m[1], m[2], m[3], m[4]];
}
/** "获市级先进单位表彰：加1分，…" */
const BONUS_ITEM = new RegExp(`^(.{2,40}?)[：:](加|减)${N}分`);
const REASON = /^偏差原因(?:分析)?(?:及改进措施)?[：:](.+)$/;
/** "…，扣1分，原因是…", "…，主要因…": the reason for points lost, in the leaf's own sentence. */
const REASON_CLAUSE = /(?:原因(?:是|为|主要是|在于)?[：:]?|主要因|因为|由于|系因)([^。；;]{2,})/;

/** "…，得分18分，未达到年度目标": a shortfall said (the words the checks take for a reason). */
const SHORTFALL =
  /[^，,；;。]*(?:未达|未完成|偏差|不足|滞后|推迟|延迟|延期|逾期|影响|[不未]到位)[^，,；;。]*/;

/** The reason a leaf's sentence gives after its figures, or ''. */
function reasonIn(rest: string): string {
  return REASON_CLAUSE.exec(rest)?.[1] ?? SHORTFALL.exec(rest)?.[0] ?? '';
}

const SELF_SCORE = new RegExp(`^自评(?:得分|评分)(?:为)?${N}分`);
const NOT_ASSESSED = /本项指标不考核|不纳入考核|不适用/;
const BONUS = new RegExp(`^(加分|减分)(?:得分|项)?[：:]?${N}分`);
/** A title of points added or deducted, closed by a stop: "加减分项。", "加分情况。". */
const BONUS_TITLE = /^[^，。]{0,8}?(?:加减分|加分|减分)(?:项|情况)?。/;
/** "自评结论：总分值100分，得分95分，等级为优": the whole evaluation's result, not an indicator. */
const CONCLUSION = /结论|总分|总得分|综合得分|综合评价|总体评价|评价等级|等级为|等次为|评价结果/;

/** "一、项目基本情况": a chapter of the report, whose paragraph may state a score in passing. */
const CHAPTER = /(?:情况|概况|简介|说明)$/;

export interface IndicatorExtraction {
  indicators: IndicatorNode[];
  adjustments: Adjustment[];
  /** Lines of the indicator headings and leaves, for the document checks. */
  count: number;
}

interface Open {
  node: IndicatorNode;
  style: NumberStyle | undefined;
  value: number | undefined;
  hasLeaf: boolean;
}

const num = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : Number(s.replace(/,/g, ''));

/**
 * Reads the indicator tree written as narrative: group headings with 分值/得分/扣分, leaves with
 * 年度指标值/实际完成值/分值/得分, and the "（N分）" + "自评得分X分" form. Placement follows the
 * numbering, and a group numbered in the style of its siblings' leaves still becomes a group sibling.
 */
export function extractNarrativeIndicators(blocks: readonly Block[]): IndicatorExtraction {
  const roots: IndicatorNode[] = [];
  const adjustments: Adjustment[] = [];
  const stack: Open[] = [];
  let count = 0;

  const childrenOfTop = (): IndicatorNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return roots;
    top.node.children ??= [];
    return top.node.children;
  };
  const matchStyle = (style: NumberStyle | undefined, value: number | undefined): number => {
    if (style === undefined) return -1;
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.style === style) return i;
    if (value !== undefined && value >= 2) {
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.value === value - 1) return i;
    }
    return -1;
  };
  // A group that would not fit in the weight left under the open group is its sibling, whatever
  // its number says ("⑵可持续影响指标(分值6分)" after the leaf "⑴…分值4分" of a 4-point group).
  const overflows = (top: Open | undefined, node: IndicatorNode): boolean => {
    if (!top?.hasLeaf || node.weight === undefined || top.node.weight === undefined) return false;
    const used = sumPoints((top.node.children ?? []).map((c) => c.weight ?? 0));
    return used + node.weight > top.node.weight;
  };
  const addGroup = (
    node: IndicatorNode,
    style: NumberStyle | undefined,
    value: number | undefined,
  ): void => {
    const at = matchStyle(style, value);
    let inherited: Open | undefined;
    if (at >= 0) stack.length = at;
    else if (style === undefined || overflows(stack[stack.length - 1], node))
      inherited = stack.pop();
    childrenOfTop().push(node);
    // An unnumbered group takes the place of the next number among its siblings.
    const own =
      style === undefined && inherited
        ? { style: inherited.style, value: (inherited.value ?? 0) + 1 }
        : { style, value };
    stack.push({ node, ...own, hasLeaf: false });
    count++;
  };
  const addLeaf = (node: IndicatorNode, style: NumberStyle | undefined): void => {
    if (style !== undefined) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]?.style === style) {
          stack.length = i;
          break;
        }
      }
    }
    childrenOfTop().push(node);
    const top = stack[stack.length - 1];
    if (top) top.hasLeaf = true;
    count++;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b || b.kind === 'table') continue;
    const raw = b.text.trim();
    const parsed = headingNumber(raw);
    const body = unlisted(squash(parsed ? parsed.rest : raw));
    const style = parsed?.number.style;
    const value = parsed?.number.value;
    const base = (name: string): IndicatorNode => {
      const node: IndicatorNode = {
        name: name.replace(/[。：:]$/, ''),
        source: sourceRef(b.line, raw),
      };
      // "一、项目资金情况": a chapter's number, checked with the chapters, not the indicators.
      if (parsed && !(style === 'cn-dun' && CHAPTER.test(body)))
        node.numberText = parsed.number.text;
      return node;
    };

    // A heading whose figures follow in the next paragraph (the layout of generated reports).
    const next = blocks[i + 1];
    const nextBody = next && next.kind === 'paragraph' ? squash(next.text) : '';
    if (
      next &&
      b.kind === 'heading' &&
      nextBody !== '' &&
      !/分值|[\d.]+分[）)]/.test(body) &&
      !CONCLUSION.test(body) &&
      !CONCLUSION.test(nextBody) &&
      headingNumber(next.text.trim()) === undefined &&
      !NARRATIVE_LEAF.test(nextBody)
    ) {
      const g = FIG_GROUP.exec(nextBody);
      const l = g ? undefined : (FIG_LEAF.exec(nextBody) ?? figuresAnywhere(nextBody));
      if (g) {
        const node = base(body);
        node.weight = Number(g[1]);
        node.score = Number(g[2]);
        const d = num(g[3]) ?? (g[4] ? 0 : undefined);
        if (d !== undefined) node.deduction = d;
        node.source = sourceRef(next.line, next.text.trim());
        node.source.excerpt = `${raw} ${next.text.trim()}`;
        addGroup(node, style, value);
        i++;
        continue;
      }
      if (l) {
        const node = base(body);
        if (l[1]) node.target = parseExpression(l[1]);
        if (l[2]) node.actual = parseExpression(l[2]);
        node.weight = Number(l[3]);
        node.score = Number(l[4]);
        const d = num(l[5]) ?? (l[6] ? 0 : undefined);
        if (d !== undefined) node.deduction = d;
        node.source = { line: next.line, excerpt: `${raw} ${next.text.trim()}` };
        const after = blocks[i + 2];
        const reason = after && after.kind === 'paragraph' ? REASON.exec(after.text.trim()) : null;
        const own = l[0] ? reasonIn(nextBody.slice(nextBody.indexOf(l[0]) + l[0].length)) : '';
        if (reason?.[1]) {
          node.deviationReason = reason[1];
          i++;
        } else if (own) node.deviationReason = own;
        // The plain paragraphs below its figures, up to the next heading, numbered paragraph or
        // figure of a score: its evidence, a paragraph a line (as the writer puts it).
        const evidence = evidenceBelow(blocks, i + 1);
        if (evidence !== '') node.evidence = evidence;
        addLeaf(node, style);
        i++;
        continue;
      }
    }
    const item = BONUS_ITEM.exec(body);
    if (item?.[1] && item[3] !== undefined) {
      adjustments.push({
        name: item[1],
        kind: item[2] === '减' ? 'penalty' : 'bonus',
        points: Number(item[3]),
        source: sourceRef(b.line, raw),
      });
      continue;
    }
    // Also after its title run in ("加减分项。加分得分3.5分。…").
    const bonus = BONUS.exec(body) ?? BONUS.exec(body.replace(BONUS_TITLE, ''));
    if (bonus?.[2]) {
      adjustments.push({
        name: bonus[1] === '减分' ? '减分项' : '加分项',
        kind: bonus[1] === '减分' ? 'penalty' : 'bonus',
        points: Number(bonus[2]),
        source: sourceRef(b.line, raw),
      });
      continue;
    }
    const leaf = NARRATIVE_LEAF.exec(body);
    if (leaf?.[1] && leaf[2] && leaf[3]) {
      // "A，年度指标值…，得分15分。B，年度指标值…，得分15分。": each sentence a leaf of its own.
      let m: RegExpExecArray | null = leaf;
      let rest = body;
      let own = style;
      while (m?.[1] && m[2] && m[3]) {
        const node = base(m[1]);
        node.target = parseExpression(m[2]);
        node.actual = parseExpression(m[3]);
        node.weight = Number(m[4]);
        node.score = Number(m[5]);
        const after = rest.slice(m.index + m[0].length);
        const stop = after.indexOf('。');
        const next = stop >= 0 ? NARRATIVE_LEAF.exec(after.slice(stop + 1)) : null;
        const why = reasonIn(next ? after.slice(0, stop) : after);
        if (why) node.deviationReason = why;
        addLeaf(node, own);
        own = undefined;
        rest = after.slice(stop + 1);
        m = next;
      }
      continue;
    }
    const full = GROUP_FULL.exec(body);
    // A long paragraph is a group's only when its title, a short name, opens it: the heading run
    // on into its text ("1、数量指标（分值10分，得10分，未扣分）提供有价值的参阅资料，…").
    const heads = body.length <= 60 || /^[^，。；：,;:]{2,20}$/.test(full?.[1] ?? '');
    if (full?.[1] && heads && !CONCLUSION.test(full[1])) {
      const node = base(full[1]);
      node.weight = Number(full[2]);
      node.score = Number(full[3]);
      const d = num(full[4]) ?? (full[5] ? 0 : undefined);
      if (d !== undefined) node.deduction = d;
      // As for a group whose score follows its weight: the rest of its paragraph and its section
      // are its evidence (the reason for points lost, when no leaf is read below it).
      const section = [body.slice(full[0].length), ...sectionBelow(blocks, i, style)].join('');
      if (section.replace(/^[。．.，,；;：:\s]+/, '') !== '') node.evidence = section;
      addGroup(node, style, value);
      continue;
    }
    const after = GROUP_AFTER.exec(body);
    if (after?.[1] && !CONCLUSION.test(after[1]) && !/其中|分别/.test(after[1])) {
      const node = base(after[1]);
      node.weight = Number(after[2]);
      node.score = Number(after[3]);
      const d = num(after[4]) ?? (after[5] ? 0 : undefined);
      if (d !== undefined) node.deduction = d;
      // Its section (the rest of the paragraph and the paragraphs up to the next heading of its
      // rank) is its evidence: the reasons for points lost are said there, leaf by leaf.
      node.evidence = [body.slice(after[0].length), ...sectionBelow(blocks, i, style)].join('');
      addGroup(node, style, value);
      continue;
    }
    const weightOnly = WEIGHT_ONLY.exec(body);
    if (weightOnly?.[1]) {
      const node = base(weightOnly[1]);
      node.weight = Number(weightOnly[2]);
      const next = blocks[i + 1];
      const nextText = next && next.kind !== 'table' ? squash(next.text) : '';
      const self = SELF_SCORE.exec(nextText);
      // "（一）预算执行率（10分）" then "全年预算数…，执行率88.62%，该项得10分。": a paragraph
      // with one score and no weight of its own, not numbered, is the heading's evidence.
      const scores = [...nextText.matchAll(TRAILING_SCORE)];
      const trailing =
        next &&
        next.kind === 'paragraph' &&
        scores.length === 1 &&
        !/分值|权重|满分|[（(][\d.]+分[）)]|总分|合计/.test(nextText) &&
        headingNumber(next.text.trim()) === undefined
          ? scores[0]
          : undefined;
      // "（二）产出指标（50分）" then "产出指标共5项，得48.72分。" then its items scored one by one:
      // the one score is the group's.
      const after = blocks[i + 2];
      const itemsBelow =
        after !== undefined &&
        after.kind !== 'table' &&
        NARRATIVE_LEAF.test(unlisted(squash(after.text.trim())));
      if (trailing?.[1] !== undefined && next && itemsBelow) {
        node.score = Number(trailing[1]);
        node.evidence = next.text.trim();
        addGroup(node, style, value);
        i++;
      } else if (self?.[1] !== undefined && next) {
        node.score = Number(self[1]);
        node.evidence = next.text.trim();
        addLeaf(node, style);
        i++;
      } else if (trailing?.[1] !== undefined && next) {
        node.score = Number(trailing[1]);
        node.evidence = next.text.trim();
        const why = reasonIn(nextText);
        if (why) node.deviationReason = why;
        addLeaf(node, style);
        i++;
      } else if (NOT_ASSESSED.test(nextText)) {
        node.notAssessed = true;
        node.evidence = next?.text.trim() ?? '';
        addLeaf(node, style);
        i++;
      } else addGroup(node, style, value);
      continue;
    }
    const weightRunIn = WEIGHT_RUN_IN.exec(body);
    // The execution rate is read so: its evidence is the year's fund sentence, run in after its
    // heading; other groups written so list their leaves in the text that follows. Under a group
    // of more points ("（二）产出指标（50分），得49.50分" then "1.送戏下乡演出场次（10分）。年度目标
    // …，得10分。"), an item so written is a leaf of that group, scored in its own text.
    const open = stack[stack.length - 1]?.node.weight;
    const inGroup =
      weightRunIn?.[2] !== undefined &&
      open !== undefined &&
      style !== undefined &&
      stack[stack.length - 1]?.style !== style &&
      Number(weightRunIn[2]) < open;
    if (
      weightRunIn?.[1] &&
      weightRunIn[3] !== undefined &&
      (/执行率$/.test(weightRunIn[1]) || inGroup)
    ) {
      const node = base(weightRunIn[1]);
      node.weight = Number(weightRunIn[2]);
      // Its text runs on in the unnumbered paragraphs below it: one score there and no weight of
      // another indicator make it a leaf with that score.
      const text = [weightRunIn[3], ...runOn(blocks, i)].join('');
      const scores = [...text.matchAll(TRAILING_SCORE)];
      // A text that opens with its score ("自评得分5分，…") is this leaf's, as the paragraph under
      // a heading that gave the weight is; any other text holds one score and no other weight.
      const self = SELF_SCORE.exec(squash(weightRunIn[3]));
      const score =
        self?.[1] ??
        (scores.length === 1 && !/分值|权重|满分|[（(][\d.]+分[）)]|总分|合计/.test(text)
          ? scores[0]?.[1]
          : undefined);
      if (self === null && NOT_ASSESSED.test(text)) {
        // "（6）资金下达合法性（3分）。…本项指标不考核，3分分值调整至…": not assessed this year.
        node.notAssessed = true;
        node.evidence = text;
        addLeaf(node, style);
      } else if (score !== undefined) {
        node.score = Number(score);
        node.evidence = text;
        const why = reasonIn(text);
        if (why) node.deviationReason = why;
        addLeaf(node, style);
      } else addGroup(node, style, value);
      continue;
    }
    const runGroup = RUN_IN_GROUP.exec(body);
    if (runGroup?.[1]) {
      const node = base(runGroup[1]);
      node.weight = Number(runGroup[2]);
      addGroup(node, style, value);
      continue;
    }
    // "2.效率性。": a numbered title-only paragraph inside the tree is a group without a weight.
    if (
      parsed &&
      stack.length > 0 &&
      b.kind === 'paragraph' &&
      TITLE_ONLY.test(body) &&
      !/加减分|加分|减分/.test(body)
    ) {
      addGroup(base(body), style, value);
      continue;
    }
    const runLeaf = RUN_IN_LEAF.exec(body);
    if (runLeaf?.[1]) {
      // "重点工作完成率（3分）。自评得分3分": its 分值 stated after the name.
      const named = WEIGHT_ONLY.exec(runLeaf[1]);
      const node = base(named?.[1] ?? runLeaf[1]);
      if (named?.[2] !== undefined) node.weight = Number(named[2]);
      node.score = Number(runLeaf[2]);
      node.evidence = raw;
      addLeaf(node, style);
      continue;
    }
    const scoredOn = SCORED_ON.exec(body);
    if (scoredOn?.[1] && scoredOn[2] !== undefined && scoredOn[4] !== undefined) {
      const node = base(scoredOn[1]);
      node.weight = Number(scoredOn[2]);
      node.score = Number(scoredOn[4]);
      node.evidence = body;
      const why = reasonIn(scoredOn[5] ?? '');
      if (why) node.deviationReason = why;
      addLeaf(node, style);
      continue;
    }
    const colon = COLON_SCORED.exec(body);
    if (colon?.[1] && colon[2] !== undefined && colon[3] !== undefined) {
      const text = colon[3];
      const scores = [...text.matchAll(TRAILING_SCORE)];
      const score = scores.length === 1 ? scores[0]?.[1] : undefined;
      // Its evidence holds one score and no other indicator's weight, and no item numbered below
      // it scores a part of it (then the line is a group's, whose text runs on above its leaves).
      const below = next && next.kind !== 'table' ? next.text.trim() : '';
      const belowStyle = headingNumber(below)?.number.style;
      const partsBelow =
        belowStyle !== undefined &&
        belowStyle !== style &&
        belowStyle !== 'cn-dun' &&
        !stack.some((o) => o.style === belowStyle) &&
        /分值|权重|满分|[（(][\d.]+分[）)]|得(?:分)?[\d.]+分/.test(below);
      if (
        score !== undefined &&
        !partsBelow &&
        !CONCLUSION.test(colon[1]) &&
        !/其中|分别/.test(colon[1]) &&
        !/分值|权重|满分|[（(][\d.]+分[）)]|总分|合计/.test(text)
      ) {
        const node = base(colon[1]);
        node.weight = Number(colon[2]);
        node.score = Number(score);
        node.evidence = text;
        // "年度目标值100%，实际完成100%": its target and actual, where the text names both.
        const target = COLON_TARGET.exec(text)?.[1];
        const actual = COLON_ACTUAL.exec(text)?.[1];
        if (target && actual) {
          node.target = parseExpression(target);
          node.actual = parseExpression(actual);
        }
        const why = reasonIn(text);
        if (why) node.deviationReason = why;
        addLeaf(node, style);
      }
    }
  }
  const indicators = withoutRestatements(roots);
  return { indicators, adjustments, count: count - (roots.length - indicators.length) };
}

/**
 * The paragraphs after block `at` up to the next one numbered in `style` or as a chapter (一、),
 * a table, or an unnumbered heading: the section a group heading opens.
 */
/**
 * The unnumbered paragraphs after block `at`, joined by line feeds, up to a heading, a table, a
 * numbered paragraph, or one that states a weight, a score or a reason of its own.
 */
function evidenceBelow(blocks: readonly Block[], at: number): string {
  const out: string[] = [];
  for (let j = at + 1; j < blocks.length && out.length < 40; j++) {
    const b = blocks[j];
    if (!b || b.kind !== 'paragraph') break;
    const text = b.text.trim();
    if (headingNumber(text) !== undefined || REASON.test(text)) break;
    if (/分值|权重|满分|得分?\s*[\d.]+\s*分|[（(][\d.]+分[）)]/.test(squash(text))) break;
    out.push(text);
  }
  return out.join('\n');
}

/** The paragraphs after a block up to the next heading or numbered paragraph (a wrap's rest). */
function runOn(blocks: readonly Block[], at: number): string[] {
  const out: string[] = [];
  for (let j = at + 1; j < blocks.length && out.length < 12; j++) {
    const b = blocks[j];
    if (!b || b.kind !== 'paragraph' || headingNumber(b.text.trim())) break;
    out.push(squash(b.text));
  }
  return out;
}

function sectionBelow(
  blocks: readonly Block[],
  at: number,
  style: NumberStyle | undefined,
): string[] {
  const out: string[] = [];
  for (let j = at + 1; j < blocks.length && out.length < 12; j++) {
    const b = blocks[j];
    if (!b || b.kind === 'table') break;
    const n = headingNumber(b.text.trim())?.number.style;
    if (n === undefined ? b.kind === 'heading' : n === style || n === 'cn-dun') break;
    out.push(squash(b.text));
  }
  return out;
}

/**
 * Leaves of a 自评表 with a 分值 and no 得分 that the report's text says are not assessed this
 * year ("资金下达合法性…本项指标不考核，3分分值调整至…"): marked so, in place, so that the rulebook
 * moves or drops their weight as it would for the same words in the narrative.
 */
export function markNotAssessed(
  indicators: readonly IndicatorNode[],
  blocks: readonly Block[],
): void {
  const open: IndicatorNode[] = [];
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if ((n.children ?? []).length > 0) walk(n.children ?? []);
      else if (n.weight !== undefined && n.score === undefined && !n.notAssessed) open.push(n);
    }
  };
  walk(indicators);
  if (open.length === 0) return;
  const texts = blocks.filter((b) => b.kind !== 'table').map((b) => squash(b.text));
  for (const leaf of open) {
    const name = squash(leaf.name);
    if (name.length < 2) continue;
    // The name, then within the next paragraph or in the same one, the words that say so.
    const at = texts.findIndex((t) => t.includes(name));
    if (at < 0) continue;
    const said = [texts[at] ?? '', texts[at + 1] ?? '', texts[at + 2] ?? ''].find((t) =>
      NOT_ASSESSED.test(t),
    );
    if (said !== undefined) {
      leaf.notAssessed = true;
      leaf.evidence ??= said;
    }
  }
}

/**
 * Leaves read outside any group that restate a leaf found inside one (same name, 分值 and 得分):
 * a summary paragraph ("⑴资金使用合规性，…分值4分，得分4分") before the chapter that gives the
 * tree. They are the same indicator said twice, not top-level indicators of their own.
 */
function withoutRestatements(roots: IndicatorNode[]): IndicatorNode[] {
  const key = (n: IndicatorNode): string => `${squash(n.name)}|${n.weight}|${n.score}`;
  const nested = new Set<string>();
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if ((n.children ?? []).length === 0) nested.add(key(n));
      else walk(n.children ?? []);
    }
  };
  for (const root of roots) walk(root.children ?? []);
  if (nested.size === 0) return roots;
  return roots.filter(
    (n) => (n.children ?? []).length > 0 || n.weight === undefined || !nested.has(key(n)),
  );
}
