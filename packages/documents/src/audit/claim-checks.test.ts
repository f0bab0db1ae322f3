import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { capitalsToFen, checkClaims } from './claim-checks.ts';

const check = (text: string) => checkClaims(extractEvaluation(parseTextLines(text, 'x.txt')));
const brief = (text: string) =>
  check(text).map((f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`);

describe('parts and wholes ("X，其中A a，B b")', () => {
  it('reads a list of sources a sentence end broke as one list', () => {
    const text = (own: string): string =>
      `项目总投资39.2696万元，其中：中央财政衔接资金39万元，已下拨到位。自筹资金${own}元，已完成自筹。`;
    expect(brief(text('2696'))).toEqual([]);
    expect(brief(text('2796'))).toEqual(['error DOC_CLAIM_PARTS_EXCEED 39.2696→39.2796']);
    // Also where a PDF's line ended on the 。 and the list goes on in a paragraph of its own.
    expect(brief(text('2796').replace('。自筹', '。\n自筹'))).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 39.2696→39.2796',
    ]);
    // A sentence opening on another sum is no part of the list before it.
    expect(
      brief(
        '项目总投资39.2696万元，其中：中央财政衔接资金39万元。全年支出资金12万元，执行率30.56%。',
      ),
    ).toEqual([]);
  });

  it('reads amounts in 千元 as money, its parts and shares checked and shown in 千元', () => {
    const text = (other: string): string =>
      `全院总收入186,430千元，其中：财政拨款收入42,160千元，医疗收入138,950千元，其他收入${other}千元。`;
    expect(brief(text('5,320'))).toEqual([]);
    expect(brief(text('4,320'))).toEqual(['error DOC_CLAIM_PARTS_SHORT 186430→185430']);
    expect(brief('药品收入38,620千元，占医疗收入138,950千元的27.8%。')).toEqual([]);
    expect(brief('药品收入38,620千元，占医疗收入138,950千元的29.8%。')).toEqual([
      'error DOC_CLAIM_RATE 29.8%→27.8%',
    ]);
    // Half a 千元 of rounding per figure: 0.4 + 0.4 make 0.8 written 1.
    expect(brief('合计1千元，其中甲0.4千元，乙0.4千元。')).toEqual([]);
  });

  it('reads a 其中 paragraph after an amount ending the paragraph before as its parts', () => {
    const text = (second: string): string =>
      `共下达计划生育转移支付资金8,849.00万元。\n其中中央资金6,218.40万元，省级资金${second}万元，主要用于奖励扶助。`;
    expect(brief(text('2,630.60'))).toEqual([]);
    expect(brief(text('2,680.60'))).toEqual(['error DOC_CLAIM_PARTS_EXCEED 8849.00→8899.00']);
    // After a rate the paragraph opening with 其中 may name some items only: no list of the rate.
    expect(
      brief(
        '共实施项目12个，全年支出4,715.20万元，执行率96.97%。\n其中甲项目3,126.00万元，已兑付。',
      ),
    ).toEqual([]);
  });

  it('reports parts that exceed their whole as an error, in any money unit', () => {
    for (const text of [
      '专项资金项目共计113个，财政资金3267.28万元。其中“优”的项目79个财政资金3038.38万元；“良”的项目11个财政资金201.9万元，“中”的项目3个财政资金7万元，“差”的项目20个财政资金218.07万元（“三区”人才项目16个49万元）。',
      '全年支出32672800元，其中：优秀项目30383800元，良好项目2019000元，一般项目70000元，较差项目2180700元。',
      '全年支出3.2672亿元，其中优秀项目3.0383亿元、良好项目0.2019亿元、较差项目0.2181亿元。',
    ]) {
      const found = check(text).filter((f) => f.category === 'sum');
      expect(
        found.map((f) => [f.severity, f.code]),
        text,
      ).toEqual([['error', 'DOC_CLAIM_PARTS_EXCEED']]);
    }
    expect(brief('2023年财政资金3267.28万元，其中甲项目3038.38万元，乙项目301.9万元。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 3267.28→3340.28',
    ]);
  });

  it('adds parts exactly past 2^53 分, and states a whole written in two units in one', () => {
    const parts = Array.from({ length: 10 }, (_, i) => `第${i + 1}项90000亿元`).join('、');
    expect(brief(`全年支出100000亿元，其中${parts}。`)).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 100000→900000',
    ]);
    expect(brief('项目总投资39万元2696元，其中：中央资金39.0000万元，自筹资金3696元。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 39.2696→39.3696',
    ]);
  });

  it('checks counts against their buckets, and stays silent when they add up', () => {
    expect(
      brief('项目共计113个，其中评为优的79个，评为良的11个，评为中的3个，评为差的21个。'),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 113→114']);
    expect(
      brief('项目共计113个，其中评为优的79个，评为良的11个，评为中的3个，评为差的20个。'),
    ).toEqual([]);
  });

  it('warns, never errs, when a 其中 may itemise only part of the whole', () => {
    // Web corpus 004, with its hard line wraps.
    const text =
      '项目21个,项目支出总额656.93万元。其中,本级项目8个,本\n级项目支出385.58万元;对下转移支付项目0个,对下转移支付0\n万元。项目中,敏感涉密项目0个,涉及资金0万元。';
    expect(brief(text)).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 21→8',
      'warning DOC_CLAIM_PARTS_SHORT 656.93→385.58',
    ]);
  });

  it('reports parts short of a whole they evidently cover as an error', () => {
    expect(brief('全年收入500万元，其中财政拨款300万元，其他收入100万元。')).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 500→400',
    ]);
    expect(brief('全年支出1013.19万元，其中：基本支出851.24万元，项目支出151.95万元。')).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 1013.19→1003.19',
    ]);
    expect(
      brief('2023年度项目共20个，其中分别为优秀10个、良好5个、合格3个。').map(
        (x) => x.split(' ')[0],
      ),
    ).toEqual(['error']);
    expect(brief('下达资金500万元，其中甲县、乙县、丙县分别为200万元、100万元、100万元。')).toEqual(
      ['error DOC_CLAIM_PARTS_SHORT 500→400'],
    );
  });

  it('stays silent on levels of a hierarchy, a part equal to its whole, and a single part', () => {
    for (const text of [
      '该项目共编制15个绩效目标指标,其中一级指标3个,二级指标8个,三级指标15个。',
      '共设置指标20个，其中定量指标20个，定性指标5个。',
      '一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元(其中建筑工程1975.775万元),三批项目县级批复投资778.59万元(其中建筑工程757.44万元),合计批复总投资6222.4万元(其中建筑工程6025.215万元)。',
      '2023年全市共投入资金14380万元，其中：中央资金1836万元、省级资金1682万元、市级资金6954万元，本级资金3908万元。',
      '项目总投资39.2696万元，其中：中央财政衔接资金39万元，自筹资金2696元。',
      '全年支出100万元，其中基本支出60.004万元，项目支出40.004万元。',
      '共投入0万元，其中中央资金0万元、省级资金0万元。',
    ]) {
      expect(brief(text), text).toEqual([]);
    }
  });

  it('adds items before their 合计 past a 其中 in parentheses, and the details named alike', () => {
    const batches = (total: string, works: string) =>
      `一批项目批复总投资3374.3万元(其中建筑工程3292万元),二批项目批复总投资2069.51万元(其中建筑工程${works}万元),三批项目批复投资778.59万元(其中建筑工程757.44万元),合计批复总投资${total}万元(其中建筑工程6025.215万元)。`;
    expect(brief(batches('6222.4', '1975.775'))).toEqual([]);
    expect(brief(batches('6322.4', '1975.775'))).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 6322.4→6222.40',
    ]);
    expect(brief(batches('6222.4', '1957.775'))).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 6025.215→6007.215',
    ]);
  });

  it('takes a whole number of money among figures written finer as exact', () => {
    expect(brief('项目总投资39.2696万元，其中：中央财政衔接资金39万元，自筹资金2969元。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 39.2696→39.2969',
    ]);
    // Written no finer than its parts, the whole leaves them their own rounding.
    expect(brief('项目总投资39万元，其中：中央资金38万元，自筹资金0.6万元。')).toEqual([]);
  });

  it('reads a closed list (具体为) after one clause about its whole', () => {
    const text = (part: string) =>
      `2024年，市财政将部分预留总预算资金346.87万元，统一计入我中心财政拨款收入，具体为退休人员医疗补助收入11.60万元、公务员医疗补助${part}万元，不列入年初预算。`;
    expect(brief(text('335.27'))).toEqual([]);
    expect(brief(text('353.27'))).toEqual(['error DOC_CLAIM_PARTS_EXCEED 346.87→364.87']);
    // A list that is some of the whole (主要用于) is not read past a clause.
    expect(
      brief(
        '资金346.87万元，统一计入财政拨款收入，主要用于退休人员医疗补助11.60万元、公务员医疗补助35.27万元。',
      ),
    ).toEqual([]);
  });

  it('takes an earlier, larger figure of the statement into account as the whole meant', () => {
    expect(
      brief('项目总投资1000万元，已完成投资800万元，其中中央资金600万元，地方资金400万元。'),
    ).toEqual([]);
    expect(
      brief('项目总投资1000万元，已完成投资800万元，其中中央资金600万元，地方资金300万元。'),
    ).toEqual(['warning DOC_CLAIM_PARTS_EXCEED 800→900']);
  });

  it('does not take 中 of 中央 for a grade bucket', () => {
    expect(brief('全年资金500万元，其中中央资金200万元、中心城区资金100万元。')).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 500→300',
    ]);
  });

  it('stays silent when the first parts make the whole and the rest belong to another list', () => {
    expect(
      brief(
        '全年支出1000万元，其中基本支出700万元，项目支出300万元，人员经费500万元，公用经费200万元。',
      ),
    ).toEqual([]);
  });
});

describe('a count against the items listed for it', () => {
  it('reports a name listed twice when the distinct names make the count (web corpus 003)', () => {
    const text =
      '平泉市人民检察院内设 8个内设机构,即办公室、第一检察部、第二检察部、第三检察部、第四检察部、第五检察部、综合业务部、政治部、办公室\n- 人员情';
    const found = check(text);
    expect(found.map((f) => [f.category, f.severity, f.stated])).toEqual([
      ['duplicate', 'error', '办公室'],
    ]);
  });

  it('warns when a list has more or fewer items than its count says', () => {
    expect(brief('内设机构6个，分别是办公室、综合股、调查股、数据管理股、执法股。')).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 6个→5',
    ]);
    expect(brief('下设三个科室：办公室、财务科、业务科、人事科。')).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 三个→4',
    ]);
  });

  it('accepts lists that make their count, open lists (等) and notes in parentheses', () => {
    for (const text of [
      '内设机构5个，分别是办公室、综合股、调查股、数据管理股、执法股。',
      '设有3个科室，即办公室、财务科和业务科。',
      '内设机构4个，包括办公室、财务科等。',
      '内科室为4个：文电科、督查室（设督查一科、督查二科）、人事科、机关党委；事业单位1个。',
    ]) {
      expect(brief(text), text).toEqual([]);
    }
  });
});

describe('a stated rate against the amounts it is computed from', () => {
  it('reports a completion rate that does not follow from its amounts', () => {
    expect(brief('基本支出预算安排700万元，实际支出700万元，完成预算安排的96.40%。')).toEqual([
      'error DOC_CLAIM_RATE 96.40%→100.00%',
    ]);
    expect(brief('全年预算数3915.98万元，全年执行数3801.19万元，预算执行率95.07%。')).toEqual([
      'error DOC_CLAIM_RATE 95.07%→97.07%',
    ]);
  });

  it('accepts half-up and truncated rounding, rounded inputs and 0/0', () => {
    for (const text of [
      '全年预算数3915.98万元，全年执行数3801.19万元，预算执行率97.07%。',
      '全年预算数3915.98万元，全年执行数3801.19万元，预算执行率97.06%。',
      '实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率99%。',
      '项目资金共8010万元,截止2023年11月30日,已完成拨付8010万元,执行率100%。',
      '预算安排0万元，实际支出0万元，执行率0%。',
      '项目预算50万元，实际支出45万元，绩效目标完成率100%。',
      '2023年预算1000万元，实际支出900万元，其中项目支出预算300万元，项目执行率95%。',
    ]) {
      expect(brief(text), text).toEqual([]);
    }
  });

  it('takes the plan from the sentence before, as a warning', () => {
    expect(
      brief('我局专项资金3267.28万元。至年底我局项目执行金额2856.63万元,执行率90.43%。'),
    ).toEqual(['warning DOC_CLAIM_RATE 90.43%→87.43%']);
    expect(
      brief('我局专项资金3267.28万元。至年底我局项目执行金额2856.63万元,执行率87.43%。'),
    ).toEqual([]);
  });

  it('takes no plan from a list of sources before (its 其中 cut off or never written)', () => {
    const sources = '2,186,400.00元，上年结转资金0.00元，旗级配套资金1,082,050.00元。';
    expect(brief(`${sources}全年执行数3,245,117.26元，预算执行率99.29%。`)).toEqual([]);
    // A plan named as one is still taken.
    expect(brief(`全年预算数3,268,450.00元。全年执行数3,245,117.26元，预算执行率96.29%。`)).toEqual(
      ['warning DOC_CLAIM_RATE 96.29%→99.29%'],
    );
  });

  it('takes a rate after a part of a 其中, in its own clause, for the rate of that part', () => {
    const whole = '全年预算4,412.80万元。全年实际支出4,305.61万元，预算执行率97.57%。';
    expect(
      brief(
        `${whole}其中：基本支出2,916.34万元，执行率98.59%，包括人员经费2,508.72万元和公用经费407.62万元；项目支出1,389.27万元，执行率95.50%。`,
      ),
    ).toEqual([]);
    // A rate after the last part, the parts parted by commas only, closes the list: the whole's.
    expect(
      brief(
        '全年预算数3,352.80万元，全年支出合计3,286.45万元，其中：基本支出2,104.37万元，项目支出1,182.08万元，预算执行率97.72%。',
      ),
    ).toEqual(['error DOC_CLAIM_RATE 97.72%→98.02%']);
  });

  it('takes the 合计 of sources one of which is a plan, not that source, as the plan', () => {
    const plan = '上级下达补助资金600万元，县级配套资金150万元，合计750万元。村内道路全部硬化。';
    expect(brief(`${plan}资金实际支出742.50万元，执行率99.00%。`)).toEqual([]);
    expect(brief(`${plan}资金实际支出742.50万元，执行率98.00%。`)).toEqual([
      'warning DOC_CLAIM_RATE 98.00%→99.00%',
    ]);
  });
});

describe('one quantity stated in two places', () => {
  it('warns when the same named quantity is stated differently', () => {
    expect(
      brief(
        '内设机构5个，分别是甲、乙、丙、丁、戊。\n本单位为一级预算单位，内设机构6个，无下属单位。',
      ),
    ).toEqual(['warning DOC_CLAIM_RESTATED 6个→5个']);
  });

  it('takes 项目… in a project report for the project named in its title', () => {
    const text = (figure: string): string =>
      [
        '某县人民医院2023年度医疗设备购置项目支出绩效自评报告',
        '一、项目基本情况',
        '项目预算资金480.00万元，资金来源为中央转移支付资金。',
        '二、自评结论',
        `医疗设备购置项目预算资金${figure}万元，实际支出472.50万元。`,
      ].join('\n');
    expect(brief(text('460.00'))).toEqual(['warning DOC_CLAIM_RESTATED 460.00万元→480.00万元']);
    expect(brief(text('480.00'))).toEqual([]);
  });

  it('matches names that differ by a qualifier only, when that is safe', () => {
    const text = (extra: string): string =>
      [
        `2023年度收入合计3120.50万元，其中一般公共预算财政拨款收入2980.50万元，其他收入140.00万元${extra}。`,
        '2023年度支出合计3086.20万元，其中基本支出1210.40万元，项目支出1875.80万元。',
        '项目支出合计1857.80万元，主要用于农村公路养护。',
        '本年度财政拨款收入2890.50万元，全部用于保障部门履职。',
      ].join('\n');
    expect(brief(text(''))).toEqual([
      'warning DOC_CLAIM_RESTATED 2890.50万元→2980.50万元',
      'warning DOC_CLAIM_RESTATED 1857.80万元→1875.80万元',
    ]);
    // Another budget's 财政拨款 stated: 财政拨款收入 may be both together.
    expect(brief(text('，政府性基金预算财政拨款收入90.00万元'))).toEqual([
      'warning DOC_CLAIM_RESTATED 1857.80万元→1875.80万元',
    ]);
    // A name stated as a plan and as an outcome: a figure without a role that is neither may be
    // either, and one that is the plan's is the plan.
    const both = (figure: string): string =>
      `项目支出预算1900.00万元，项目支出执行数1875.80万元，执行率98.73%。\n项目支出合计${figure}万元，主要用于农村公路养护。`;
    expect(brief(both('1900.00'))).toEqual([]);
    expect(brief(both('1890.00'))).toEqual([]);
    // Names that differ by more than a qualifier are not compared.
    expect(
      brief('专项业务项目支出1875.80万元，用于公路养护。\n项目支出1857.80万元，用于客运补助。'),
    ).toEqual([]);
  });

  it('takes a name stated item by item with a figure each for a recurring measure, not a restatement', () => {
    const items = ['一', '二', '三', '四']
      .map(
        (n, i) =>
          `（${n}）第${n}项工作：开展抽查${12 + i}次，相关经费${(12.5 + i * 1.25).toFixed(2)}万元。`,
      )
      .join('\n');
    expect(brief(items)).toEqual([]);
    // Two items of the same figure among five are still items.
    const five = [12, 13, 12, 14, 15]
      .map((n, i) => `第${i + 1}项工作：开展抽查${n}次。`)
      .join('\n');
    expect(brief(five)).toEqual([]);
    // Stated twice with one figure and once with another: that one is reported.
    expect(
      brief('相关经费12.50万元。\n其后，相关经费12.50万元按预算执行。\n相关经费15.20万元已支付。'),
    ).toEqual(['warning DOC_CLAIM_RESTATED 15.20万元→12.50万元']);
  });

  it('reports a figure 10,000 times another statement of it as a 元/万元 slip', () => {
    const found = check('公用经费支出57.43万元。\n另查，公用经费支出574300万元。');
    expect(found.map((f) => [f.category, f.code])).toEqual([['unit', 'DOC_CLAIM_UNIT_SLIP']]);
  });

  it('reports a figure in 元 10,000 times the same one in 元 once its 万元 were restated in 元', () => {
    // "项目全年预算2,360,000.00万元" restated as 元 beside the 全年预算 written in 元.
    const text = (big: string): string =>
      `项目全年预算${big}元，全部为州级财政资金。\n项目年初预算2,000,000.00元，全年预算2,360,000.00元。`;
    expect(brief(text('23600000000.00'))).toContain(
      'warning DOC_CLAIM_UNIT_SLIP 23600000000.00元→2360000.00元',
    );
    // Ten times, or a figure of another name, is no such slip.
    expect(brief(text('23600000.00')).join()).not.toContain('UNIT_SLIP');
    expect(
      brief(
        '全年支出23600000000.00元，全部为州级财政资金。\n项目年初预算2,000,000.00元，全年预算2,360,000.00元。',
      ).join(),
    ).not.toContain('UNIT_SLIP');
  });

  it('reports figures of one name ten thousand times apart in 亿元 and 元, the 元 one restated', () => {
    expect(
      brief(
        '实现旅游综合收入86.32亿元，完成年度目标。\n全县旅游综合收入863200.00元，带动就业1.2万人。',
      ),
    ).toContain('warning DOC_CLAIM_UNIT_SLIP 863200.00元→86.32亿元');
  });

  it('reads a part in 元 above its whole, that fits inside it read a ten-thousandth, as a slip', () => {
    expect(
      brief('全年安排动物疫病防控经费423600.00元，其中购置消毒药品支出864000000.00元。'),
    ).toEqual(['warning DOC_CLAIM_PART_UNIT 864000000.00元→86400.00元']);
  });

  it('reads a rate right with one of two figures in 元 read in 万元 as a slip, a warning', () => {
    expect(
      brief('衔接资金全年预算12500000.00元，衔接资金实际支出1187.50元，执行率95.00%。'),
    ).toEqual(['warning DOC_CLAIM_RATE_UNIT 1187.50元→1187.50万元']);
  });

  it('reads an average in 元 ten thousand times its share as a slip restated in 元', () => {
    expect(
      brief('全年实际发放补贴资金28653000.00元，惠及农户3.6万户，户均补贴约7959000.00元。').filter(
        (x) => x.includes('PER_UNIT'),
      ),
    ).toEqual(['warning DOC_CLAIM_PER_UNIT 7959000.00元→795.92元']);
  });

  it('reads a whole in 元 10,000 times its parts as the same slip restated in 元', () => {
    expect(
      brief(
        '全年预算86500000000.00元，其中中央资金6,000,000.00元，自治区资金2,000,000.00元，区级资金650,000.00元。',
      ),
    ).toEqual(['warning DOC_CLAIM_PART_UNIT 86500000000.00元→8650000.00元']);
  });

  it('reports a 0.01 万元 difference as rounding only, once', () => {
    expect(brief('全年执行数3801.19万元，执行率97.07%。\n全年执行数3801.18万元。')).toEqual([
      'info DOC_CLAIM_ROUNDING 3801.18→3801.19',
    ]);
    expect(brief('2023年我办累计支出912.97万元。\n截止2023年底累计支出912.96万元。')).toEqual([
      'info DOC_CLAIM_ROUNDING 912.96→912.97',
    ]);
  });

  it('keeps apart other years, other wholes and other roles', () => {
    for (const text of [
      '2022年公用经费50万元。\n2023年公用经费57.43万元。',
      '一批项目总投资100万元(其中建筑工程90万元)。\n二批项目总投资80万元(其中建筑工程70万元)。',
      '全年预算资金1100万元，其中：基本支出900万元，项目支出200万元。全年实际支出1013.19万元，其中：基本支出861.24万元，项目支出151.95万元。',
      '二批项目路灯工程覆盖7个乡镇58个村庄。三批项目涉及5个乡镇11个村。',
    ]) {
      expect(brief(text), text).toEqual([]);
    }
  });
});

describe('a name written in two ways (web corpus 002)', () => {
  it('reports a long quoted name that differs in a few characters from its other mentions', () => {
    const text = [
      '对经管的“科技创新战略专项资金——国际科技创新中心建设与区域创新能力提升”、“乡村振兴战略专项资金——农业产业发展”开展绩效自评。另对“科技创新战略专项资金——重点领域研发计划”开展了重点绩效评价。',
      '“科技创新战略专项资金——国际科技创新中心建设与区域创新能力提升”绩效自评等次为优秀。',
      '附件：2.2020年度“科技发展战略专项资金——国际科技创新中心建设与区域创新能力提升”绩效自评报告',
    ].join('\n');
    const found = check(text);
    expect(found.map((f) => [f.category, f.stated, f.expected, f.line])).toEqual([
      [
        'cross-section',
        '科技发展战略专项资金——国际科技创新中心建设与区域创新能力提升',
        '科技创新战略专项资金——国际科技创新中心建设与区域创新能力提升',
        3,
      ],
    ]);
  });

  it('stays silent on names that differ by a batch, a year, a level or a place', () => {
    const text = [
      '“2023年第一批中央财政衔接推进乡村振兴补助资金”已下达。',
      '“2023年第二批中央财政衔接推进乡村振兴补助资金”已下达。',
      '“省级乡村振兴战略专项资金——农业产业发展”与“市级乡村振兴战略专项资金——农业产业发展”。',
      '“科技创新战略专项资金——重点领域研发计划”与“科技创新战略专项资金——农业产业发展”。',
    ].join('\n');
    expect(brief(text)).toEqual([]);
  });
});

describe('relations written in other ways', () => {
  it('reads a 分别为 right after a figure as its parts, and a sentence that totals the one before', () => {
    expect(
      brief(
        '部门支出合计1000.00万元，分别为人员经费600.00万元、公用经费150.00万元、项目支出200.00万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 1000.00→950.00']);
    // A 分别为 that lists names, not figures, itemises nothing.
    expect(brief('内设机构6个，分别为甲科、乙科、丙科、丁科、戊科、己科；下设司法所9个。')).toEqual(
      [],
    );
    const graded =
      '“优”的项目168个，资金38215.40万元；“良”的项目35个，资金7864.22万元；“中”的项目10个，资金2360.18万元；“差”的项目3个，资金492.35万元。';
    expect(brief(`${graded}以上合计216个项目，资金48632.15万元。`)).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 48632.15→48932.15',
    ]);
    expect(brief(`${graded}以上合计216个项目，资金48932.15万元。`)).toEqual([]);
  });

  it('compares plans and outcomes listed in pairs each with its own whole', () => {
    const text =
      '全年预算数为2034.60万元，全年执行数为2009.56万元。其中基本支出预算1420.15万元，执行1418.22万元；项目支出预算614.45万元，执行591.34万元。';
    expect(brief(text)).toEqual([]);
    expect(brief(text.replace('执行591.34', '执行601.34'))).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 2009.56→2019.56',
    ]);
  });

  it('takes a count of something else after 其中 for no part of it', () => {
    expect(brief('完成老旧小区改造14个，改造面积18.6万平方米。其中，新增停车位410个。')).toEqual(
      [],
    );
  });

  it('checks a share against the whole its name points to, or the whole of its 其中', () => {
    expect(brief('基本支出700.00万元，其中人员经费612.30万元，占基本支出的78.50%。')).toEqual([
      'error DOC_CLAIM_SHARE 78.50%→87.47%',
    ]);
    expect(brief('基本支出700.00万元，其中人员经费612.30万元，占基本支出的87.47%。')).toEqual([]);
    expect(
      brief(
        '支出合计4598.02万元，其中基本支出1236.74万元，占26.90%；项目支出3361.28万元，占83.10%。',
      ),
    ).toEqual(['error DOC_CLAIM_SHARE 83.10%→73.10%']);
    // No amount named like the whole: nothing to compute.
    expect(brief('优秀项目涉及资金1820.50万元，占自评资金的77.57%。')).toEqual([]);
  });

  it('reads "X中，A a，B b" as the parts of the amount named X in the sentence before', () => {
    const text = (whole: string): string =>
      `全年财政拨款支出中，项目支出${whole}万元。项目支出中，医疗设备购置520.30万元，信息化建设186.75万元，人才培养93.40万元。`;
    expect(brief(text('800.45'))).toEqual([]);
    expect(brief(text('779.45')).filter((f) => f.includes('PARTS'))).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 779.45→800.45',
    ]);
    // Named otherwise, or listing only some of it: nothing certain to compare.
    expect(
      brief(
        '项目支出779.45万元。设备购置中，医疗设备520.30万元，信息化设备186.75万元，办公设备93.40万元。',
      ),
    ).toEqual([]);
  });

  it('takes a threshold (单价在50万元以上) for no part of a list', () => {
    expect(
      brief(
        '设备购置合同总金额1001.00万元，其中单价在50万元以上的大型设备6台，金额共计412.60万元。',
      ),
    ).toEqual([]);
  });

  it('checks a change written as an amount against the two figures it is the difference of', () => {
    const text = (verb: string, d: string): string =>
      `2023年“三公”经费支出9.86万元，较上年12.40万元${verb}${d}万元，下降20.48%。`;
    expect(brief(text('减少', '2.54'))).toEqual([]);
    expect(brief(text('减少', '2.45'))).toEqual([
      'error DOC_CLAIM_DIFFERENCE 减少2.45万元→减少2.54万元',
    ]);
    expect(brief(text('增加', '2.54'))).toEqual([
      'error DOC_CLAIM_DIFFERENCE 增加2.54万元→减少2.54万元',
    ]);
    // The year named after the figure: "2022年为B".
    expect(brief('2023年公用经费186.42万元，2022年为203.15万元，减少16.73万元。')).toEqual([]);
    // Counts as well; a change without the figure it is of says nothing.
    expect(brief('办理案件1126件，比上年的1002件增加124件。')).toEqual([]);
    expect(brief('办理案件1126件，比上年增加142件。')).toEqual([]);
  });

  it('reads a comparison after a list as one of the list’s sum or of the whole it itemises', () => {
    // "A、B，较上年的C增加D": D is of the list's sum, or of the whole before it.
    expect(
      brief(
        '支出合计1286.40万元，其中基本支出842.10万元；项目支出444.30万元，较上年的1190.20万元增加96.20万元。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '收入合计1300.00万元，其中财政拨款收入1250.00万元、其他收入50.00万元，比上年的1180.00万元增加120.00万元。',
      ),
    ).toEqual([]);
    expect(
      brief('人员经费718.60万元、公用经费123.50万元，较上年的133.90万元减少10.40万元。'),
    ).toEqual([]);
    // Neither the last item nor the list's sum: a warning, the comparison's subject being unsure.
    expect(
      brief('人员经费718.60万元、公用经费123.50万元，较上年的800.00万元增加12.00万元。'),
    ).toEqual(['warning DOC_CLAIM_DIFFERENCE 增加12.00万元→减少676.50万元']);
  });

  it('takes a list compared with last year as a whole of its own for no partition of its whole', () => {
    const text = (d: string): string =>
      `项目支出4292.29万元，主要用于社会救助。\n项目支出中，城乡低保资金2846.50万元、特困人员救助供养资金968.40万元，较上年的3612.70万元增加${d}万元。`;
    // The comparison says the two items together are the quantity: no sum against 项目支出.
    expect(brief(text('202.20'))).toEqual([]);
    expect(brief(text('200.20')).map((f) => f.split(' ')[1])).toContain('DOC_CLAIM_PARTS_SHORT');
  });

  it('checks the rate of one kind of spending only against amounts of that kind', () => {
    expect(
      brief(
        '全年预算数3655.80万元，全年支出3524.71万元，预算执行率96.41%。其中基本支出执行率99.38%，项目支出执行率92.77%。',
      ),
    ).toEqual([]);
    expect(brief('基本支出预算2016.40万元，实际支出2003.92万元，基本支出执行率93.38%。')).toEqual([
      'error DOC_CLAIM_RATE 93.38%→99.38%',
    ]);
    // The kind's outcome, then its plan, then its rate: the rate is of that pair.
    const kind = (rate: string) =>
      brief(
        `全年支出3,962.48万元，预算执行率95.97%。其中基本支出1,286.34万元；项目支出2,676.14万元，项目全年预算2,842.41万元，项目支出执行率${rate}。`,
      );
    expect(kind('93.85%')).toEqual(['warning DOC_CLAIM_RATE 93.85%→94.15%']);
    expect(kind('94.15%')).toEqual([]);
  });

  it('takes a base or a change against last year or the plan for no part and no whole', () => {
    // The change is no whole of the 其中, last year's figure and its change are no parts.
    expect(
      brief(
        '本年收入1300.00万元，较年初预算1205.00万元增加95.00万元，其中财政拨款收入1250.00万元、其他收入50.00万元，较上年的1180.00万元增加120.00万元。',
      ),
    ).toEqual([]);
    // "较年初预算增加" restates the changes of the plan: no change of its own.
    expect(
      brief(
        '年初预算1968.00万元，年中追加预算178.80万元，较年初预算增加178.80万元，调整后全年预算2146.80万元。',
      ),
    ).toEqual([]);
    // "较差项目" compares nothing: its figure is a part.
    expect(brief('全年支出500万元，其中优秀项目300万元，较差项目260万元。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 500→560',
    ]);
  });

  it('takes last year’s figure for no whole of a 其中, and for the base of a growth', () => {
    expect(
      brief(
        '“三公”经费支出18.62万元，比上年的21.35万元下降12.79%。其中公务用车运行维护费14.08万元，公务接待费4.54万元。',
      ),
    ).toEqual([]);
    expect(brief('“三公”经费支出18.62万元，比上年的21.35万元增长12.79%。')).toEqual([
      'error DOC_CLAIM_GROWTH 12.79%→下降12.79%',
    ]);
  });

  it('compares a plan named by its time in the year (项目年初预算) restated in another chapter', () => {
    const text = (again: string): string =>
      `一、项目资金安排情况\n本项目年初预算安排2480.00万元，资金来源为省级补助资金。\n二、项目绩效情况\n项目年初预算安排为${again}万元，全年实际支出2316.45万元。`;
    expect(brief(text('2480.00'))).toEqual([]);
    expect(brief(text('2840.00'))).toEqual(['warning DOC_CLAIM_RESTATED 2840.00万元→2480.00万元']);
  });

  it('compares a figure of the text with its row of a 基础数据表 flattened to lines of text', () => {
    const text = (stated: string): string =>
      [
        '某区档案馆2023年度部门整体支出绩效自评报告',
        '一、部门整体支出情况',
        `2023年基本支出719.62万元，其中人员经费430.97万元、公用经费${stated}万元。`,
        '附件1',
        '基础数据表',
        '单位：万元',
        '经费控制情况 上年决算数 本年预算数 本年决算数',
        '三公经费 3.58 3.20 3.12',
        '公用经费 271.36 292.40 289.65',
        '政府采购金额 186.30 204.00 197.52',
      ].join('\n');
    expect(brief(text('289.65')).filter((f) => f.includes('RESTATED'))).toEqual([]);
    expect(brief(text('288.65')).filter((f) => f.includes('RESTATED'))).toEqual([
      'warning DOC_CLAIM_RESTATED 288.65万元→289.65万元',
    ]);
  });

  it('takes a rate right only with an amount in the other unit for a 元/万元 slip', () => {
    expect(brief('项目全年预算1260.00万元，全年执行1197.00元，执行率95.00%。')).toEqual([
      'error DOC_CLAIM_RATE_UNIT 1197.00元→1197.00万元',
    ]);
    expect(brief('项目全年预算1260.00万元，全年执行1197.00万元，执行率95.00%。')).toEqual([]);
    // Wrong in either unit: a wrong rate.
    expect(brief('项目全年预算1260.00万元，全年执行1197.00元，执行率96.00%。')).toEqual([
      'error DOC_CLAIM_RATE 96.00%→0.01%',
    ]);
  });

  it('takes a rate right only with the digits of one of two amounts in one unit read in the other for a slip', () => {
    const text = (actual: string, rate = '97.87%'): string =>
      `项目预算386.50万元，全年实际支出${actual}，预算执行率${rate}。`;
    expect(brief(text('3,782,600万元')).filter((f) => !f.includes('MAGNITUDE'))).toEqual([
      'error DOC_CLAIM_RATE_UNIT 3782600万元→3782600元',
    ]);
    expect(brief(text('378.26万元'))).toEqual([]);
    // Wrong in either unit: a wrong rate.
    expect(brief(text('3,782,600万元', '96.00%')).filter((f) => !f.includes('MAGNITUDE'))).toEqual([
      'error DOC_CLAIM_RATE 96.00%→978680.47%',
    ]);
  });

  it('checks a rate of a base written in parentheses (完成年度计划（2.2万人次）的Z%)', () => {
    const text = (rate: string): string =>
      `全年培训2.41万人次，完成年度计划（2.2万人次）的${rate}。`;
    expect(brief(text('109.55%'))).toEqual([]);
    expect(brief(text('107.27%'))).toEqual(['warning DOC_CLAIM_RATE 107.27%→109.55%']);
  });

  it('reports a slip of swapped digits once, not its sentence’s rate computed right as well', () => {
    const text = (first: string, second: string, rate: string): string =>
      [
        '某县图书馆2023年度项目支出绩效自评报告',
        '一、项目基本情况',
        `项目年度预算${first}万元，资金来源为县级财政。`,
        '二、资金使用情况',
        `项目年度预算${second}万元，全年支出280.00万元，预算执行率${rate}。`,
      ].join('\n');
    const lines = (t: string) =>
      check(t).map((f) => `${f.code} ${f.stated ?? ''}→${f.expected ?? ''} ${f.line ?? ''}`);
    expect(lines(text('286.50', '268.50', '97.73%'))).toEqual([
      'DOC_CLAIM_RESTATED 268.50万元→286.50万元 5',
    ]);
    // A rate that neither figure gives is wrong as well.
    expect(lines(text('286.50', '268.50', '95.00%'))).toEqual([
      'DOC_CLAIM_RATE 95.00%→104.28% 5',
      'DOC_CLAIM_RESTATED 268.50万元→286.50万元 5',
    ]);
    // Not swapped but restated otherwise: the same.
    expect(lines(text('286.50', '246.50', '97.73%'))).toEqual([
      'DOC_CLAIM_RESTATED 246.50万元→286.50万元 5',
    ]);
  });

  it('compares 项目年度预算 and 项目年度预算资金 as one amount', () => {
    const text = (again: string): string =>
      `一、资金情况\n项目年度预算1250.00万元。\n二、绩效情况\n项目年度预算资金为${again}万元，执行率90%。`;
    expect(brief(text('1250.00')).filter((f) => f.includes('RESTATED'))).toEqual([]);
    expect(brief(text('1520.00')).filter((f) => f.includes('RESTATED'))).toEqual([
      'warning DOC_CLAIM_RESTATED 1520.00万元→1250.00万元',
    ]);
  });

  it('reads 分别占 as the shares of the amounts listed before it, in order, of the whole named', () => {
    const text = (second: string): string =>
      `总支出1845.62万元，其中基本支出1320.18万元、项目支出525.44万元，分别占总支出的71.53%和${second}。`;
    expect(brief(text('28.47%'))).toEqual([]);
    expect(brief(text('28.74%'))).toEqual(['error DOC_CLAIM_SHARE 28.74%→28.47%']);
    // Three amounts and three shares, the whole in the sentence before.
    const three = (third: string): string =>
      `资金总额15360.00万元。中央资金9216.00万元、省级资金3072.00万元、县级资金3072.00万元，分别占资金总额的60.00%、20.00%和${third}。`;
    expect(brief(three('20.00%'))).toEqual([]);
    expect(brief(three('25.00%'))).toEqual(['warning DOC_CLAIM_SHARE 25.00%→20.00%']);
  });

  it('looks for a rate’s plan in the sentences before it, never in a 其中 part', () => {
    expect(
      brief(
        '全年预算收入2.35亿元，其中一般公共预算拨款1.98亿元、政府性基金0.37亿元。全年支出2.31亿元，执行率98.30%。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '项目批复预算520.00万元，用于供水管网改造。\n截至年底，项目实际支出482.10万元，预算执行率96.50%。',
      ),
    ).toEqual(['warning DOC_CLAIM_RATE 96.50%→92.71%']);
    // Any plan stated nearby that gives the rate makes it consistent.
    expect(
      brief(
        '年初预算500万元，年中追加预算35万元，全年预算535万元。\n项目实际支出528.42万元，预算执行率98.77%。',
      ),
    ).toEqual([]);
  });

  it('restates a quantity across sentences whatever its role words, in the report’s year', () => {
    const text =
      '2023年度部门整体支出绩效自评报告\n2023年部门预算安排项目支出1250.00万元，用于河道管护。\n项目支出预算1520.00万元，实际支出1232.24万元，执行率81.07%。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_RESTATED 1520.00万元→1250.00万元']);
    expect(
      check(
        '某局2023年度部门整体支出绩效自评报告\n2023年基本支出612.40万元，其中人员经费526.80万元，公用经费85.60万元。\n全年公用经费856000万元。',
      ).map((f) => f.code),
    ).toEqual(['DOC_CLAIM_UNIT_SLIP']);
  });

  it('warns of an amount a hundred times the unit’s own year of money', () => {
    const text =
      '全年预算数1846.20万元，全年执行数1802.75万元。全年查处案件326件，罚没款约428600万元。';
    expect(check(text).map((f) => [f.category, f.severity])).toEqual([['implausible', 'warning']]);
    expect(check(text.replace('罚没款约428600万元', '罚没款42.86万元'))).toEqual([]);
    // Money passed on to lower levels is not bounded by the unit's own budget.
    expect(check('本级支出4321.09万元。省财政下达转移支付资金共计923456.78万元。')).toEqual([]);
  });

  it('dates a sentence in an earlier year than the report only without comparison or history', () => {
    const head = '某馆2023年度部门整体支出绩效自评报告\n';
    expect(
      check(`${head}2021年，我馆完成档案数字化扫描86万画幅。\n填报日期：2022年3月15日`).map((f) => [
        f.category,
        f.code,
        f.stated,
      ]),
    ).toEqual([
      ['year', 'DOC_YEAR_CLAUSE', '2021年'],
      ['year', 'DOC_YEAR_REPORT_DATE', '2022年3月15日'],
    ]);
    expect(
      check(
        `${head}2022年，我馆完成扫描80万画幅，2023年增长7.5%。\n2022年，省财政提前下达2023年资金。\n填报日期：2024年3月15日`,
      ),
    ).toEqual([]);
  });
});

describe('more wordings and flattenings', () => {
  it('joins a sentence across a page number and footer of PDF text', () => {
    expect(
      brief(
        '2023年全年支出合计1000.00万元，分别为基本支出600.00万元、项目支\n— 3 —\n出300.00万元，详见附表。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 1000.00→900.00']);
  });

  it('reads 分别用于 as all the parts and 主要用于 as some of them', () => {
    const text = '共安排资金3600万元，分别用于：甲1200万元、乙1500万元、丙800万元。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_PARTS_SHORT 3600→3500']);
    expect(brief(text.replace('分别用于', '主要用于')).map((x) => x.split(' ')[0])).toEqual([
      'warning',
    ]);
  });

  it('checks a 合计 after its parts, leaving the subtotal out of a 其中', () => {
    expect(brief('人员经费600.00万元、公用经费150.00万元，合计760.00万元。')).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 760.00→750.00',
    ]);
    expect(brief('全年支出535万元，其中甲项目300万元，乙项目235万元，合计535万元。')).toEqual([]);
  });

  it('tells a 元/万元 slip in a part from a wrong sum', () => {
    expect(
      check('全年支出1000.00万元，其中基本支出600.00万元，项目支出4000000万元。').map((f) => [
        f.category,
        f.code,
      ]),
    ).toContainEqual(['unit', 'DOC_CLAIM_PART_UNIT']);
    expect(brief('基本支出612.40万元，其中人员经费526.80万元，公用经费856000元。')).toEqual([]);
    // One part of a 其中 that names only some, hundreds of times its whole: 元 written as 万元.
    expect(brief('全年安排防控经费42.36万元，其中购置消毒药品支出86,400万元。')).toContain(
      'warning DOC_CLAIM_PART_UNIT 86400万元→86400元',
    );
    expect(brief('全年兑现补助资金1,126.40万元，其中禁牧补助1,216.80万元。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 1126.40→1216.80',
    ]);
  });

  it('takes a rate’s outcome from the sentence before when its own states only the plan', () => {
    const text = '2023年全年支出1000.00万元。全年预算数1200.00万元，全年执行率为85.33%。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_RATE 85.33%→83.33%']);
    expect(brief(text.replace('85.33%', '83.33%'))).toEqual([]);
  });

  it('reports a text that says it evaluates an earlier year than its title', () => {
    const text =
      '某局2023年度部门整体支出绩效自评报告\n根据《关于开展2024年绩效自评工作的通知》要求，现将我局2022年度部门整体支出绩效自评情况报告如下：';
    expect(check(text).map((f) => [f.category, f.code, f.stated])).toEqual([
      ['year', 'DOC_YEAR_SUBJECT', '2022年'],
    ]);
    expect(check(text.replace('2022年度部门', '2023年度部门'))).toEqual([]);
  });
});

describe('wholes, lists and rates written in more ways', () => {
  it('keeps a 其中 list whole when a part is described with 主要用于 (PDF chapter, page number inside)', () => {
    const text =
      '2023年度支出合计3,418.27万元，其中基本支出\n2,106.55万元，主要用于保障机构正常运转\n- 3 -\n支出；项目支出1,321.72万元，主要用于食品安全抽检。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_PARTS_EXCEED 3418.27→3428.27']);
    expect(brief(text.replace('1,321.72', '1,311.72'))).toEqual([]);
  });

  it('compares a 其中 without a whole of its own with the figures stated just before', () => {
    const budget = '本项目年度预算资金为1,250.00万元。\n\n';
    expect(
      brief(
        `${budget}项目资金分为四部分，其中设备购置580.00万元，安装调试320.00万元，运维260.00万元。`,
      ),
    ).toEqual([]);
    expect(
      brief(
        `${budget}项目资金分为四部分，其中设备购置580.00万元，安装调试320.00万元，培训150.00万元，运维260.00万元。`,
      ),
    ).toEqual(['warning DOC_CLAIM_PARTS_EXCEED 1250.00→1310.00']);
    // Spending parts against the outcome, not the plan; parts in two units (1,624,000元 = 162.40万元).
    const e19 =
      '项目年度预算235.00万元，全年执行数230.48万元。\n项目资金主要用于安保和监控，其中安保服务支出1,624,000元，监控设施更新支出52.68万元，演练支出15.80万元。';
    expect(brief(e19)).toEqual(['warning DOC_CLAIM_PARTS_EXCEED 230.48→230.88']);
    // Parts that make the outcome agree, even when the plan is larger.
    expect(brief(e19.replace('230.48', '230.88'))).toEqual([]);
    // A nil figure before is no whole ("敏感涉密项目0个" where the excerpt lost "项目21个"), but a
    // count before it still is.
    const graded =
      '所有项目均开展了绩效自评，其中非敏感涉密项目21个评为一等，0个评为二等，0个评为三等。';
    expect(brief(`项目中，敏感涉密项目0个，涉及资金0万元。\n${graded}`)).toEqual([]);
    expect(brief(`本年度项目20个，敏感涉密项目0个，涉及资金0万元。\n${graded}`)).toEqual([
      'warning DOC_CLAIM_PARTS_EXCEED 20→21',
    ]);
  });

  it('reads counts with thousands separators and in 万 of their unit', () => {
    expect(brief('全年抽检2,860批次，其中合格2,700批次，不合格180批次。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 2860→2880',
    ]);
    expect(brief('全年培训3.5万人次，其中农民工2.1万人次，退役军人1.4万人次。')).toEqual([]);
  });

  it('checks "X的Z%" and "较上年的X增长Z%" against the figures, counts and money alike', () => {
    expect(brief('全年实际支出2,846.10万元，完成年度预算3,120.00万元的93.22%。')).toEqual([
      'error DOC_CLAIM_RATE 93.22%→91.22%',
    ]);
    expect(brief('全年实际支出2,846.10万元，完成年度预算3,120.00万元的91.22%。')).toEqual([]);
    expect(brief('2023年接待游客186.4万人次，较上年的152.8万人次增长18.6%。')).toEqual([
      'error DOC_CLAIM_GROWTH 18.6%→22.0%',
    ]);
    expect(brief('2023年接待游客186.4万人次，较上年的152.8万人次增长22.0%。')).toEqual([]);
    expect(brief('全年受理投诉3件，较上年的6件下降50%。')).toEqual([]);
    expect(brief('全年受理投诉3件，较上年的6件下降40%。')).toEqual([
      'error DOC_CLAIM_GROWTH 40%→50%',
    ]);
    // A target written round may be exact or rounded: a rate that needs it rounded is a warning.
    expect(brief('全年培训2.35万人次，完成年度目标2.2万人次的108.64%。')).toEqual([
      'warning DOC_CLAIM_RATE 108.64%→106.82%',
    ]);
    expect(brief('全年培训2.36万人次，完成年度目标2.2万人次的107.27%。')).toEqual([]);
  });

  it('reads percentages written 百分之N', () => {
    expect(
      brief('全年安排资金3.46亿元。\n截至年底累计支付3.12亿元，支付进度达到百分之93.17。'),
    ).toEqual(['warning DOC_CLAIM_RATE 百分之93.17→90.17%']);
    expect(
      brief('全年安排资金3.46亿元。\n截至年底累计支付3.12亿元，支付进度达到百分之90.17。'),
    ).toEqual([]);
  });

  it('counts the items of a list numbered ⑴⑵… and separated by ；', () => {
    expect(
      brief('实施帮扶项目5个：⑴共富工坊项目；⑵冷链物流项目；⑶民宿提升项目；⑷强村公司项目。'),
    ).toEqual(['warning DOC_CLAIM_LIST_COUNT 5个→4']);
    expect(
      brief('实施帮扶项目4个：⑴共富工坊项目；⑵冷链物流项目；⑶民宿提升项目；⑷强村公司项目。'),
    ).toEqual([]);
    expect(brief('实施帮扶项目5个：⑴共富工坊项目；⑵冷链物流项目；⑶民宿提升项目等。')).toEqual([]);
  });

  it('holds a figure against its row of a table in 元 that a PDF gives one cell per line', () => {
    const report = (spent: string) =>
      [
        '某局2024年度部门整体支出绩效自评报告',
        '一、部门预算收支情况',
        `全年支出22,815.36万元。其中基本支出8,876.21万元，项目支出${spent}，主要用于赛事。`,
        '二、存在的问题',
        '项目支出执行进度不均衡。',
        '附件',
        '某局2024年度部门整体支出绩效自评表',
        '单位：元',
        ...['项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
        ...[
          '年度资金总额',
          '213,685,000.00',
          '236,421,800.00',
          '228,153,600.00',
          '96.50%',
          '10',
          '9.65',
        ],
        ...[
          '其中：基本支出',
          '86,123,000.00',
          '89,054,400.00',
          '88,762,100.00',
          '99.67%',
          '—',
          '—',
        ],
        ...['项目支出', '127,562,000.00', '147,367,400.00', '139,391,500.00', '94.59%', '—', '—'],
        ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...['产出指标', '数量指标', '承办赛事数量', '≥40项', '46项', '90', '90'],
        ...['总分', '100', '99.65'],
      ].join('\n');
    const slips = (spent: string) =>
      check(report(spent))
        .filter((f) => f.code === 'DOC_CLAIM_UNIT_SLIP')
        .map((f) => f.stated);
    expect(slips('13,939.15元')).toEqual(['13939.15元']);
    expect(slips('13,939.15万元')).toEqual([]);
  });

  it('reports one figure written in 元 in one place and in 万元 in another', () => {
    const text = '项目实际支出812,350元，执行率94.46%。\n全年实际支出812,350万元，目标基本完成。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_UNIT_SLIP 812350万元→812350元']);
    expect(brief('项目实际支出3,600元。\n购置设备3,600万元。')).toEqual([]);
    // Three significant digits of four or more, as 8010: one figure, unless a standard per head.
    expect(brief('县财政下达衔接资金8010元。\n项目资金8010万元均已到位。')).toEqual([
      'warning DOC_CLAIM_UNIT_SLIP 8010万元→8010元',
    ]);
    expect(brief('每人每年补助1250元。\n项目资金1250万元均已到位。')).toEqual([]);
    expect(brief('补助801元。\n项目资金801万元均已到位。')).toEqual([]);
  });

  it('reports two amounts of one sentence whose units make their sizes impossible together', () => {
    const pair = (text: string) => brief(text).filter((f) => f.includes('DOC_CLAIM_PAIR_UNIT'));
    const spent = (budget: string) => `2023年我办“三公”经费预算数为${budget}，决算数为3.14万元。`;
    expect(pair(spent('66元'))).toEqual(['warning DOC_CLAIM_PAIR_UNIT 66元→3.14元']);
    expect(pair(spent('66万元'))).toEqual([]);
    // Spent well under the plan in the smaller unit is plain.
    expect(pair('“三公”经费预算数为66万元，决算数为31400元。')).toEqual([]);
    const plans = (first: string) =>
      `财政拨款年初预算数${first}，全年预算数3385.52万元，全年执行数3385.52万元。`;
    expect(pair(plans('1088.47元'))).toEqual(['warning DOC_CLAIM_PAIR_UNIT 1088.47元→3385.52元']);
    expect(pair(plans('1088.47万元'))).toEqual([]);
    // Plans a hundred times apart that no unit brings together are left to other checks.
    expect(pair(plans('12.5元'))).toEqual([]);
  });

  it('compares a quantity named with a word left out in another place', () => {
    const text =
      '支出合计1,072.18万元，其中城乡居民医疗救助资金支出316.45万元。\n全年城乡医疗救助资金支出361.45万元。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_RESTATED 361.45万元→316.45万元']);
    expect(brief(text.replace('361.45', '316.45'))).toEqual([]);
    // A level, a place or a number makes another thing.
    expect(brief('市级医疗救助资金支出316.45万元。\n县级医疗救助资金支出361.45万元。')).toEqual([]);
  });
});

describe('dates of an earlier year', () => {
  const year = (body: string) =>
    check(`某区住建局2023年度部门整体支出绩效自评报告\n${body}`)
      .filter((f) => f.category === 'year')
      .map((f) => `${f.code} ${f.stated ?? ''}`);

  it('reports work done "截至" the end of the year before, not comparisons or balances', () => {
    expect(year('截至2022年12月31日，我局完成老旧小区改造23个，惠及居民4,180户。')).toEqual([
      'DOC_YEAR_AS_OF 2022年12月31日',
    ]);
    expect(year('截至2023年12月31日，我局完成老旧小区改造23个。')).toEqual([]);
    expect(year('截至2022年12月31日，全区有企业46家；截至2023年12月31日，减少至41家。')).toEqual(
      [],
    );
    expect(year('截至2022年12月31日，结转资金43.22万元，已于本年完成支付。')).toEqual([]);
  });

  it("reports the year evaluated's work said all done by the end of the year before", () => {
    expect(year('截至2022年12月31日，全镇2023年度十项民生实事项目已全部完成。')).toEqual([
      'DOC_YEAR_AS_OF 2022年12月31日',
    ]);
    // A year that dates a clause, and a plan settled the year before, are no such work.
    expect(year('截至2022年底，全区累计建成农村公路1,286公里；2023年新建农村公路86公里。')).toEqual(
      [],
    );
    expect(year('截至2022年12月31日，2023年度项目预算已全部下达完成。')).toEqual([]);
  });
});

describe('role words inside names', () => {
  it('reads 预算绩效管理经费 and 执行监督检查经费 as parts, not as a plan and an outcome', () => {
    expect(
      brief(
        '项目支出300万元，其中预算绩效管理经费100万元，执行监督检查经费80万元，其他经费130万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 300→310']);
    expect(
      brief(
        '项目支出300万元，其中预算绩效管理经费100万元，执行监督检查经费80万元，其他经费120万元。',
      ),
    ).toEqual([]);
  });
});

describe('a figure of the prose against the table of its unit', () => {
  const table =
    '表1 2023年度支出情况（单位：万元）\n项目\t年初预算数\t全年执行数\n基本支出\t298.40\t326.18\n项目支出\t86.00\t91.37\n合计\t384.40\t417.55\n';
  const slips = (text: string) => brief(text).filter((f) => f.includes('DOC_CLAIM_UNIT_SLIP'));

  it('reports 元 written as 万元 by magnitude against the table (a warning)', () => {
    expect(slips(`2023年度基本支出3,261,800万元，主要用于人员工资。\n${table}`)).toEqual([
      'warning DOC_CLAIM_UNIT_SLIP 3261800万元→326.18万元（表中）',
    ]);
    expect(slips(`2023年度基本支出326.18万元，主要用于人员工资。\n${table}`)).toEqual([]);
    // A table that does not say its unit is not compared.
    expect(
      slips(`2023年度基本支出3,261,800万元。\n${table.replace('（单位：万元）', '')}`),
    ).toEqual([]);
  });

  it('reads the prose after the table and a chapter heading as prose, not as cells', () => {
    const prose =
      '2023年度基本支出3,261,800万元，主要用于在职人员工资福利和机关正常运转；项目支出91.37万元，主要用于法律援助。';
    expect(slips(`一、部门收支情况\n${table}二、支出情况说明\n${prose}\n三、绩效情况`)).toEqual([
      'warning DOC_CLAIM_UNIT_SLIP 3261800万元→326.18万元（表中）',
    ]);
  });
});

describe('relations found on the held-out excerpts of the second round', () => {
  it('reads a base of a named year, and never a difference, as the base of a growth', () => {
    expect(brief('2023年“三公”经费支出26.84万元，比2022年的31.50万元下降17.4%。')).toEqual([
      'error DOC_CLAIM_GROWTH 17.4%→14.8%',
    ]);
    expect(brief('2023年“三公”经费支出26.84万元，比2022年的31.50万元下降14.8%。')).toEqual([]);
    expect(brief('“三公”经费支出18.62万元，比2022年减少2.14万元，下降10.31%。')).toEqual([]);
  });

  it('reads counts of 亩, 公里 and 吨 in 万', () => {
    expect(brief('全年完成造林面积1.36万亩，为年度计划1.2万亩的123.3%。')).toEqual([
      'error DOC_CLAIM_RATE 123.3%→113.3%',
    ]);
    expect(brief('全年完成造林面积1.36万亩，为年度计划1.2万亩的113.3%。')).toEqual([]);
  });

  it('counts "A、B和C" split when neither reading makes the count', () => {
    expect(
      brief('新建帮扶车间6个，分别为：王庄车间、李寨车间、刘楼车间、陈岗车间和张湾车间。'),
    ).toEqual(['warning DOC_CLAIM_LIST_COUNT 6个→5']);
    expect(
      brief('新建帮扶车间5个，分别为：王庄车间、李寨车间、刘楼车间、陈岗车间和张湾车间。'),
    ).toEqual([]);
    expect(
      brief('新建帮扶车间4个，分别为：王庄车间、李寨车间、刘楼车间、陈岗车间和张湾车间。'),
    ).toEqual([]);
  });

  it('totals a numbered list whose items end in ；', () => {
    const text =
      '支出如下：（1）人员经费412.36万元；（2）公用经费86.40万元；（3）补助18.20万元；合计526.96万元。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_PARTS_SHORT 526.96→516.96']);
    expect(brief(text.replace('526.96', '516.96'))).toEqual([]);
  });
});

describe('measures of works', () => {
  it('are not restatements when each batch states its own (web corpus 007)', () => {
    expect(
      brief(
        '一批项目涉及8个乡镇，主要建设内容为建设道路311520平方米，小桥2座。三批项目涉及5个乡镇，主要建设内容为建设道路71634平方米。',
      ),
    ).toEqual([]);
  });
});

describe('relations found on the held-out excerpts of the fourth round', () => {
  it('checks the plan after adjustment against 年初 and its changes, in either order', () => {
    expect(
      brief('年初预算1,650.00万元，年中调整预算增加312.40万元，调整后全年预算1,926.40万元。'),
    ).toEqual(['error DOC_CLAIM_ADJUSTED 1926.40→1962.40']);
    expect(
      brief('年初预算1,650.00万元，年中调整预算增加312.40万元，调整后全年预算1,962.40万元。'),
    ).toEqual([]);
    expect(
      brief('决算数1,845.62万元，全年预算数1,962.40万元（年初预算1,650.00万元，追加321.40万元）。'),
    ).toEqual(['error DOC_CLAIM_ADJUSTED 1962.40→1971.40']);
    expect(brief('年初预算500万元，年中追加80万元，调减30万元，调整后预算550万元。')).toEqual([]);
    // A detail of a change (its own 其中) is not a change.
    const detail =
      '年初预算安排1,000万元，年中追加预算200万元（其中省级补助150万元），全年预算1,250万元。';
    expect(brief(detail)).toEqual(['error DOC_CLAIM_ADJUSTED 1250→1200']);
    expect(brief(detail.replace('1,250', '1,200'))).toEqual([]);
    // A change against another year is no change of the plan.
    expect(brief('年初预算1,650.00万元，比上年增加312.40万元，全年预算1,800.00万元。')).toEqual([]);
  });

  it('itemises a part of a 其中 by its own 其中, and goes on with the outer list after ；', () => {
    const text =
      '支出合计3,208.45万元。其中：基本支出2,106.30万元，其中人员经费1,862.14万元、公用经费234.16万元；项目支出1,102.15万元。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_PARTS_SHORT 2106.30→2096.30']);
    expect(brief(text.replace('2,106.30', '2,096.30').replace('3,208.45', '3,198.45'))).toEqual([]);
    expect(brief(text.replace('3,208.45', '3,218.45'))).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 3218.45→3208.45',
      'error DOC_CLAIM_PARTS_SHORT 2106.30→2096.30',
    ]);
  });

  it('ends a list at 另有, and never counts the retired among staff in post', () => {
    expect(brief('实有在编人员45人，其中行政编制32人、事业编制15人；另有离退休人员6人。')).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 45→47',
    ]);
    expect(brief('实有在编人员45人，其中行政编制32人、事业编制13人；另有离退休人员6人。')).toEqual(
      [],
    );
    expect(brief('本局编制25人，实有23人，其中行政编制18人；退休人员11人。')).toEqual([]);
    expect(
      brief('实有在编人员45人，其中行政编制32人、事业编制15人，另有编外聘用人员8人。'),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 45→47']);
  });

  it('keeps a quoted word and a short note in parentheses in a name, and a zero is exact', () => {
    const text =
      '2023年“三公”经费支出合计12.86万元，其中因公出国（境）费0万元，公务用车购置及运行费9.42万元，公务接待费3.64万元。';
    const found = check(text);
    expect(found.map((f) => `${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`)).toEqual([
      'DOC_CLAIM_PARTS_EXCEED 12.86→13.06',
    ]);
    expect(found[0]?.message).toContain('“三公”经费支出12.86万元');
    expect(found[0]?.message).toContain('因公出国（境）费0万元');
    for (const quoted of ['「三公」', '"三公"', '‘三公’'])
      expect(check(text.replace('“三公”', quoted))[0]?.message, quoted).toContain(
        `${quoted}经费支出12.86万元`,
      );
    expect(brief(text.replace('12.86', '13.06'))).toEqual([]);
  });

  it('reads 依次为 as a closed list', () => {
    expect(
      brief('下属二级预算单位5个，依次为：区疾控中心、区妇幼保健院、区卫生监督所、区急救中心。'),
    ).toEqual(['warning DOC_CLAIM_LIST_COUNT 5个→4']);
    expect(
      brief('下属二级预算单位4个，依次为：区疾控中心、区妇幼保健院、区卫生监督所、区急救中心。'),
    ).toEqual([]);
  });

  it('reads the year a figure is of when the base follows it ("2022年为…"), and the direction', () => {
    const text = '2023年公用经费支出186.42万元，2022年为203.15万元，同比增长8.24%。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_GROWTH 8.24%→下降8.24%']);
    expect(brief(text.replace('增长', '下降'))).toEqual([]);
    // Written the other way round: the earlier year first.
    expect(brief('2022年公用经费支出203.15万元，2023年为186.42万元，同比下降8.24%。')).toEqual([]);
    expect(brief('2022年公用经费支出203.15万元，2023年为186.42万元，同比下降9.24%。')).toEqual([
      'error DOC_CLAIM_GROWTH 9.24%→8.24%',
    ]);
  });

  it('checks a change in 百分点 against the two percentages', () => {
    expect(brief('预算执行率92.35%，较上年的88.10%提高4.52个百分点。')).toEqual([
      'error DOC_CLAIM_GROWTH 4.52个百分点→4.25个百分点',
    ]);
    expect(brief('预算执行率92.35%，较上年的88.10%提高4.25个百分点。')).toEqual([]);
    expect(brief('2023年执行率96.18%，较2022年（93.40%）提高2.87个百分点。')).toEqual([
      'error DOC_CLAIM_GROWTH 2.87个百分点→2.78个百分点',
    ]);
    expect(brief('2023年预算执行率96.18%，上年为93.40%，提高2.78个百分点。')).toEqual([]);
    expect(brief('2023年预算执行率86.18%，上年为93.40%，下降7.2个百分点。')).toEqual([]);
    expect(brief('2023年预算执行率86.18%，上年为93.40%，提高7.22个百分点。')).toEqual([
      'error DOC_CLAIM_GROWTH 7.22个百分点→下降7.22个百分点',
    ]);
  });

  it('compares a total restated with a role word inside its name, or as the whole of a share', () => {
    expect(
      brief(
        '项目计划总投资2,450.00万元，建设道路38公里。\n截至年底，该项目总投资为2,540.00万元，其余2024年完工。',
      ),
    ).toEqual(['warning DOC_CLAIM_RESTATED 2540.00万元→2450.00万元']);
    expect(
      brief(
        '本项目总投资3,680.00万元。\n全年实际支出3,512.46万元，占项目总投资3,860.00万元的91.00%。',
      ),
    ).toEqual(['warning DOC_CLAIM_RESTATED 3860.00万元→3680.00万元']);
    expect(
      brief(
        '本项目总投资3,680.00万元。\n全年实际支出3,512.46万元，占项目总投资3,680.00万元的95.45%。',
      ),
    ).toEqual([]);
  });
});

describe('relations found on the held-out excerpts after the fourth round', () => {
  it('sums the parts a figure is 分为 (按经济分类分为…), and names them without the marker', () => {
    const text =
      '2023年本年支出1,523.60万元，按经济分类分为工资福利支出1,102.35万元、商品和服务支出318.60万元、对个人和家庭的补助98.25万元和资本性支出13.40万元。';
    const found = check(text);
    expect(
      found.map((f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 1523.60→1532.60']);
    expect(found[0]?.message).toContain('（工资福利支出1102.35万元 + ');
    expect(brief(text.replace('1,523.60', '1,532.60'))).toEqual([]);
  });

  it('compares a count restated with 共有 in one name, before an adverb in the other', () => {
    const text =
      '全县共有脱贫人口12,368人，监测对象1,146人。\n全县脱贫人口12,638人全部实现“两不愁三保障”。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_RESTATED 12638人→12368人']);
    expect(brief(text.replace('12,638', '12,368'))).toEqual([]);
    // A count that names what follows it is not the count of the name before it.
    expect(brief('全县共有脱贫人口12,368人。\n帮扶脱贫人口12,638人次参加培训。')).toEqual([]);
  });

  it("tells the plan at the start of the year from the year's plan, under any pronoun", () => {
    const text =
      '2023年度年初预算数1,368.45万元，年中追加预算312.60万元，全年预算数1,681.05万元。\n我街道年初预算1,386.45万元，全年预算1,681.05万元。';
    expect(brief(text).filter((f) => f.includes('RESTATED'))).toEqual([
      'warning DOC_CLAIM_RESTATED 1386.45万元→1368.45万元',
    ]);
    expect(brief(text.replace('1,386.45', '1,368.45'))).toEqual([]);
  });
});

describe('rates of another year and of a named source', () => {
  it("does not read last year's rate as this year's amounts' rate", () => {
    expect(
      brief(
        '2023年全年预算数2,699.10万元，全年执行数2,668.84万元，预算执行率98.88%；2022年执行率为97.50%，今年提高1.38个百分点。',
      ),
    ).toEqual([]);
    expect(
      brief('2023年全年预算数2,699.10万元，全年执行数2,668.84万元，预算执行率97.50%。'),
    ).toEqual(['error DOC_CLAIM_RATE 97.50%→98.88%']);
  });

  it('takes the rate of a named outcome against the plan of that name', () => {
    const text =
      '项目全年预算数3,268,450.00元，其中：中央补助资金2,186,400.00元，旗级配套资金1,082,050.00元。\n全年执行数3,245,117.26元，预算执行率99.29%。其中中央补助资金支出2,163,467.26元，执行率98.95%。';
    expect(brief(text)).toEqual([]);
    expect(brief(text.replace('98.95%', '96.95%')).map((f) => f.split(' ')[1])).toEqual([
      'DOC_CLAIM_RATE',
    ]);
  });

  it('keeps a share that fits a part written in 元 for 万元 at most a warning', () => {
    expect(
      brief(
        '2023年度部门支出856.32万元，其中：基本支出412.18万元，占48.13%；项目支出444.14元，占51.87%。',
      ).filter((f) => f.includes('SHARE')),
    ).toEqual(['warning DOC_CLAIM_SHARE 51.87%→0.01%']);
  });

  it('counts the retired among 实有人数 when with them the items make it exactly', () => {
    expect(brief('年末实有人数298人，其中在职276人、离休2人、退休20人。')).toEqual([]);
    expect(brief('年末实有人数298人，其中在职276人、离休2人、退休30人。')).toEqual([]);
    // Otherwise the retired stay a list of their own: the staff in post alone is no sum.
    expect(brief('年末实有人数298人，其中在职286人、退休20人。')).toEqual([]);
  });

  it('reads "X元中：A a，B b" as the parts of X', () => {
    const text =
      '实际支出4,862,350.00元中：供暖管网改造工程3,125,600.00元，学生宿舍维修1,208,450.00元，实验室设备购置582,300.00元。';
    expect(brief(text)).toEqual(['error DOC_CLAIM_PARTS_EXCEED 4862350.00→4916350.00']);
    expect(brief(text.replace('4,862,350.00', '4,916,350.00'))).toEqual([]);
  });

  it('takes a sentence of rates alone against the outcome before it and the plan above that', () => {
    const text =
      '全年预算数3,980.00万元，其中：基本支出1,652.30万元，项目支出2,327.70万元。\n全年支出3,615.42万元，其中基本支出1,640.85万元，项目支出1,974.57万元。\n全年预算执行率为93.84%，基本支出执行率99.31%。';
    expect(brief(text)).toEqual(['warning DOC_CLAIM_RATE 93.84%→90.84%']);
    expect(brief(text.replace('93.84%', '90.84%'))).toEqual([]);
  });
});

describe('relations found on the held-out excerpts of the ninth round', () => {
  it('reads numbered parts after 包括： to the sentence end, past their semicolons', () => {
    expect(
      brief(
        '2023年度收入总计1,386.47万元，包括：（1）一般公共预算财政拨款收入1,206.35万元；（2）政府性基金收入130.00万元；（3）其他收入48.12万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 1386.47→1384.47']);
    expect(
      brief(
        '2023年度收入总计1,384.47万元，包括：（1）财政拨款收入1,206.35万元；（2）政府性基金收入130.00万元；（3）其他收入48.12万元。',
      ),
    ).toEqual([]);
  });

  it('takes a share of 到位资金 against the amount said to be 到位', () => {
    const text =
      '项目计划投入资金860.00万元，实际到位860.00万元。截至年底累计支付812.46万元，占到位资金的';
    expect(brief(`${text}96.47%。`).map((x) => x.split(' ')[1])).toEqual(['DOC_CLAIM_SHARE']);
    expect(brief(`${text}94.47%。`)).toEqual([]);
  });

  it("checks a growth against last year's figure given in parentheses after it", () => {
    const text = '2023年全镇一般公共预算支出4,826.37万元，同比增长';
    expect(brief(`${text}7.95%（2022年为4,512.60万元）。`)).toEqual([
      'error DOC_CLAIM_GROWTH 7.95%→6.95%',
    ]);
    expect(brief(`${text}6.95%（2022年为4,512.60万元）。`)).toEqual([]);
    expect(brief('门诊量186.4万人次，同比增长5.2%（上年177.2万人次）。')).toEqual([]);
  });

  it('counts the names a 分别为 lists after a clause of their money, parted by ；', () => {
    const list = 'A县供热管网改造项目；B县饮水安全维修项目；C县校舍维修项目。';
    expect(brief(`重点项目共4个，涉及资金合计426.58万元，分别为：${list}`)).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 4个→3',
    ]);
    expect(brief(`重点项目共3个，涉及资金合计426.58万元，分别为：${list}`)).toEqual([]);
  });

  it('finds a name listed twice before its count, and takes no count of things for kinds', () => {
    expect(
      brief(
        '本街道内设综合办公室、党建办公室、社会事务办公室、平安办公室、社会事务办公室共5个机构。',
      ),
    ).toEqual(['warning DOC_CLAIM_LIST_DUPLICATE 社会事务办公室→']);
    expect(brief('内设综合办公室、党建办公室、社会事务办公室3个办公室。')).toEqual([]);
    expect(brief('新建道路、桥梁共12座。')).toEqual([]);
  });

  it('takes items named after their whole that make less than half of it for a selection', () => {
    const text = '2023年项目支出1,326.92万元。项目支出中，采购代理服务经费86.40万元，';
    expect(brief(`${text}信息系统建设经费412.35万元。`)).toEqual([]);
    expect(brief(`${text}信息系统建设经费1,212.35万元。`)).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 1326.92→1298.75',
    ]);
  });
});

describe('relations found on the held-out excerpts of the tenth round', () => {
  it('reads a list pairing each source with its bare outcome as a list of plans and one of outcomes', () => {
    const text =
      '全年预算数2,536.42万元，执行数2,468.35万元，预算执行率97.32%。其中，中央补助资金860.00万元，执行852.43万元，执行率99.12%；州级资金1,676.42万元，执行';
    expect(brief(`${text}1,615.92万元，执行率96.39%。`)).toEqual([]);
    expect(brief(`${text}1,651.92万元，执行率98.54%。`)).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 2468.35→2504.35',
    ]);
  });

  it('takes no top ratings (5A级, 4A级) for the whole of a rated count', () => {
    expect(brief('全州A级旅游景区达到104个，其中5A级4个、4A级35个。')).toEqual([]);
    expect(brief('项目共30个，其中A级18个、B级8个、C级3个。')).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 30→29',
    ]);
  });

  it('takes no figure in parentheses for the whole of a 其中 outside them', () => {
    const text =
      '“三公”经费支出决算18.46万元，完成预算（21.00万元）的87.90%，较上年减少2.18万元。其中：公务用车运行维护费14.20万元，公务接待费';
    expect(brief(`${text}4.26万元。`)).toEqual([]);
    expect(brief(`${text}5.26万元。`)).toEqual(['warning DOC_CLAIM_PARTS_EXCEED 18.46→19.46']);
  });

  it("takes a named outcome's rate against any amount stated for it before, not only a plan", () => {
    const text =
      '下达资金2,400.00万元。学校将其中1,680.00万元分配至二级学院统筹使用，其余720.00万元由学校统一安排。全年实际支出2,352.48万元，预算执行率98.02%。二级学院使用资金1,651.20万元，执行率';
    expect(brief(`${text}98.29%。`)).toEqual([]);
    expect(brief(`${text}99.29%。`)).toEqual(['warning DOC_CLAIM_RATE 99.29%→68.80%']);
  });

  it('keeps the figures of a sentence opened by "X中，" apart from the same names elsewhere', () => {
    const text = '下达资金1.86亿元，其中中央资金1.32亿元、省级资金0.54亿元。美丽乡村建设资金中，';
    expect(brief(`${text}中央资金5,280.00万元，省级资金2,280.00万元。`)).toEqual([]);
    expect(brief('中央资金1.32亿元。项目情况较好。中央资金5,280.00万元。')).toEqual([
      'warning DOC_CLAIM_RESTATED 5280.00万元→1.32亿元',
    ]);
  });

  it('finds an item repeated in a list numbered 一是…二是…', () => {
    const text = '资金主要投向五个方面：一是师资队伍建设；二是科研平台建设；三是研究生培养；四是';
    expect(brief(`${text}科研平台建设；五是学术交流。`)).toEqual([
      'warning DOC_CLAIM_LIST_DUPLICATE 科研平台建设→',
    ]);
    expect(brief(`${text}实验室建设；五是学术交流。`)).toEqual([]);
  });

  it('takes 调整后预算 and 调整预算 for one plan', () => {
    const text = '年中追加预算246.20万元，全年调整后预算1,432.60万元。本年度部门调整预算';
    expect(brief(`${text}1,423.60万元，实际支出1,398.25万元。`)).toEqual([
      'warning DOC_CLAIM_RESTATED 1423.60万元→1432.60万元',
    ]);
    expect(brief(`${text}1,432.60万元，实际支出1,398.25万元。`)).toEqual([]);
  });

  it('takes the figure before 中， for the whole of a share named only 占比', () => {
    const text = '项目支出912.40万元中，民生类支出568.20万元，占比达到';
    expect(brief(`${text}61.47%。`)).toEqual(['error DOC_CLAIM_SHARE 61.47%→62.28%']);
    expect(brief(`${text}62.28%。`)).toEqual([]);
  });

  it('never takes a kind of spending for the total a share names by its kind alone', () => {
    // The total (支出合计) was cut off before the excerpt: 基本支出 is not the whole meant.
    const text =
      '6.10%。其中基本支出1,846.20万元，占支出合计的64.58%；项目支出1,012.58万元，占支出合计的';
    expect(brief(`${text}35.42%。`)).toEqual([]);
    expect(
      brief(`2023年度支出合计2,858.78万元，其中基本支出1,846.20万元，占支出合计的64.58%。`),
    ).toEqual([]);
    expect(
      brief(`2023年度支出合计2,858.78万元，其中基本支出1,846.20万元，占支出合计的66.58%。`),
    ).toEqual(['error DOC_CLAIM_SHARE 66.58%→64.58%']);
  });

  it('reads the parts a whole is said to be made of (由A、B和C三部分构成)', () => {
    const text =
      '本年支出合计2,846.73万元，由人员经费1,523.18万元、日常公用经费186.40万元和专项业务经费';
    expect(brief(`${text}1,147.15万元三部分构成，执行率95.53%。`)).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 2846.73→2856.73',
    ]);
    expect(brief(`${text}1,137.15万元三部分构成，执行率95.53%。`)).toEqual([]);
  });

  it('checks a rate named for its part, or a completion of the plan before it', () => {
    expect(brief('全年抽检1,260批次，其中合格1,228批次，合格率98.25%。')).toEqual([
      'warning DOC_CLAIM_RATE 98.25%→97.46%',
    ]);
    expect(brief('全年抽检1,260批次，其中合格1,228批次，合格率97.46%。')).toEqual([]);
    expect(brief('参加结业考核42人，通过39人，首次通过率92.86%。')).toEqual([]);
    expect(brief('年度计划新建农田3.00万亩，实际建成2.80万亩，任务完成率96.67%。')).toEqual([
      'warning DOC_CLAIM_RATE 96.67%→93.33%',
    ]);
    expect(brief('年度计划新建农田3.00万亩，实际建成2.80万亩，任务完成率93.33%。')).toEqual([]);
    expect(brief('出院患者2.38万人次，病床使用率91.6%。')).toEqual([]);
  });

  it('checks a rate whose words name the two figures it compares (决算数为预算数的)', () => {
    const text = '“三公”经费支出预算为15.20万元，支出决算为12.36万元，决算数为预算数的';
    expect(brief(`${text}82.40%。`)).toEqual(['warning DOC_CLAIM_RATE 82.40%→81.32%']);
    expect(brief(`${text}81.32%。`)).toEqual([]);
  });

  it('checks a rate of use against the figure in use and the capacity before it', () => {
    expect(brief('敬老院核定床位120张，实际使用床位96张，床位使用率85.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 85.00%→80.00%',
    ]);
    expect(brief('敬老院核定床位120张，实际使用床位96张，床位使用率80.00%。')).toEqual([]);
    // In either order; residents of beds; the insured of those owed cover; equipment in use.
    expect(brief('实际使用床位96张，核定床位120张，床位使用率85.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 85.00%→80.00%',
    ]);
    expect(brief('敬老院共有床位120张，入住老人96人，入住率85.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 85.00%→80.00%',
    ]);
    expect(brief('敬老院共有床位120张，入住老人96人，入住率80%。')).toEqual([]);
    expect(brief('全县应参保人数52,000人，实际参保50,960人，参保覆盖率96.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 96.00%→98.00%',
    ]);
    expect(brief('中心现有设备48台，全年在用设备40台，设备利用率90.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 90.00%→83.33%',
    ]);
    expect(brief('中心现有设备48台，全年在用设备40台，设备利用率83.33%。')).toEqual([]);
    // Rates stated without their counts, or of figures neither named as capacity: no finding.
    expect(brief('床位使用率85.00%，设备利用率90%，参保覆盖率96%。')).toEqual([]);
    expect(brief('下达资金100.00万元，使用资金80.00万元，资金使用率85.00%。')).toEqual([]);
    expect(brief('全年接收老人96人，床位120张，床位使用率85.00%。')).toEqual([]);
  });

  it('checks a 控制率 against the staff in post and the posts approved before it', () => {
    expect(brief('2024年末编制数30人，实际在职23人，人员控制率90.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 90.00%→76.67%',
    ]);
    expect(brief('2024年末编制数30人，实际在职23人，人员控制率76.67%。')).toEqual([]);
    expect(brief('核定编制45人，实有在编人员47人，编制控制率104.44%。')).toEqual([]);
    expect(brief('三公经费预算12.00万元，实际支出9.60万元，控制率85.00%。')).toEqual([
      'warning DOC_CLAIM_RATE 85.00%→80.00%',
    ]);
    // The order says nothing about which figure is held to which: no reading.
    expect(brief('实际在职23人，编制数30人，人员控制率90.00%。')).toEqual([]);
  });

  it('takes a standard per head far beyond any budget for 元 written as 万元', () => {
    expect(brief('医院按每人每月1,500万元标准发放生活补贴。')).toEqual([
      'warning DOC_CLAIM_STANDARD_UNIT 每人每月1500万元→1500元',
    ]);
    expect(brief('中央财政按每人每年3万元标准补助，引进人才每人安家费100万元。')).toEqual([]);
  });

  it('dates an attachment of a year before the one evaluated', () => {
    const head = '某局2023年度项目支出绩效自评报告\n本项目自评得分97.5分。\n';
    expect(
      check(`${head}附件：2022年度优抚对象补助项目支出绩效自评表`).map((f) => [f.code, f.stated]),
    ).toEqual([['DOC_YEAR_ATTACHMENT', '2022年']]);
    expect(check(`${head}附件：2023年度优抚对象补助项目支出绩效自评表`)).toEqual([]);
    expect(check(`${head}附件：2024年度项目绩效目标表`)).toEqual([]);
  });
});

describe('relations found on the held-out excerpts of the eleventh round', () => {
  it('adds the counts of kinds listed after a count instead of counting the kinds', () => {
    const text = '全县共有公办学校12所，分别为高中2所、初中4所、小学';
    expect(brief(`${text}6所。`)).toEqual([]);
    expect(brief(`${text}5所。`)).toEqual(['error DOC_CLAIM_PARTS_SHORT 12→11']);
  });

  it('counts the names in parentheses after a count, when they name what it counts', () => {
    expect(brief('示范片区覆盖6个乡镇（东河镇、西岭乡、南坪镇、北山乡、中和镇）。')).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 6个→5',
    ]);
    for (const text of [
      '示范片区覆盖5个乡镇（东河镇、西岭乡、南坪镇、北山乡、中和镇）。',
      '示范片区覆盖6个乡镇（如东河镇、西岭乡、南坪镇）。',
      '示范片区覆盖6个乡镇（东河镇、西岭乡、南坪镇等）。',
      '二批项目涉及东河镇（上河村、下河村、河口村）。',
    ])
      expect(brief(text), text).toEqual([]);
  });

  it('takes parts followed by 等 for some of their whole', () => {
    const text =
      '全年支出5,600.00万元，其中基本支出1,200.00万元，项目支出4,400.00万元。项目支出中，';
    expect(brief(`${text}道路工程2,100.00万元、供水工程1,300.00万元等。`)).toEqual([]);
    expect(brief(`${text}道路工程2,100.00万元、供水工程1,300.00万元。`)).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 4400.00→3400.00',
    ]);
  });

  it('takes a bond fund "已支出" against the plan of its own name', () => {
    const text =
      '项目总投资5.10亿元，其中专项债券资金3.00亿元、自筹资金2.10亿元。截至年底，专项债券资金已支出2.70亿元，支出进度';
    expect(brief(`${text}90.00%。`)).toEqual([]);
    expect(brief(`${text}92.50%。`)).toEqual(['warning DOC_CLAIM_RATE 92.50%→90.00%']);
  });

  it("checks a change in points against last year's percentage given in parentheses after it", () => {
    expect(brief('项目执行率为91.20%，较上年提高2.50个百分点（上年为88.70%）。')).toEqual([]);
    expect(brief('项目执行率为91.20%，较上年提高4.50个百分点（上年为88.70%）。')).toEqual([
      'error DOC_CLAIM_GROWTH 4.5个百分点→2.50个百分点',
    ]);
    // The rate named after the figure may be another one's: a warning only.
    expect(brief('完成预算的91.20%，执行率较上年提高4.50个百分点（上年为88.70%）。')).toEqual([
      'warning DOC_CLAIM_GROWTH 4.5个百分点→2.50个百分点',
    ]);
  });

  it('names the nearest figure before parts that exceed every figure stated before them', () => {
    const text =
      '项目预算数500.00万元。项目全年执行数460.00万元，执行率92.00%。按用途分，其中设备购置费420.00万元，差旅费';
    expect(brief(`${text}20.00万元，劳务费20.00万元。`)).toEqual([]);
    expect(brief(`${text}60.00万元，劳务费40.00万元。`)).toEqual([
      'warning DOC_CLAIM_PARTS_EXCEED 460.00→520.00',
    ]);
  });

  it("takes the target and outcome words of indicators for no quantity's name", () => {
    expect(
      brief(
        '新立项省级课题，年度指标值≥6项，实际完成值7项，分值5分，得分5分。\n签订横向合同，年度指标值≥3项，实际完成值3项，分值5分，得分5分。',
      ),
    ).toEqual([]);
  });

  it('dates a whole year’s evaluation signed before the year’s last quarter', () => {
    const body = '本年度基金收入35.00亿元。\n填报日期：';
    expect(check(`某市2024年度基金绩效自评报告\n${body}2024年3月28日`).map((f) => f.code)).toEqual([
      'DOC_YEAR_REPORT_DATE',
    ]);
    expect(check(`某市2024年度基金绩效自评报告\n${body}2024年12月20日`)).toEqual([]);
    expect(check(`某市2024年度上半年基金绩效自评报告\n${body}2024年7月10日`)).toEqual([]);
    // A title's "2024年" names the year's self-evaluation as "2024年度" does; a year's
    // monitoring report (绩效监控) is written before the year ends.
    expect(check(`某市2024年基金绩效自评报告\n${body}2024年3月28日`).map((f) => f.code)).toEqual([
      'DOC_YEAR_REPORT_DATE',
    ]);
    expect(check(`某市2024年基金绩效监控自评报告\n${body}2024年8月9日`)).toEqual([]);
  });

  it('reads a date line a PDF wrapped inside its label or its date', () => {
    const title = '某市2024年度基金绩效自评报告\n本年度基金收入35.00亿元。\n';
    for (const lines of ['填报日\n期：2024年3月15日', '填报日期：2024\n年3月15日'])
      expect(check(title + lines).map((f) => f.code)).toEqual(['DOC_YEAR_REPORT_DATE']);
    expect(check(`${title}填报日\n期：2025年3月15日`)).toEqual([]);
  });
});

describe('relations of the twelfth round of invented prose', () => {
  it('holds a part\'s "完成年度预算的Z%" against the plan of its own name above', () => {
    const text = (rate: string) =>
      `部门预算总额4,127.56万元，其中基本支出2,093.56万元、项目支出2,034.00万元。全年实际支出3,919.36万元，预算执行率94.96%。其中：基本支出2,093.56万元，执行率100%；项目支出1,825.80万元，完成年度预算的${rate}。`;
    expect(brief(text('89.76%'))).toEqual([]);
    expect(brief(text('91.20%'))).toEqual(['warning DOC_CLAIM_RATE 91.20%→89.76%']);
  });

  it('checks a saving against the plan less the outcome before it', () => {
    const text = (saved: string) =>
      `全年政府采购预算2,846.30万元，实际采购金额2,712.58万元，节约资金${saved}万元。`;
    expect(brief(text('133.72'))).toEqual([]);
    expect(brief(text('123.72'))).toEqual([
      'error DOC_CLAIM_DIFFERENCE 节约123.72万元→节约133.72万元',
    ]);
  });

  it('takes a growth after a change as the change over the figure compared', () => {
    const text = (rate: string) =>
      `与2022年度的3,001.48万元相比，财政拨款支出增加215.36万元，增长${rate}。`;
    expect(brief(text('7.18%'))).toEqual([]);
    expect(brief(text('6.72%'))).toEqual(['error DOC_CLAIM_RATE 6.72%→7.18%']);
    // A change itself wrong is reported once: the rate agrees with the two figures.
    expect(brief('支出9.86万元，较上年12.40万元减少2.45万元，下降20.48%。')).toEqual([
      'error DOC_CLAIM_DIFFERENCE 减少2.45万元→减少2.54万元',
    ]);
  });

  it('reads "由A提高到B，提高了D个百分点"', () => {
    const text = (d: string) => `卫生厕所普及率由上年的87.8%提高到91.4%，提高了${d}个百分点。`;
    expect(brief(text('3.6'))).toEqual([]);
    expect(brief(text('2.6')).map((x) => x.split(' ')[1])).toEqual(['DOC_CLAIM_GROWTH']);
  });

  it('counts 户 against their names, and one office named with 和', () => {
    expect(brief('涉及森工企业4户，分别为龙江森工集团、伊春森工集团、大兴安岭林业集团。')).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 4户→3',
    ]);
    const offices = (n: string) =>
      `镇政府下设${n}个综合办事机构，即党政综合办公室、经济发展办公室、社会事务办公室、自然资源和生态环境办公室；另设2个事业单位。`;
    expect(brief(offices('4'))).toEqual([]);
    expect(brief(offices('5'))).toEqual(['warning DOC_CLAIM_LIST_COUNT 5个→4']);
    expect(brief('下设3个站所，即农技站、林业站和水利站。')).toEqual([]);
  });

  it("counts the retired in a total said to be everyone's", () => {
    expect(brief('年末实有人员共计144人，其中在职人员98人、退休人员41人、遗属人员5人。')).toEqual(
      [],
    );
    expect(brief('年末实有人员共计146人，其中在职人员98人、退休人员41人、遗属人员5人。')).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 146→144',
    ]);
  });

  it('takes "X规模达到N" for X', () => {
    expect(
      brief('全日制在校生18,426人。\n全日制在校生规模达到18,462人，年度目标18,000人。').map(
        (x) => x.split(' ')[1],
      ),
    ).toEqual(['DOC_CLAIM_RESTATED']);
  });

  it('reports a project period that ended before the year evaluated', () => {
    const text = (period: string) =>
      `某学校2023年度质量提升项目支出绩效自评报告\n项目实施周期：${period}。项目年度预算资金360.00万元。`;
    expect(brief(text('2023年1月至2023年12月'))).toEqual([]);
    expect(brief(text('2022年1月至2023年12月'))).toEqual([]);
    expect(brief(text('2022年1月至2022年12月'))).toEqual([
      'warning DOC_YEAR_PERIOD 2022年1月至2022年12月→2023年',
    ]);
  });
});

describe('relations of the thirteenth round of invented prose', () => {
  it('checks a total written "以上三项累计" against the items before it', () => {
    expect(
      brief(
        '项目支出主要包括：甲资金812.40万元、乙经费236.50万元、丙资金520.00万元，以上三项累计1,586.90万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 1586.90→1568.90']);
    expect(
      brief(
        '项目支出主要包括：甲资金812.40万元、乙经费236.50万元、丙资金520.00万元，以上三项累计1,568.90万元。',
      ),
    ).toEqual([]);
  });

  it('reports a figure restated with two neighbouring digits swapped under a shortened name', () => {
    const text = (restated: string) =>
      `2023年下达财政衔接推进乡村振兴补助资金8,563.20万元，主要用于产业发展。\n截至年底，衔接资金${restated}万元全部分配到项目。`;
    expect(brief(text('8,536.20'))).toEqual(['warning DOC_CLAIM_RESTATED 8536.20万元→8563.20万元']);
    expect(brief(text('8,563.20'))).toEqual([]);
    // In a report on one project, "项目预算" is that project's.
    const project = (restated: string) =>
      `某局甲乙保护区建设项目2023年度绩效自评报告\n甲乙保护区建设项目年初预算286.50万元，全年支出279.34万元。\n项目2023年度预算${restated}万元，计划扶持传承人48名。`;
    expect(brief(project('268.50'))).toEqual(['warning DOC_CLAIM_RESTATED 268.50万元→286.50万元']);
    expect(brief(project('286.50'))).toEqual([]);
  });

  it('reads 全年预算 of a department’s report as 部门预算 for swapped digits', () => {
    const text = (overview: string) =>
      `某县司法局2023年度部门整体支出绩效自评报告\n一、部门概况\n2023年部门预算${overview}万元。\n二、预算执行情况\n2023年全年预算1,528.36万元，全年支出1,496.20万元，预算执行率97.90%。`;
    expect(brief(text('1,582.36'))).toEqual(['warning DOC_CLAIM_RESTATED 1528.36万元→1582.36万元']);
    expect(brief(text('1,528.36'))).toEqual([]);
  });

  it('takes the project of a title that names its year after the project', () => {
    for (const title of [
      '某县文化局甲乙保护区建设项目2023年度绩效自评报告',
      '某县文化局2023年度甲乙保护区建设项目绩效自评报告',
    ]) {
      const text = (restated: string) =>
        `${title}\n甲乙保护区建设项目预算资金300.00万元，主要用于传承人补助。\n项目预算资金${restated}万元，全年支出296.00万元。`;
      expect(brief(text('320.00')), title).toEqual([
        'warning DOC_CLAIM_RESTATED 320.00万元→300.00万元',
      ]);
      expect(brief(text('300.00')), title).toEqual([]);
    }
  });

  it('reads "（一）项目年度目标" under a chapter of the goals’ completion as the goals set', () => {
    const text = [
      '某局甲乙保护区建设项目2023年度绩效自评报告',
      '三、项目绩效目标完成情况',
      '（一）项目年度目标',
      '计划扶持传承人48名，建设传习所6个，开展非遗展演活动30场次。',
      '（二）完成情况',
      '全年扶持传承人48名，建成传习所6个，开展非遗展演活动34场次。',
    ].join('\n');
    expect(brief(text)).toEqual([]);
  });

  it('holds a plan of the prose against the plan columns of a row of the same name', () => {
    const text = (budget: string) =>
      [
        '某局2023年度部门整体支出绩效自评报告',
        `2023年全年预算数6,482.35万元，其中基本支出3,222.35万元，项目支出${budget}万元。`,
        '项目名称        年初预算数    全年预算数    全年执行数    执行率',
        '项目支出        3,100.00      3,620.00      3,482.45      96.20%',
      ].join('\n');
    expect(brief(text('3,260.00'))).toEqual([
      'warning DOC_CLAIM_RESTATED 3260.00万元→3100.00、3620.00',
    ]);
    expect(brief(text('3,620.00').replace('6,482.35', '6,842.35'))).toEqual([]);
  });

  it('reports a chapter heading naming the year before over the year evaluated', () => {
    const text = (heading: string) =>
      `某街道2023年度部门整体支出绩效自评报告\n一、基本情况\n街道下辖居民区15个。\n二、${heading}\n2023年，街道全年预算数为18,653.42万元。\n三、存在的问题\n绩效目标不够细化。`;
    expect(brief(text('2022年度部门预算执行情况'))).toEqual([
      'warning DOC_YEAR_HEADING 2022年→2023年',
    ]);
    expect(brief(text('2023年度部门预算执行情况'))).toEqual([]);
    expect(brief(text('2022年度问题整改情况'))).toEqual([]);
  });
});

describe('relations of the batch after the thirteenth round', () => {
  it('counts 期 against the names listed', () => {
    expect(
      brief('全年举办创业培训班5期，分别是：长白镇班、八道沟镇班、十四道沟镇班、马鹿沟镇班。').map(
        (x) => x.split(' ')[1],
      ),
    ).toEqual(['DOC_CLAIM_LIST_COUNT']);
  });

  it('reports one sum written in 亿元 and again in 万元 with the same digits', () => {
    expect(
      brief(
        '实现旅游综合收入86.32亿元，同比增长12%。\n全县旅游综合收入86.32万元，带动就业1.2万人。',
      ),
    ).toEqual(['warning DOC_CLAIM_UNIT_SLIP 86.32万元→86.32亿元']);
  });

  it('adds the last N figures for "以上N项合计", and lets "主要包括" list some of a figure', () => {
    expect(
      brief(
        '全年执行数4,763.60万元。其中项目支出全年预算3,180.00万元，主要包括：道路养护经费1,326.50万元、桥梁维修经费1,362.50万元、客运站运营补贴418.60万元，以上三项合计3,107.60万元。',
      ),
    ).toEqual([]);
  });
});

describe('relations of the fifteenth round of invented prose', () => {
  it('checks a share of a whole written rounded against the amounts it may round', () => {
    const text = (share: string) =>
      `全年支出约1.17亿元，其中基本支出4,862.35万元，占全年支出的${share}。`;
    expect(brief(text('41.73%'))).toEqual([]);
    expect(brief(text('45.73%')).map((x) => x.split(' ')[1])).toEqual(['DOC_CLAIM_SHARE']);
  });

  it('totals the items after the colon for "以上共计", or the last n it counts', () => {
    const list =
      '项目支出3,570.00万元，主要用于以下方面：（一）低保金2,316.40万元；（二）供养金865.20万元；（三）临时救助金128.60万元。';
    expect(brief(`${list}以上共计3,301.20万元。`)).toEqual([
      'error DOC_CLAIM_PARTS_EXCEED 3301.20→3310.20',
    ]);
    expect(brief(`${list}以上共计3,310.20万元。`)).toEqual([]);
    expect(brief(`${list}以上三项合计3,310.20万元。`)).toEqual([]);
  });

  it('reads money and percentages written in Chinese numerals', () => {
    expect(brief('省级下达补助资金三百万元，市级配套一百二十万元，合计四百五十万元。')).toEqual([
      'error DOC_CLAIM_PARTS_SHORT 四百五十→420',
    ]);
    expect(brief('省级下达补助资金三百万元，市级配套一百二十万元，合计四百二十万元。')).toEqual([]);
    expect(
      brief('全年预算数2,556.80万元，全年执行数2,481.35万元，预算执行率达到百分之九十五。').map(
        (x) => x.split(' ')[1],
      ),
    ).toEqual(['DOC_CLAIM_RATE']);
  });

  it('takes a rate of a plan whose parts disagree with its total as of either', () => {
    const text = (rate: string) =>
      `项目资金来源为：中央资金1,280.00万元、省级资金420.00万元、县级资金360.00万元，三者合计2,100.00万元。\n二、资金使用情况\n项目实际支出1,926.48万元，预算执行率为${rate}。`;
    const rates = (rate: string) => brief(text(rate)).filter((x) => x.includes('RATE'));
    expect(rates('93.52%')).toEqual([]);
    expect(rates('91.74%')).toEqual([]);
    expect(rates('92.52%')).toEqual(['warning DOC_CLAIM_RATE 92.52%→91.74%']);
  });

  it('takes a growth after "较上年增加D" as D over this year less D', () => {
    const text = (rate: string) =>
      `全年接待游客1,286.5万人次，较上年增加168.2万人次，同比增长${rate}。`;
    expect(brief(text('15.0%'))).toEqual([]);
    expect(brief(text('13.2%'))).toEqual(['error DOC_CLAIM_RATE 13.2%→15.0%']);
  });

  it('reports a count restated with two digits swapped under a name of the whole unit', () => {
    const text = (restated: string) =>
      `医院开放床位1,200张，在职职工1,286人。\n全年门急诊86.4万人次，全院职工${restated}人。`;
    expect(brief(text('1,268'))).toEqual(['warning DOC_CLAIM_RESTATED 1268人→1286人']);
    expect(brief(text('1,286'))).toEqual([]);
    expect(brief('在职职工1,286人。\n退休职工1,268人。')).toEqual([]);
  });

  it('reports a 元/万元 slip in a part once, as the slip, not also as a wrong sum', () => {
    expect(
      brief(
        '项目支出1,500.00万元，其中道路养护1,100.00万元、设备购置250.00元、人员培训150.00万元。',
      ),
    ).toEqual(['warning DOC_CLAIM_PART_UNIT 250.00元→250.00万元']);
  });

  it('reports a figure per household ten thousand times the money over the count', () => {
    const text = (each: string) =>
      `全年发放补贴资金2,865.30万元。补贴直接发放到户，惠及农户3.6万户，户均补贴约${each}。`;
    expect(brief(text('795.9万元'))).toEqual(['warning DOC_CLAIM_PER_UNIT 795.9万元→795.92元']);
    expect(brief(text('795.9元'))).toEqual([]);
  });

  it('holds the items of "支出明细：" against the sum before it, past a balance', () => {
    expect(
      brief(
        '累计支出4,512,600元，完成预算的96.88%。支出明细：材料费1,862,400元、人工费1,536,200元、机械使用费1,114,000万元。',
      ).map((x) => x.split(' ')[1]),
    ).toContain('DOC_CLAIM_PART_UNIT');
    expect(
      brief(
        '累计支付812.46万元，结余47.54万元。支出构成为：设备购置626.80万元、系统升级118.66万元、培训进修67.00万元。',
      ),
    ).toEqual([]);
    // Items numbered one per sentence, each with a 其中 of its own.
    const items = (second: string) =>
      brief(
        `全年支出10,128.65万元，预算执行率96.59%。具体如下：（1）基本支出7,642.38万元，其中人员经费6,854.26万元；公用经费788.12万元。\n（2）项目支出${second}万元，其中甲项目1,268.45万元，乙项目586.32万元，丙项目631.50万元。`,
      );
    expect(items('2,486.27')).toEqual([]);
    expect(items('2,468.27').map((x) => x.split(' ')[1])).toEqual([
      'DOC_CLAIM_PARTS_EXCEED',
      'DOC_CLAIM_PARTS_SHORT',
    ]);
  });

  it('dates a running total before the year evaluated that names the year as its part', () => {
    const text = (date: string) =>
      `某县2024年度县医院提标扩能项目支出绩效自评报告\n截至${date}，项目累计完成投资12,860万元，其中2024年度当年完成投资4,215.60万元。`;
    expect(brief(text('2023年12月31日'))).toEqual(['warning DOC_YEAR_AS_OF 2023年12月31日→2024年']);
    expect(brief(text('2024年12月31日'))).toEqual([]);
  });

  it('reports a heading of the year’s results naming the year before over a section of no year', () => {
    const text = (heading: string) =>
      `某局2024年度森林防火项目支出绩效自评报告\n一、项目基本情况\n项目资金420.00万元。\n二、${heading}\n新建防火隔离带45公里。\n三、存在的问题\n部分点位信号不稳定。`;
    expect(brief(text('2023年度绩效目标完成情况'))).toEqual([
      'warning DOC_YEAR_HEADING 2023年→2024年',
    ]);
    expect(brief(text('2024年度绩效目标完成情况'))).toEqual([]);
    expect(brief(text('2023年度预算安排情况'))).toEqual([]);
  });

  it('takes a county-wide scope of a project’s works for no excuse of a figure far above it', () => {
    const text = (fees: string) =>
      `某县水利局2023年度农村供水保障工程项目绩效自评报告\n工程总投资1.26亿元。\n2023年全县农村供水工程共收取用水户水费约${fees}，全部用于工程日常运行维护。`;
    expect(brief(text('318,600万元')).map((x) => x.split(' ')[1])).toEqual(['DOC_CLAIM_MAGNITUDE']);
    expect(brief(text('318,600元'))).toEqual([]);
    expect(brief(text('318,600万元').replace('供水工程共收取用水户水费', '生产总值'))).toEqual([]);
  });

  it('reads the sixteenth round’s wordings: overlaps, traits, named totals, 为： lists, dates', () => {
    // Parts with their overlap among them are no partition (18 + 15 − 10 = 23).
    expect(
      brief(
        '完成改造小区23个，其中改造供热管网的小区18个，改造供水管网的小区15个，两项管网同时改造的小区10个。',
      ),
    ).toEqual([]);
    // Counts of pupils by trait leave others out.
    expect(brief('全县在校生共计52,318人，其中寄宿生8,960人、农村学生41,205人。')).toEqual([]);
    // A total named after its word.
    expect(
      brief('全市落实禁牧面积128万亩，草畜平衡面积216万亩，合计落实草原面积334万亩。'),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 334万→344万']);
    // "N座X为：" names them all.
    expect(brief('已完成的4座水库为：青山沟水库、石湖沟水库、牛毛坞水库。')).toEqual([
      'warning DOC_CLAIM_LIST_COUNT 4座→3',
    ]);
    // A rate after a named plan may be of that name's outcome before, a part of a 其中 there.
    expect(
      brief(
        '全年预算数为680.00万元，全年执行数为650.00万元，预算执行率为95.59%。其中基本支出500.00万元；项目支出150.00万元。项目支出全年预算160.00万元，执行率93.75%。',
      ),
    ).toEqual([]);
    // Last year's outcome is of last year's plan.
    expect(
      brief(
        '基本支出全年预算786.50万元，执行782.16万元，执行率99.45%。上年执行数为6,112.35万元，执行率为97.21%。',
      ),
    ).toEqual([]);
    // The year's work said done in the year before.
    const done = (date: string) =>
      brief(`某局2024年度职业技能培训项目支出绩效自评报告
全年开展培训86期，培训工作于${date}底前全部完成。`);
    expect(done('2023年11月')).toEqual(['warning DOC_YEAR_DONE_BEFORE 2023年11月底前→2024年']);
    expect(done('2024年11月')).toEqual([]);
    // The clause of the date is parted by a half-width comma as by a full-width one: plan words
    // of the clause before ("按计划推进") excuse nothing.
    expect(
      brief(`某局2024年度造林项目支出绩效自评报告
苗木采购和栽植工作按计划推进,项目于2023年10月完成竣工验收。`),
    ).toEqual(['warning DOC_YEAR_DONE_BEFORE 2023年10月→2024年']);
    // A period of the year evaluated paid out the year before (到学生账户 is paid out too).
    const paid = (term: string, date: string) =>
      brief(`某局2024年度学生资助项目支出绩效自评报告
全年资助学生2,053人。${term}资助资金于${date}前全部发放到学生账户。`).map((x) => x.split(' ')[1]);
    expect(paid('2024年秋季学期', '2023年11月28日')).toEqual(['DOC_YEAR_DONE_BEFORE']);
    expect(paid('2024年秋季学期', '2024年11月28日')).toEqual([]);
    // Another year named, or the evaluated year after the date: no finding.
    expect(paid('2025年春季学期', '2023年11月28日')).toEqual([]);
    expect(paid('', '2023年11月28日，2024年春季学期')).toEqual([]);
  });

  it('reads amounts in capitals (大写) and holds them against the figure beside them', () => {
    expect(capitalsToFen('贰仟叁佰肆拾伍万陆仟元整')).toBe(2_345_600_000);
    expect(capitalsToFen('壹亿零伍佰万元')).toBe(10_500_000_000);
    expect(capitalsToFen('拾万零叁元伍角')).toBe(10_000_350);
    expect(capitalsToFen('壹佰贰拾陆万伍仟元')).toBe(126_500_000);
    expect(brief('发放助学金共计人民币壹佰贰拾陆万伍仟元（1,265,000元）。')).toEqual([]);
    expect(brief('发放助学金共计人民币壹佰贰拾陆万伍仟元（1,256,000元）。')).toEqual([
      'error DOC_CLAIM_CAPITALS 1256000.00→1265000.00',
    ]);
    expect(brief('下达资金126.5万元（大写：壹佰贰拾陆万伍仟元整）。')).toEqual([]);
  });

  it('reads a bare 占 after a share of a named whole, the main uses of money, swaps of three digits', () => {
    expect(
      brief(
        '全年实际支出158.32万元。其中演出服务费86.40万元，占实际支出的54.57%；场地租赁费41.20万元，占26.62%；宣传物料费30.72万元，占19.40%。',
      ).map((x) => x.split(' ')[1]),
    ).toEqual(['DOC_CLAIM_SHARE']);
    const uses = (third: string) =>
      brief(
        `项目实际支出586.20万元，预算执行率97.70%。资金主要用于：基地建设补助312.50万元、冷链仓储设施补助186.30万元、${third}。`,
      ).map((x) => x.split(' ')[1]);
    expect(uses('品牌宣传推介费874,000万元')).toContain('DOC_CLAIM_PART_UNIT');
    expect(uses('品牌宣传推介费87.40万元')).toEqual([]);
    expect(uses('品牌宣传推介费50.00万元')).toEqual([]);
    const area = (second: string) =>
      brief(
        `一、概况\n全市茶园面积达到42.6万亩。\n二、成效\n全市茶园总面积${second}万亩，茶农增收明显。`,
      );
    expect(area('46.2')).toEqual(['warning DOC_CLAIM_RESTATED 46.2万亩→42.6万亩']);
    expect(area('42.6')).toEqual([]);
  });

  it('takes spending over a 年初 plan said to be raised for a rate of the raised plan', () => {
    const spent = (rate: string) =>
      brief(
        `年初预算2,146.80万元，其中基本支出1,386.40万元，项目支出760.40万元。年中追加项目资金118.60万元，全年预算2,265.40万元。全年支出2,218.53万元，预算执行率97.93%。其中基本支出1,379.25万元；项目支出839.28万元，执行率${rate}。`,
      );
    expect(spent('95.48%')).toEqual([]);
    expect(
      brief(
        '年初预算800.00万元，其中项目支出300.00万元。全年支出790.00万元，其中项目支出330.00万元，执行率95.00%。',
      ).map((x) => x.split(' ')[1]),
    ).toEqual(['DOC_CLAIM_RATE']);
  });

  it('pairs no outcome of one year with a plan of another, and reads a figure after its capitals', () => {
    expect(
      brief(
        '2024年全年预算数为1,250.00万元，全年执行数为1,186.20万元，执行率94.90%。2023年度决算支出1,120.50万元，执行率为96.30%。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '项目总投资人民币叁仟伍佰万元整（3,500万元），其中中央预算内资金2,000万元，地方政府专项债券1,500万元。全年实际支付设备款3,087.00万元，执行率88.2%。',
      ),
    ).toEqual([]);
    const done = (before: string) =>
      brief(`某局2024年度国土绿化项目支出绩效自评报告\n${before}，项目于2023年10月完成竣工验收。`);
    expect(done('苗木栽植工作按计划推进').map((x) => x.split(' ')[1])).toEqual([
      'DOC_YEAR_DONE_BEFORE',
    ]);
    expect(done('项目前期工作已于上年启动')).toEqual([]);
  });

  it('checks averages, dates no calendar has and work said done after the report', () => {
    const average = (each: string) =>
      brief(`全年共为2,148名优抚对象发放定期抚恤补助1,326.80万元，人均${each}元。`);
    expect(average('6,716')).toEqual(['warning DOC_CLAIM_AVERAGE 6716元→6176.91元']);
    expect(average('6,177')).toEqual([]);
    expect(average('6,176')).toEqual([]);
    // An average of a count per what another count counts (期, 场…).
    const sessions = (each: string) =>
      brief(`全年举办培训班5期，培训学员共计260人次，平均每期${each}人次。`);
    expect(sessions('56')).toEqual(['warning DOC_CLAIM_AVERAGE 56人次→52人次']);
    expect(sessions('52')).toEqual([]);
    expect(brief('开展技术培训12期，共培训茶农846人次，平均每期70.5人次。')).toEqual([]);
    // An average is no part of the whole its sentence itemises.
    expect(
      brief(
        '全年支出1,286.40万元，其中人员经费546.00万元，人均人员经费13.00万元；公用经费及项目支出740.40万元。',
      ),
    ).toEqual([]);
    const dated = (date: string) =>
      brief(`某馆2023年度部门整体支出绩效自评报告
项目于${date}通过验收。`);
    expect(dated('2023年13月')).toEqual(['error DOC_DATE_INVALID 2023年13月→有效日期']);
    expect(dated('2023年2月29日')).toEqual(['error DOC_DATE_INVALID 2023年2月29日→有效日期']);
    expect(dated('2024年2月29日')).toEqual([]);
    expect(dated('2023年12月31日')).toEqual([]);
    const done = (date: string) =>
      brief(
        `某馆2023年度部门整体支出绩效自评报告\n分馆改造项目已于${date}底前全部完工并投入使用。`,
      );
    expect(done('2024年10月').map((x) => x.split(' ')[1])).toEqual(['DOC_YEAR_DONE_AFTER_DATE']);
    expect(done('2024年3月')).toEqual([]);
    // The same date written bare, with neither 于 nor 已, in a report signed before it.
    const bare = (text: string) =>
      brief(`某馆2023年度部门整体支出绩效自评报告\n${text}\n填报日期：2024年3月15日`).map((x) =>
        x.split(' ').slice(0, 3).join(' '),
      );
    expect(bare('新馆建设项目2024年12月竣工验收，全年完成投资860.00万元。')).toEqual([
      'warning DOC_YEAR_DONE_AFTER_DATE 2024年12月→2024年3月15日之前',
    ]);
    expect(bare('分馆改造工程2024年10月20日全部完工。')).toEqual([
      'warning DOC_YEAR_DONE_AFTER_DATE 2024年10月20日→2024年3月15日之前',
    ]);
    // Figures as of a date after the signing, said 截至, 截止 or 截止到.
    for (const asOf of ['截至', '截止', '截止到'])
      expect(bare(`${asOf}2024年12月31日，项目实际支出860.00万元。`)).toEqual([
        'warning DOC_YEAR_DONE_AFTER_DATE 2024年12月31日→2024年3月15日之前',
      ]);
    // A plan, a deadline, the month the report was signed in, or a date before it: no finding.
    expect(bare('新馆建设项目预计2024年12月竣工验收。')).toEqual([]);
    expect(bare('新馆建设项目计划2024年12月建成。')).toEqual([]);
    expect(bare('新馆建设项目要求2024年12月完成。')).toEqual([]);
    expect(bare('新馆建设项目2024年12月底前完成。')).toEqual([]);
    expect(bare('分馆改造工程2024年3月完工。')).toEqual([]);
    expect(bare('分馆改造工程2023年11月完工，2024年1月通过验收。')).toEqual([]);
    // A history names years long past; none is after the report.
    expect(
      bare('本馆始建于1985年，1986年6月建成开放，2012年5月完成改扩建，2019年9月竣工验收。'),
    ).toEqual([]);
    // Figures stated as of a date after the report was signed.
    const asOf = (date: string) =>
      brief(
        `某局2024年度项目支出绩效自评报告\n截至${date}，项目实际支出386.20万元。\n填报日期：2025年4月15日`,
      ).map((x) => x.split(' ')[1]);
    expect(asOf('2025年12月31日')).toEqual(['DOC_YEAR_DONE_AFTER_DATE']);
    expect(asOf('2024年12月31日')).toEqual([]);
    // Work said done before the date the same sentence starts it.
    const started = (date: string) =>
      brief(
        `某中心2024年度文物保护项目支出绩效自评报告\n项目于2024年3月开工，修缮工程于${date}通过竣工验收，安防设施于2024年12月完成安装调试。`,
      ).map((x) => x.split(' ')[1]);
    expect(started('2023年11月')).toEqual(['DOC_YEAR_DONE_BEFORE']);
    expect(started('2024年11月')).toEqual([]);
    // One count restated with two digits swapped, "在校学生" for "在校生".
    const pupils = (second: string) =>
      brief(
        `一、概况\n全县共有中小学28所，在校生9,860人。\n二、成效\n全县${second}全部享受“三包”政策。`,
      );
    expect(pupils('在校学生9,680人')).toEqual(['warning DOC_CLAIM_RESTATED 9680人→9860人']);
    expect(pupils('在校生9,860人')).toEqual([]);
  });

  it('reads the wordings of the twentieth round', () => {
    // Periods that tile the year before its 累计 are its parts.
    expect(
      brief(
        '第一季度支出21.08万元，第二季度支出30.12万元，第三季度支出29.86万元，第四季度支出42.79万元，全年累计支出124.86万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 124.86→123.85']);
    expect(brief('上半年支出86.40万元，下半年支出98.20万元，全年累计支出184.60万元。')).toEqual([]);
    expect(brief('1—6月累计支出86.40万元，全年累计支出184.60万元。')).toEqual([]);
    // 增至 from the level after 由.
    expect(brief('全年粮食总产量由上年的17.95万吨增至18.62万吨，增幅4.73%。')).toEqual([
      'error DOC_CLAIM_GROWTH 4.73%→3.73%',
    ]);
    // A completion in 公顷 (米) of a plan in 亩 (公里); 完成计划的 a completion rate.
    expect(
      brief('年度计划新建高标准农田2.0万亩，全年实际建成1,200公顷，完成率100%。').map((f) =>
        f.replace(/→.*/, ''),
      ),
    ).toEqual(['warning DOC_CLAIM_RATE 100%']);
    expect(brief('年度计划新建高标准农田1.8万亩，全年实际建成1,200公顷，完成率100%。')).toEqual([]);
    expect(brief('年初计划完成安保工程85公里，全年实际完成86,200米，完成率101.4%。')).toEqual([]);
    expect(
      brief('年度计划门诊服务12万人次，全年实际完成门诊126,800人次，完成计划的百分之一百一十。'),
    ).toEqual(['warning DOC_CLAIM_RATE 百分之一百一十→106%']);
    // Rates in ‰; cases among people.
    expect(brief('全年活产数4,260人，监测发现出生缺陷13例，出生缺陷发生率3.8‰。')).toEqual([
      'warning DOC_CLAIM_RATE 3.8‰→3.1‰',
    ]);
    expect(brief('全县牲畜存栏48.6万头，全年因病死亡97头，死亡率0.2‰。')).toEqual([]);
    // A balance's rate is of the plan it was left of, never of the spending.
    expect(
      brief(
        '项目预算192.00万元，1—6月累计支出86.40万元，7—12月支出98.20万元，全年累计支出184.60万元，年末结余7.40万元，结余率3.85%。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '下达资本金1.2亿元。项目实际支出11,460万元，执行率95.5%，年末结转资金540万元，结转率5.4%。',
      ),
    ).toEqual(['warning DOC_CLAIM_RATE 5.4%→4.5%']);
    // 生均 is per pupil, of the money it is named after.
    const perPupil = (average: string) =>
      brief(
        `全日制在校生15,600人，教职工1,050人。全年人员经费支出18,900.00万元，按教职工1,050人计算，人均18.00万元；公用经费支出4,680.00万元，生均公用经费${average}。`,
      ).map((f) => f.replace(/→.*/, ''));
    expect(perPupil('0.30万元')).toEqual([]);
    expect(perPupil('0.40万元')).toEqual(['warning DOC_CLAIM_AVERAGE 0.40万元']);
    // A level reached is a base; a year after 由; 降幅 of points; cases found among those screened.
    expect(brief('患者人数由上年的32.6万人增加至34.1万人，增幅5.2%。')).toEqual([
      'error DOC_CLAIM_GROWTH 5.2%→4.6%',
    ]);
    expect(brief('漏损率由2022年的14.6%下降至12.8%，降幅1.8个百分点。')).toEqual([]);
    expect(brief('漏损率由2022年的14.6%下降至12.8%，降幅2.8个百分点。').length).toBe(1);
    expect(
      brief('完成结核病筛查2,860人，发现确诊病例24例，结核病检出率0.93%。').map((f) =>
        f.replace(/→.*/, ''),
      ),
    ).toEqual(['warning DOC_CLAIM_RATE 0.93%']);
  });

  it('reads the wordings of the eighteenth round', () => {
    // Parts in parentheses right after their whole.
    expect(
      brief('全年合计支出318.46万元（人员经费226.18万元、公用经费31.40万元、项目支出58.88万元）。'),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 318.46→316.46']);
    expect(
      brief('全年合计支出316.46万元（人员经费226.18万元、公用经费31.40万元、项目支出58.88万元）。'),
    ).toEqual([]);
    // An outcome after a ； is no part of a plan's 其中.
    expect(
      brief(
        '2023年预算总额156.80万元，其中免费开放补助资金40.00万元；全年支出152.44万元，预算执行率97.22%。',
      ),
    ).toEqual([]);
    // A subject named by its kind alone is not the kind of spending before it.
    expect(
      brief(
        '财政拨款收入176.52万元，全年支出172.08万元，其中基本支出158.34万元，项目支出13.74万元，全年支出占财政拨款收入的97.48%。',
      ),
    ).toEqual([]);
    // Growth said as 增幅 after last year's figure; a change after "A，2022年为B，较上年减少D".
    expect(brief('全年接待观众12.68万人次，上年同期为11.26万人次，同比增幅21.6%。')).toEqual([
      'error DOC_CLAIM_GROWTH 21.6%→12.6%',
    ]);
    expect(brief('全年接待观众12.68万人次，上年同期为11.26万人次，同比增幅12.6%。')).toEqual([]);
    expect(
      brief('2023年“三公”经费支出1.86万元，2022年为2.35万元，较上年减少0.59万元，下降20.85%。'),
    ).toEqual(['error DOC_CLAIM_DIFFERENCE 减少0.59万元→减少0.49万元']);
    // A rate of a difference is of the figure it was taken from.
    expect(brief('送审金额3.42亿元，审定金额3.17亿元，审减金额0.25亿元，审减率7.31%。')).toEqual(
      [],
    );
    // Designations by level are a selection; a part said to be a share of another whole too.
    expect(
      brief(
        '负责全县42处不可移动文物的保护管理，其中全国重点文物保护单位2处、自治区级文物保护单位9处。',
      ),
    ).toEqual([]);
    // A figure per head: of what was spent, or of the money its name ends with before.
    expect(
      brief(
        '渔民技术培训项目：年度预算26.80万元，培训渔民1,280人次，人均培训成本188元，实际支出24.12万元。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '其中：特困人员集中供养经费233.60万元，孤儿养育经费26.40万元。全年集中供养特困人员146人，年人均供养经费1.75万元。',
      ),
    ).toEqual(['warning DOC_CLAIM_AVERAGE 1.75万元→1.60万元']);
    // A count's share of the count its whole names.
    expect(
      brief(
        '在职教职工24人，其中专职教师15人、管理人员6人、工勤人员3人。在职教职工中，女职工14人，占在职教职工总数的63.6%。',
      ),
    ).toEqual(['warning DOC_CLAIM_SHARE 63.6%→58.3%']);
    // An amount and itself in another unit.
    expect(brief('资料印刷费38,920元（38.92万元），差旅费12,480元（1.25万元）。')).toEqual([
      'error DOC_CLAIM_CONVERTED 38920元→3.89万元',
    ]);
    // The same said with 折合 after a comma.
    expect(brief('本年度支出856,000元，折合8.56万元。')).toEqual([
      'error DOC_CLAIM_CONVERTED 856000元→85.60万元',
    ]);
    expect(brief('本年度支出856,000元，折合85.60万元。')).toEqual([]);
    // Averages per session with a verb before the figure, of 场次, and 生均 of 人次.
    expect(brief('全年培训农民2,400人次，共举办培训班30期，平均每期培训90人次。')).toEqual([
      'warning DOC_CLAIM_AVERAGE 90人次→80人次',
    ]);
    expect(brief('全年开展培训26场次，参训人员共计1,300人，平均每场培训60人。')).toEqual([
      'warning DOC_CLAIM_AVERAGE 60人→50人',
    ]);
    expect(brief('全年开展培训26场次，参训人员共计1,300人，平均每场培训50人。')).toEqual([]);
    // A month's standard, or last year's average compared with, is no total ÷ count of the year.
    expect(brief('全年发放低保金1,684.20万元，保障对象5,126人，月人均保障标准560元。')).toEqual([]);
    expect(
      brief('公用经费186.52万元，在职人员46人，人均公用经费4.05万元，较上年人均3.86万元增长4.9%。'),
    ).toEqual([]);
    // Per any of several counts of heads before it, or per all of them.
    for (const each of ['13.70', '10.18'])
      expect(brief(`人员经费712.36万元，在职人员52人，退休人员18人，人均${each}万元。`)).toEqual(
        [],
      );
    expect(brief('人员经费712.36万元，在职人员52人，退休人员18人，人均15.20万元。')).toEqual([
      'warning DOC_CLAIM_AVERAGE 15.20万元→39.58万元',
    ]);
    expect(brief('全年资助学生3,200人次，资助金额256.00万元，生均资助资金850元。')).toEqual([
      'warning DOC_CLAIM_AVERAGE 850元→800.00元',
    ]);
    expect(
      brief('项目于2023年8月启动实施，2023年5月全面完工。').map((x) => x.split(' ')[1]),
    ).toEqual(['DOC_DATE_ORDER']);
    // Work finished before it began: said once, as the year's slip where the year evaluated is
    // known, else as the dates' order.
    expect(
      brief(
        '某中学2023年度食堂改造项目支出绩效自评报告\n项目于2023年5月开工建设，2022年11月竣工验收。',
      ).map((x) => x.split(' ')[1]),
    ).toEqual(['DOC_YEAR_DONE_BEFORE']);
    expect(
      brief('项目于2023年5月开工建设，2022年11月竣工验收。').map((x) => x.split(' ')[1]),
    ).toEqual(['DOC_DATE_ORDER']);
    expect(
      brief('改造项目于2023年9月开工建设，2023年6月完成竣工验收并投入使用。').map(
        (x) => x.split(' ')[1],
      ),
    ).toEqual(['DOC_DATE_ORDER']);
    expect(brief('改造项目于2023年3月开工建设，2023年6月通过竣工验收。')).toEqual([]);
    expect(
      brief(
        '某中学2023年度食堂改造项目支出绩效自评报告\n项目于2023年5月开工建设，2023年11月竣工验收。',
      ),
    ).toEqual([]);
    // A total after its items that says how many it adds with a noun between ("三镇乡合计").
    expect(
      brief('新增流转面积：新安镇1.26万亩、孟兴庄镇0.84万亩、李集乡0.57万亩，三镇乡合计2.77万亩。'),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 2.77万→2.67万']);
    // A growth after "A，2022年为B，较上年增长Z%".
    expect(brief('2023年立案查处案件46件，2022年为38件，较上年增长17.4%。')).toEqual([
      'error DOC_CLAIM_GROWTH 17.4%→21.1%',
    ]);
    expect(brief('2023年立案查处案件46件，2022年为38件，较上年增长21.1%。')).toEqual([]);
    // A change one way and its rate the other: the rate held against last year's figure.
    expect(brief('全年救助困难群众1,152人次，比上年减少86人次，同比增长7.5%。')).toEqual([
      'error DOC_CLAIM_GROWTH 7.5%→下降6.9%',
    ]);
    expect(brief('全年救助困难群众1,152人次，比上年减少86人次，同比下降6.9%。')).toEqual([]);
    // A 分别为 after two counts of other units lists the one its parts are counted in.
    const training = (total: string) =>
      `全年开展职业技能培训共计${total}期，培训3,412人次，分别为：电工培训18期、农村实用技术培训35期、家政服务培训21期、电子商务培训10期。`;
    expect(brief(training('86'))).toEqual(['error DOC_CLAIM_PARTS_SHORT 86→84']);
    expect(brief(training('84'))).toEqual([]);
  });
});

describe('spending restated across sentences and sources', () => {
  it('takes a sentence naming no plan or outcome as going on with the one before it', () => {
    const text = [
      '2024年全年预算8,642.30万元，其中基本支出6,915.20万元、项目支出1,727.10万元。全年支出8,497.56万元，预算执行率98.33%。基本支出6,902.48万元，其中人员经费6,328.74万元、公用经费573.74万元；项目支出1,595.08万元。',
    ].join('\n');
    expect(brief(text)).toEqual([]);
    // Broken by a PDF after the sentence's 。, a sentence opening with 其中 goes on all the same.
    expect(
      brief(
        '全年预算1,865.40万元，其中基本支出1,032.60万元、项目支出832.80万元。\n全年支出1,796.88万元，预算执行率96.33%。\n其中基本支出1,028.14万元，项目支出768.74万元。',
      ),
    ).toEqual([]);
  });

  it('ends a 其中 list of 基本支出 at the other kind of spending', () => {
    expect(
      brief(
        '全年支出8,497.56万元。基本支出6,902.48万元，其中人员经费6,318.74万元、公用经费573.74万元；项目支出1,595.08万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 6902.48→6892.48']);
  });

  it('divides a source’s rate by that source’s plan and lets a 其中 pick some sources', () => {
    const plan =
      '项目全年预算2,436.80万元，其中中央补助1,680.00万元、省级补助312.40万元、市级补助156.20万元、区级配套288.20万元。';
    expect(
      brief(
        `${plan}全年实际支出2,371.52万元，预算执行率97.32%。其中中央补助支出1,650.32万元，执行率98.23%；区级配套资金支出265.50万元，执行率92.12%。`,
      ),
    ).toEqual([]);
    expect(
      brief(
        `${plan}全年实际支出2,371.52万元，预算执行率97.32%。其中中央补助支出1,650.32万元，执行率98.23%；区级配套资金支出265.50万元，执行率95.12%。`,
      ),
    ).toEqual(['warning DOC_CLAIM_RATE 95.12%→92.12%']);
  });
});

describe('round ul: figures of one sentence against the one before or a later chapter', () => {
  it("takes a growth's base from last year's figure of its name in the sentence before", () => {
    expect(brief('2022年全年支出1,208.60万元。本年支出较上年增加77.85万元，增长7.9%。')).toEqual([
      'error DOC_CLAIM_RATE 7.9%→6.4%',
    ]);
    expect(brief('2022年全年支出1,208.60万元。本年支出较上年增加77.85万元，增长6.44%。')).toEqual(
      [],
    );
  });

  it("reports the unit's 全年支出 restated otherwise in the 自评结论, not an item's", () => {
    const chapter = '二、预算执行情况\n2023年全年预算1,342.80万元，全年支出1,286.45万元。\n';
    expect(
      brief(
        `${chapter}四、自评结论\n经自评，本大队2023年度全年支出1,268.45万元，自评等级为“优”。\n`,
      ),
    ).toEqual(['warning DOC_CLAIM_RESTATED 1268.45万元→1286.45万元']);
    expect(
      brief(
        `${chapter}三、项目支出情况\n（一）就业补助资金。全年预算310.95万元，全年支出300.00万元，执行率96.48%。\n`,
      ),
    ).toEqual([]);
  });
});

describe('a rate after a figure not taken for an outcome or a plan', () => {
  it('is that figure\'s, not the earlier pair\'s ("…；上年结转资金支出B，执行率R")', () => {
    const text =
      '上年结转资金420.00万元，本年新增资金1,580.00万元，全年预算2,000.00万元。全年支出1,936.80万元，预算执行率96.84%。其中本年新增资金支出1,518.60万元，执行率96.11%；上年结转资金支出418.20万元，执行率99.57%。';
    expect(brief(text).filter((f) => f.includes('DOC_CLAIM_RATE'))).toEqual([]);
    // The earlier pair's own rate is still checked.
    expect(brief(text.replace('96.11%', '97.11%')).join(' / ')).toContain(
      'DOC_CLAIM_RATE 97.11%→96.11%',
    );
  });

  it('is checked against the balance carried over of its name stated before', () => {
    const text =
      '本年财政拨款18,500,000.00元，上年结转资金3,260,000.00元，全年可用资金21,760,000.00元。项目实际支出20,418,536.40元，预算执行率93.84%。其中本年财政拨款支出17,206,315.20元，执行率93.01%；上年结转资金支出3,212,221.20元，执行率98.53%。';
    expect(brief(text).filter((f) => f.includes('DOC_CLAIM_RATE'))).toEqual([]);
    expect(brief(text.replace('98.53%', '98.35%')).join(' / ')).toContain(
      'DOC_CLAIM_RATE 98.35%→98.53%',
    );
  });
});

describe('a rate of amounts written coarsely', () => {
  it('may be the rate of the exact amounts they are rounded from (1.01亿元 ÷ 1.05亿元, 96.36%)', () => {
    const text = (rate: string) => `2024年全年预算1.05亿元，全年支出1.01亿元，预算执行率${rate}。`;
    expect(brief(text('96.36%'))).toEqual([]);
    expect(brief(text('92.36%'))).toEqual(['error DOC_CLAIM_RATE 92.36%→96.19%']);
  });
});

describe('a fund source named 其他资金', () => {
  const text = (carried: string, other: string) =>
    `全年预算3,468.20万元，其中本年财政拨款3,240.00万元，上年结转68.20万元，其他资金160.00万元。全年支出3,366.36万元，预算执行率97.06%。其中上年结转资金支出66.10万元，执行率${carried}；其他资金支出142.40万元，执行率${other}。`;

  it('is no remainder of a list that leaves out the fiscal money, which may name some sources', () => {
    expect(brief(text('96.92%', '89.00%'))).toEqual([]);
  });

  it('gives each source its own rate, after the sentence of the whole', () => {
    expect(brief(text('95.92%', '88.00%'))).toEqual([
      'warning DOC_CLAIM_RATE 95.92%→96.92%',
      'warning DOC_CLAIM_RATE 88.00%→89.00%',
    ]);
  });

  it('is the rest beside the fiscal money: the list is then whole', () => {
    expect(
      brief('全年支出3,366.36万元，其中财政拨款支出3,157.86万元，其他资金支出142.40万元。'),
    ).toEqual(['error DOC_CLAIM_PARTS_SHORT 3366.36→3300.26']);
  });
});

describe('relations stated across clauses and sentences', () => {
  it('checks a plan restated against 年初 as the change, up to the reasons after it', () => {
    const text = (change: string) =>
      `一是2024年部门年初预算1022.89万元，年中调整预算为1781.86万元，比年初预算增加${change}万元，全年执行数1767.21万元，预算调整率较大，主要原因是：1.中央补助资金286万元在年中下达，不列入年初预算。`;
    expect(brief(text('758.97'))).toEqual([]);
    expect(brief(text('785.97'))).toEqual(['error DOC_CLAIM_ADJUSTED 1781.86→1808.86']);
  });

  it('checks a count’s share of all counted past the money named beside it', () => {
    const text = (share: string) =>
      `我部门2024年度项目21个，项目支出总额656.93万元。绩效自评结果为：21个项目评为一等，涉及资金656.93万元，占项目总数比例${share}%，占项目支出总额比例100%。`;
    expect(brief(text('100'))).toEqual([]);
    expect(brief(text('95'))).toEqual(['warning DOC_CLAIM_SHARE 95%→100%']);
  });

  it('reads figures listed after a total with no 其中 as its parts, for a warning', () => {
    const text = (region: string) =>
      `2023年自治区下达就业补助资金共33832.24万元，中央资金27853万元，自治区资金${region}万元，各县（市、区）筹集资金336.24万元。`;
    expect(brief(text('5643'))).toEqual([]);
    expect(brief(text('5463'))).toEqual(['warning DOC_CLAIM_PARTS_SHORT 33832.24→33652.24']);
    // What is done with the total, or what it brings about, is none of its parts.
    expect(brief('项目资金共500万元，已拨付300万元，带动社会投资800万元。')).toEqual([]);
  });

  it('checks money left over against the plan and the outcome of the sentence before', () => {
    const text = (left: string) =>
      `2021年项目实际下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%。未执行完的主要原因是剩余未执行完的${left}万元为应征入伍学生资助经费，无法达到最低资助标准。`;
    expect(brief(text('0.3792'))).toEqual([]);
    expect(brief(text('0.3972'))).toEqual([
      'warning DOC_CLAIM_DIFFERENCE 剩余0.3972万元→剩余0.3792万元',
    ]);
    // Money left of something the sentence itself names is not the plan's.
    expect(
      brief(
        '2021年项目实际下达预算2596万元，全年度实际总支出2595.6208万元。专户资金50万元，剩余未使用的12万元转入下年。',
      ),
    ).toEqual([]);
  });

  it('reads the prose of a line that also holds a table (a page copied whole)', () => {
    const page = (rate: string) =>
      [
        '2021年度奖助学金项目自评结果 一、自评结论 (一)评价得分情况。 自评小组经过自评,综合评价得分为 99.8分。',
        `(二)绩效目标完成情况 1、执行率情况。 2021年项目实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率${rate}。`,
        '完成的绩效目标。 具体完成情况如下表: 一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值 | |',
        '产出指标 | 质量指标 | 奖助政策学生知晓率 | 100% | 100% | | 产出指标 | 数量指标 | 受资助学生人数 | 14726 | 15935 |',
        '效益指标 | 社会效益指标 | 家庭经济困难学生完成学业率 | 100% | 100% | 效益指标 | 服务对象满意度指标 | 资助学生满意度 | 95% | 95% |',
      ].join(' ');
    expect(brief(page('99%'))).toEqual([]);
    expect(brief(page('96%'))).toEqual(['error DOC_CLAIM_RATE 96%→100%']);
  });

  it('takes all counted for the largest count of the name, never a count of 0', () => {
    const text = (share: string) =>
      `我部门项目21个，项目支出总额656.93万元。其中，本级项目8个；敏感涉密项目0个。结果为：0个项目评为二等，涉及资金0万元，占项目总数比例${share}%。`;
    const shares = (t: string) =>
      check(t)
        .filter((f) => f.code === 'DOC_CLAIM_SHARE')
        .map((f) => f.message);
    expect(shares(text('0'))).toEqual([]);
    expect(shares(text('5'))).toEqual(['0个占我部门项目21个的比例应为0%，报告填写5%']);
  });

  it('counts places listed before their count, unless the list says it names some (等)', () => {
    const towns =
      '临城镇(北驾廻村、陈家崇村)、黑城镇(王家庄村)、石城乡(王家辉村、安上村)、郝庄镇(官都村)';
    expect(brief(`三批项目涉及${towns}4个乡镇6个村。`)).toEqual([]);
    expect(check(`三批项目涉及${towns}5个乡镇6个村。`).map((f) => f.message)).toEqual([
      '写明5个乡镇，但其前列出4个：临城镇、黑城镇、石城乡、郝庄镇',
    ]);
    expect(brief(`三批项目涉及${towns}等5个乡镇。`)).toEqual([]);
  });
});

describe('round um: counts, lists and scores in wordings not read before', () => {
  it('counts units of blood and doses (单位, 剂次, 人份) like any other count', () => {
    expect(
      brief(
        '全年采集全血共18,642单位，其中：固定献血屋采集7,208单位，流动采血车采集9,816单位，团体献血采集1,518单位。',
      ),
    ).toEqual(['warning DOC_CLAIM_PARTS_SHORT 18642→18542']);
    expect(brief('全年接种疫苗3,260剂次，其中第一剂1,820剂次，第二剂1,440剂次。')).toEqual([]);
    expect(brief('全年发放检测试剂2,400人份，其中乡镇1,500人份，村级960人份。')).toEqual([
      'warning DOC_CLAIM_PARTS_EXCEED 2400→2460',
    ]);
  });

  it('ends a 其中 list before a figure past a ； that heads the next 其中 and alone exceeds the whole', () => {
    expect(
      brief(
        '学校现有教职工62人，其中专任教师44人；在籍学员3,480人，其中本科1,120人、专科2,360人。',
      ),
    ).toEqual([]);
    // A part no larger than the whole, with its own 其中, is still one of the parts.
    expect(
      brief(
        '全年支出500.00万元，其中：基本支出320.00万元；项目支出200.00万元，其中专项业务费120.00万元。',
      ),
    ).toEqual(['error DOC_CLAIM_PARTS_EXCEED 500.00→520.00']);
  });

  it('reads a swap with a trailing zero (1,620 and 1,602) as one of four digits', () => {
    const first =
      '一、项目基本情况\n我校在籍学生1,864人，其中全日制学历教育学生1,620人，短期技能培训学员244人。\n';
    expect(
      brief(`${first}四、自评结论\n本项目惠及全日制学历教育在校学生1,602人，资金按时足额拨付。\n`),
    ).toEqual(['warning DOC_CLAIM_RESTATED 1602人→1620人']);
    // Three digits each (120 and 102) under names two characters apart say nothing.
    expect(
      brief('一、基本情况\n全日制学生120人。\n四、自评结论\n本项目惠及全日制在校学生102人。\n'),
    ).toEqual([]);
  });
});

describe('round un: counts and growth in other wordings', () => {
  it('counts courses in 门 against the names listed, not a 门诊', () => {
    expect(
      brief(
        '学校开设康复训练课程七门，分别为言语康复、感统训练、精细动作、生活适应、心理辅导、音乐治疗。',
      ),
    ).toEqual(['warning DOC_CLAIM_LIST_COUNT 七门→6']);
    expect(
      brief(
        '学校开设康复训练课程六门，分别为言语康复、感统训练、精细动作、生活适应、心理辅导、音乐治疗。',
      ),
    ).toEqual([]);
    expect(brief('医院设3门诊，即内科门诊、外科门诊。')).toEqual([]);
  });

  it("takes a growth said with no figure as this year's figure on last year's in the sentence before", () => {
    const text = (rate: string): string =>
      `2023年全年支出3,862.45万元，其中：基本支出1,126.30万元，项目支出2,736.15万元。\n2022年全年支出3,548.20万元。本年支出较上年增长${rate}，主要是增殖放流规模扩大。\n`;
    expect(brief(text('9.86%'))).toEqual(['error DOC_CLAIM_GROWTH 9.86%→8.86%']);
    expect(brief(text('8.86%'))).toEqual([]);
    // Last year's figure of another name is no base.
    expect(
      brief(
        '2023年全年支出3,862.45万元。\n2022年基本支出1,026.20万元。本年支出较上年增长9.86%。\n',
      ),
    ).toEqual([]);
  });

  it('reads the year of a conclusion after the unit names itself (经自评，我校2022年度…)', () => {
    const text = (year: string): string =>
      `某校2023年度部门整体支出绩效自评报告\n四、自评结论\n经自评，我校${year}年度部门整体支出绩效自评得分为92分，等级为“优”。\n`;
    expect(check(text('2022')).map((f) => [f.category, f.code, f.stated])).toEqual([
      ['year', 'DOC_YEAR_SUBJECT', '2022年'],
    ]);
    expect(check(text('2023'))).toEqual([]);
  });
});

describe('relations found on the excerpts of round uo', () => {
  it('holds a 年末结转结余 against the opening balance, the income and the spending before it', () => {
    const text = (closing: string, more = ''): string =>
      `二、部门收支情况\n（一）收入情况。2023年年初结转结余资金126.35万元，本年收入2,846.20万元。\n（二）支出情况。本年支出2,781.44万元，其中：基本支出1,986.52万元，项目支出794.92万元。\n（三）结转结余情况。${more}年末结转结余${closing}万元。\n`;
    expect(brief(text('201.11'))).toEqual(['warning DOC_CLAIM_ADJUSTED 201.11→191.11']);
    expect(brief(text('191.11'))).toEqual([]);
    // A balance that moved by another item the report names is no sum of the three.
    expect(brief(text('201.11', '提取专用基金后，'))).toEqual([]);
    // The balance the year opened with is no restatement of the one it closed with.
    expect(
      brief(
        '年初结转结余126.35万元，本年收入2,846.20万元。本年支出2,781.44万元。年末结转结余191.11万元。',
      ),
    ).toEqual([]);
  });

  it('reads a change of a percentage written as % as its growth, and points written as % as a slip', () => {
    const text = (change: string): string =>
      `截至2023年12月31日，全州累计支出8.21亿元，支出进度95.02%，较上年的91.35%提高${change}。`;
    expect(brief(text('3.67%'))).toEqual([
      'warning DOC_CLAIM_GROWTH 提高3.67%→3.67个百分点（按增幅计为4.02%）',
    ]);
    expect(brief(text('4.02%'))).toEqual([]);
    expect(brief(text('3.67个百分点'))).toEqual([]);
    expect(brief(text('5.12%'))).toEqual([
      'error DOC_CLAIM_GROWTH 提高5.12%→3.67个百分点（按增幅计为4.02%）',
    ]);
  });

  it('reads a heading of the results naming the year after as a slip, not one of plans', () => {
    const text = (heading: string): string =>
      `某局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n局机关内设股室8个。\n二、${heading}\n2023年全年预算5,862.40万元，全年支出5,716.38万元。\n三、存在的问题\n部分项目开工较晚。\n`;
    expect(check(text('2024年度部门预算执行情况')).map((f) => [f.code, f.stated])).toEqual([
      ['DOC_YEAR_HEADING', '2024年'],
    ]);
    expect(check(text('2023年度部门预算执行情况'))).toEqual([]);
    expect(check(text('2024年度工作计划'))).toEqual([]);
  });

  it('holds the 全年支出 of the conclusion, said of 本年度, against the one of the chapter on funds', () => {
    const text = (spent: string): string =>
      `某局2023年度部门整体支出绩效自评报告\n二、部门预算执行情况\n2023年全年预算5,862.40万元，全年支出5,716.38万元。\n五、自评结论\n本年度全年支出${spent}万元，各项绩效目标基本完成。\n`;
    expect(brief(text('5,726.38'))).toEqual(['warning DOC_CLAIM_RESTATED 5726.38万元→5716.38万元']);
    expect(brief(text('5,716.38'))).toEqual([]);
  });

  it('takes a 其中 restating some of the figures a 分别为 list gave its 合计 for a selection', () => {
    expect(
      brief(
        '养老服务、托育服务、社区食堂三项支出分别为42.60万元、18.40万元、26.00万元，合计87.00万元。其中社区食堂26.00万元、养老服务42.60万元均按进度拨付。',
      ),
    ).toEqual([]);
    // A 其中 of figures of its own (not the list's) is still held to its 合计.
    expect(
      brief(
        '养老服务、托育服务、社区食堂三项支出分别为42.60万元、18.40万元、26.00万元，合计87.00万元。其中社区食堂16.00万元、养老服务42.60万元均按进度拨付。',
      ),
    ).toEqual(['warning DOC_CLAIM_PARTS_SHORT 87.00→58.60']);
  });

  it("takes money passed down under a project's name for the project's 下达资金", () => {
    const text = (passed: string): string =>
      `临潭县水务局2023年度农村供水保障工程项目支出绩效自评报告\n一、项目概况\n2023年上级下达农村供水保障工程资金1.28亿元，用于新建供水工程46处。\n二、资金使用情况\n截至2023年12月31日，项目下达资金${passed}万元已全部拨付。\n`;
    expect(brief(text('12,600'))).toEqual(['warning DOC_CLAIM_RESTATED 12600万元→1.28亿元']);
    expect(brief(text('12,800'))).toEqual([]);
  });

  it('takes a name with the unit naming itself inside it for the same name without', () => {
    const text = (first: string): string =>
      `某市农业农村局2023年度部门整体支出绩效自评报告\n一、基本情况\n2023年预算安排我局专项资金项目共计${first}个，财政资金3267.28万元。\n二、自评结论\n我局2023年预算安排专项资金项目共计113个，财政资金3267.28万元。\n`;
    expect(brief(text('123'))).toEqual(['warning DOC_CLAIM_RESTATED 113个→123个']);
    expect(brief(text('113'))).toEqual([]);
  });

  it('takes a work said as done (已新建成) for the work the plan names (新建)', () => {
    const text = (done: string): string =>
      `某县2023年度农产品仓储基地建设项目绩效自评报告\n一、项目概况\n2023年县财政下达资金8010万元，用于仓储基地建设，新建农产品储存冷藏库10个。\n二、绩效目标完成情况\n已新建成农产品储存冷藏库${done}个。\n`;
    expect(brief(text('11'))).toEqual(['warning DOC_CLAIM_RESTATED 11个→10个']);
    expect(brief(text('10'))).toEqual([]);
  });
});

describe('round uq: relations in wordings not read before', () => {
  it('takes the year before named in the clause after a growth for its base', () => {
    expect(brief('全年办结法律援助案件1,146件，同比增长12.4%；上年同期办结1,032件。')).toEqual([
      'error DOC_CLAIM_GROWTH 12.4%→11.0%',
    ]);
    expect(brief('全年办结法律援助案件1,146件，同比增长11.0%；上年同期办结1,032件。')).toEqual([]);
    // Money carried over from the year before is no figure of that year's, nor is a change on it.
    expect(brief('全年支出1,146.00万元，同比增长12.4%，上年结转资金1,032.00万元。')).toEqual([]);
    expect(brief('全年接待群众2,460人次，同比增长8.5%，上年同期减少192人次。')).toEqual([]);
    // Money may be restated in another unit: 1.36亿元 on 12,000万元 grew 13.3%.
    expect(brief('普查经费1.36亿元，同比增长10.0%，上年为12,000万元。')).toEqual([
      'error DOC_CLAIM_GROWTH 10.0%→13.3%',
    ]);
    expect(brief('普查经费1.36亿元，同比增长13.3%，上年为12,000万元。')).toEqual([]);
  });

  it('reads a share in tenths (三成) as a percentage rounded to ten points', () => {
    expect(brief('全年打捞湖面垃圾1,080吨，较上年（1,260吨）减少三成。')).toEqual([
      'error DOC_CLAIM_GROWTH 三成→14%',
    ]);
    expect(brief('全年打捞湖面垃圾1,080吨，较上年（1,260吨）减少一成。')).toEqual([]);
    expect(brief('搬迁劳动力务工就业率达到九成以上（92.4%），管理制度一成不变。')).toEqual([]);
  });

  it('finds a sum restated in a coarser unit with two neighbouring digits swapped', () => {
    const text = (wan: string): string =>
      `宁蒗县泸沽湖保护管理局2023年度泸沽湖水环境保护项目支出绩效自评报告\n一、项目基本情况\n项目预算资金1,850,000元，实际支出1,762,430元。\n三、自评结论\n本项目全年实际支出${wan}万元，自评得分92分。\n`;
    expect(brief(text('176.42'))).toEqual(['warning DOC_CLAIM_RESTATED 176.42万元→1762430元']);
    expect(brief(text('176.24'))).toEqual([]);
  });

  it('takes a plan in parentheses after an outcome for no part of it, and people by trait for no partition', () => {
    expect(
      brief(
        '2023年项目全年实际支出86.42万元（年初预算90.00万元，年中未作调整），预算执行率96.02%。',
      ),
    ).toEqual([]);
    expect(
      brief('全年共为1,287名受援人提供法律援助，其中农民工421人、残疾人96人、老年人183人。'),
    ).toEqual([]);
  });

  it('finds a number of people restated in the other measure word with two digits swapped', () => {
    const text = (helped: string, restated: string): string =>
      `（一）产出情况。全年共为1,287名${helped}提供法律援助。\n（三）其他说明。${restated}，接待来访咨询5,420人次。`;
    expect(brief(text('受援人', '本年度法律援助受援群众共计1,278人'))).toEqual([
      'warning DOC_CLAIM_RESTATED 1278人→1287名',
    ]);
    expect(brief(text('受援人', '本年度法律援助受援群众共计1,287人'))).toEqual([]);
    // Other people, named by no word in common.
    expect(brief(text('农民工', '本年度接待来访群众共计1,278人'))).toEqual([]);
  });

  it('takes a quantity said as attained (实现, 取得) for the quantity, in any money unit', () => {
    const text = (restated: string): string =>
      `全院总收入186,430千元，其中：财政拨款收入42,160千元，医疗收入138,950千元，其他收入5,320千元。\n\n四、评价结论\n全年，全院实现医疗收入${restated}万元，各项绩效目标基本完成。`;
    expect(brief(text('13,895.00'))).toEqual([]);
    expect(brief(text('13,850.00'))).toEqual([
      'warning DOC_CLAIM_RESTATED 13850.00万元→138950千元',
    ]);
  });

  it('checks an average of a count written with decimals, after a note in parentheses', () => {
    const text = (average: string): string =>
      `全县128个村（社区）共组织村级防疫员312人次参与，平均每个村（社区）${average}人次。`;
    expect(brief(text('2.4'))).toEqual([]);
    expect(brief(text('2.44'))).toEqual([]);
    expect(brief(text('2.6'))).toEqual(['warning DOC_CLAIM_AVERAGE 2.6人次→2.44人次']);
    expect(brief('举办培训班5期，培训学员260人次，平均每期（班）56人次。')).toEqual([
      'warning DOC_CLAIM_AVERAGE 56人次→52人次',
    ]);
  });

  it('reads a figure said to be a percentage of a whole named after 为 as a share of it', () => {
    const text = (rate: string): string =>
      `项目调整后预算1,236.00万元。全年实际支出1,172.64万元，为调整后预算的${rate}，结余资金已收回。`;
    expect(brief(text('94.9%'))).toEqual([]);
    expect(brief(text('94.87%'))).toEqual([]);
    expect(brief(text('95.9%'))).toEqual(['warning DOC_CLAIM_SHARE 95.9%→94.9%']);
    // Last year's figure named by its year only, or a count, is no whole read here.
    expect(brief('上年支出1,000.00万元。本年支出1,050.00万元，为上年的108%。')).toEqual([]);
    expect(brief('全年新增面积2.15万亩，为年度目标的107.5%。')).toEqual([]);
  });

  it("takes a figure that qualifies a project's report's own project for that project's", () => {
    const text = (restated: string, project = '淤地坝除险加固项目'): string =>
      `偏关县水利局2023年度淤地坝除险加固项目支出绩效自评报告\n项目总投资1.08亿元，全部为财政资金。\n综上，总投资${restated}亿元的${project}总体达到预期目标。`;
    expect(brief(text('1.08'))).toEqual([]);
    expect(brief(text('1.06'))).toEqual(['warning DOC_CLAIM_RESTATED 1.06亿元→1.08亿元']);
    // Another project's money is not this one's.
    expect(brief(text('1.06', '水土保持项目'))).toEqual([]);
  });

  it('reports an evaluation period of the year before', () => {
    const text = (period: string) =>
      `某局2023年度后续扶持资金绩效自评报告\n本次自评时段为${period}。全年支出1,310.00万元。`;
    expect(brief(text('2022年1月1日至2022年12月31日'))).toEqual([
      'warning DOC_YEAR_PERIOD 2022年1月1日至2022年12月31日→2023年',
    ]);
    expect(brief(text('2023年1月1日至2023年12月31日'))).toEqual([]);
  });

  it('reports the year evaluated named by another number beside 本年度', () => {
    const text = (own: string) =>
      `某中心2023年度廊桥保护修缮项目支出绩效自评报告\n${own}共完成廊桥本体修缮4座。`;
    expect(brief(text('本年度（2022年）'))).toEqual(['warning DOC_YEAR_OWN 2022年→2023年']);
    expect(brief(text('2022年（本年度）'))).toEqual(['warning DOC_YEAR_OWN 2022年→2023年']);
    expect(brief(text('本年度（2023年）'))).toEqual([]);
    expect(brief(text('较上年（2022年）多'))).toEqual([]);
  });
});
