import type { PartWhole } from '../extract/claim-relations.ts';
import { sameKind } from '../extract/claim-relations.ts';
import type { Claim, Statement } from '../extract/claims.ts';

/** A clause before a figure that names a part and nothing else (no figure, no stop). */
const PART_NAME = /^[，,、；;]?([^\d，,、；;。：:！？]{2,20})$/;
/** Names of a whole, a plan, a balance or a comparison, never one more part of a list. */
const NOT_A_PART =
  /合计|总计|共计|总额|总数|全年|累计|预算|结余|结转|上年|同比|比上|较上|增长|下降|减少|增加|其中|另有|此外|执行率/;
/** A statement opening with a heading's number or a bullet: a new item, not the list's rest. */
const ITEM_START =
  /^(?:[（(]?[\d一二三四五六七八九十]{1,3}[）)、.．](?!\d)|第[一二三四五六七八九十\d]+[部章条])/;

/**
 * "全年“三公”经费支出12.86万元，其中：公务接待费3.24万元。公务用车运行维护费9.12万元，因公出国
 * （境）费0万元。" and "其中，办案补贴…；工作站运行经费25.30万元。法治宣传经费13.38万元。": a 其中
 * list whose last part ends its statement may go on in the next one, when that one opens with
 * parts alone (a name and a figure of the parts' kind, clause after clause). The parts it adds,
 * none when the next statement opens otherwise.
 */
export function partsGoingOn(s: Statement, pw: PartWhole, next: Statement | undefined): Claim[] {
  const last = pw.parts[pw.parts.length - 1];
  if (!next || !last || !s.claims.includes(last) || ITEM_START.test(next.text)) return [];
  // The list must run to its statement's end: no figure of the kind after its last part.
  if (s.claims.some((c) => c.at > last.at && sameKind(c, pw.whole))) return [];
  if (!/。$/.test(s.text) || s.text.lastIndexOf('其中', pw.parts[0]?.at ?? 0) < 0) return [];
  const whole = pw.whole.key || pw.whole.name;
  const out: Claim[] = [];
  let from = 0;
  for (const c of next.claims) {
    const name = PART_NAME.exec(next.text.slice(from, c.at))?.[1];
    if (name === undefined || c.kind === 'percent' || c.approximate || c.depth > 0) break;
    if (!sameKind(c, pw.whole) || NOT_A_PART.test(name) || (c.key || c.name) === whole) break;
    out.push(c);
    // What follows a part up to the next clause ("，主要为…") ends the list.
    const rest = /^[^，,、；;。]*/.exec(next.text.slice(c.end))?.[0] ?? '';
    if (rest !== '') break;
    from = c.end;
  }
  return out;
}

/**
 * Whether added parts are of one kind with the list's own, named alike (公务接待费, 公务用车运行
 * 维护费, 因公出国（境）费): only then may a sum they leave short of the whole be said wrong.
 */
export function namedAlike(parts: readonly Claim[]): boolean {
  const tail = (c: Claim): string => (c.key || c.name).slice(-1);
  const first = parts[0];
  return first !== undefined && parts.every((c) => tail(c) === tail(first));
}

/** Words of a figure compared with: another year's, not the one broken down. */
const COMPARED = /比|较|上年|去年|同期|上一年/;

/**
 * A statement opening on the dimension its figures break a total down by ("按学段分："), or on
 * what the money went to item by item ("资金具体用于：", "具体为："; not "主要用于", which names
 * the main uses only).
 */
const BY_DIMENSION =
  /^(?:(?:按|从)[^，,：:；;。\d]{1,10}?(?:分|划分|区分|来看|看)[，,：:]|(?:(?:项目|专项|补助|上述)?资金)?具体(?:用于|为|包括)[：:])/;

/**
 * A figure written as a clause of its own, its name before it, a note in brackets after it
 * allowed ("群测群防员补助624,000.00元（208人，每人每年3,000元），").
 */
function ownClause(s: Statement, c: Claim): boolean {
  if (c.bare) return true;
  const note = /^[（(][^（()）]*[）)](?=[，,；;。、]|$)/.exec(s.text.slice(c.end));
  if (!note) return false;
  const start = Math.max(
    ...['，', ',', '；', ';', '：', ':', '、', '。'].map((p) => s.text.lastIndexOf(p, c.at)),
  );
  return !/\d/.test(s.text.slice(start + 1, c.at));
}

/**
 * "项目实际支出1,241.72万元，预算执行率96.53%。按学段分：学前教育幼儿资助146.80万元、义务教育…
 * 648.32万元、普通高中国家助学金410.60万元。": figures of one kind listed by a dimension right after
 * a statement of that kind break its figure down, all of it; the whole is the plan or spending
 * of the statement before that they make, else its last such figure.
 */
export function breakdownAfter(s: Statement, before: Statement | undefined): PartWhole | undefined {
  if (!before || !BY_DIMENSION.test(s.text)) return undefined;
  const first = s.claims.find((c) => c.kind !== 'percent');
  if (!first || first.kind === 'count') return undefined;
  const parts = s.claims.filter((c) => c.depth === 0 && sameKind(c, first) && ownClause(s, c));
  if (parts.length < 2 || parts.some((c) => c.approximate || NOT_A_PART.test(c.name)))
    return undefined;
  // A plan or a spending named as such, not last year's figure it is compared with (nor a figure
  // a cut left without its name: "…22年的3.05亿元").
  const wholes = before.claims.filter(
    (c) =>
      c.depth === 0 &&
      sameKind(c, first) &&
      !c.approximate &&
      c.value !== 0 &&
      c.role !== '' &&
      !COMPARED.test(c.clause),
  );
  const sum = parts.reduce((t, c) => t + c.value, 0);
  const whole =
    wholes.find((c) => Math.abs(c.value - sum) <= c.step * 2 * (parts.length + 1)) ?? wholes.at(-1);
  return whole ? { whole, parts, exhaustive: true, notPartition: false } : undefined;
}
