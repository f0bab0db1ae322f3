import { describe, expect, it } from 'vitest';
import { looksRunTogether, splitRunTogether } from './run-together.ts';
import type { ColumnKey } from './table-vocabulary.ts';

const FUND: ColumnKey[] = ['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'];
const INDICATOR: ColumnKey[] = [
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'weight',
  'score',
  'reason',
];

describe('rows whose cells ran together with nothing between them', () => {
  it("splits amounts written with their trailing zeros dropped when the row's 执行率 bears it out", () => {
    // 43.2 | 43.2 | 37.24 (86.2%, stated 86%): amounts unalike in their decimals.
    expect(splitRunTogether('年度资金总额43.243.237.241086%9', FUND)).toEqual([
      '年度资金总额',
      '43.2',
      '43.2',
      '37.24',
      '10',
      '86%',
      '9',
    ]);
    // With no 执行率 to bear a split of unalike amounts out, none is taken.
    expect(splitRunTogether('其中：当年财政拨款43.243.237.24', FUND)).not.toEqual([
      '其中：当年财政拨款',
      '43.2',
      '43.2',
      '37.24',
    ]);
  });

  it('splits a fund row by how its amounts, 分值, 执行率 and 得分 are written', () => {
    expect(splitRunTogether('年度资金总额180.00180.00176.401098.00%9.8', FUND)).toEqual([
      '年度资金总额',
      '180.00',
      '180.00',
      '176.40',
      '10',
      '98.00%',
      '9.8',
    ]);
    // A source row has no 分值 or 得分: 660.08 and 97.07%, not 660.08, 9 and 7.07%.
    expect(splitRunTogether('其中：本年财政拨款680.00680.00660.0897.07%', FUND)).toEqual([
      '其中：本年财政拨款',
      '680.00',
      '680.00',
      '660.08',
      '97.07%',
    ]);
  });

  it('splits an indicator row into its groups, name, target, actual, 分值 and 得分', () => {
    expect(splitRunTogether('产出指标数量指标培训人次≥1200人次1260人次2020', INDICATOR)).toEqual([
      '产出指标',
      '数量指标',
      '培训人次',
      '≥1200人次',
      '1260人次',
      '20',
      '20',
    ]);
    expect(splitRunTogether('可持续影响指标长效机制健全健全1515', INDICATOR)).toEqual([
      '可持续影响指标',
      '长效机制',
      '健全',
      '健全',
      '15',
      '15',
    ]);
    // Merged group cells that each keep their text: 预算执行 | 预算执行率 | 预算执行率.
    expect(splitRunTogether('预算执行预算执行率预算执行率100%88.00%1010', INDICATOR)).toEqual([
      '预算执行',
      '预算执行率',
      '预算执行率',
      '100%',
      '88.00%',
      '10',
      '10',
    ]);
    // 成本 begins the name here; it is no group cell.
    expect(splitRunTogether('成本控制率≤100%98%55', INDICATOR)?.slice(0, 2)).toEqual([
      '成本控制率',
      '≤100%',
    ]);
  });

  it('leaves alone what splits more than one way, and cells of a table one cell per line', () => {
    // 2100 | 10 or 21001 | 0: no sign or unit tells.
    expect(splitRunTogether('享受资助人数达到预计值210010', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('完成率×10', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('≥1200人次', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('培训人次 ≥1200人次 1260人次 20 20', INDICATOR)).toBeUndefined();
  });
});

describe('amounts with thousands separators run together', () => {
  it('end where their groups of three digits say', () => {
    expect(
      splitRunTogether('其中：本年财政拨款2,400,000.002,400,000.002,040,000.0085.00%', FUND),
    ).toEqual(['其中：本年财政拨款', '2,400,000.00', '2,400,000.00', '2,040,000.00', '85.00%']);
  });
});

/** The columns of a 自评表 with a 得分系数 column between 分值 and 得分. */
const COEFFICIENT: ColumnKey[] = [
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'weight',
  'coefficient',
  'score',
  'reason',
];

describe('names that hold figures, dates, reasons and rows that agree with themselves', () => {
  it('keeps in the name a figure glued to Latin letters or followed by words that are no unit', () => {
    expect(
      splitRunTogether('生态效益指标PM2.5年均浓度≤30微克/立方米28微克/立方米1010', INDICATOR),
    ).toEqual(['生态效益指标', 'PM2.5年均浓度', '≤30微克/立方米', '28微克/立方米', '10', '10']);
    // The 实际完成值 is empty: "24小时清净率" is no target.
    expect(splitRunTogether('主干道雪后24小时清净率≥95%2020', INDICATOR)).toEqual([
      '主干道雪后24小时清净率',
      '≥95%',
      '20',
      '20',
    ]);
  });

  it('reads a date target and actual whole, and a 得分 near 分值 × 系数', () => {
    expect(splitRunTogether('项目完成时间2023年12月底前2023年11月10110', COEFFICIENT)).toEqual([
      '项目完成时间',
      '2023年12月底前',
      '2023年11月',
      '10',
      '1',
      '10',
    ]);
    // 15 | 0.9 | 14.5 (13.5 is due: the audit reports it), not 15 | 0.91 | 4.5.
    expect(
      splitRunTogether('技术培训人次≥2000人次1800人次150.914.5部分培训因天气取消', COEFFICIENT),
    ).toEqual(['技术培训人次', '≥2000人次', '1800人次', '15', '0.9', '14.5', '部分培训因天气取消']);
  });

  it('reads a 得分率 after the 得分 by what 分值 × 率 gives', () => {
    const columns: ColumnKey[] = [
      'level3',
      'nature',
      'target',
      'actual',
      'weight',
      'score',
      'coefficient',
    ];
    // 5 | 5 | 100%, not 55 | 10 | 0%.
    expect(splitRunTogether('按期完工率≥95%96%55100%', columns)).toEqual([
      '按期完工率',
      '≥95%',
      '96%',
      '5',
      '5',
      '100%',
    ]);
    expect(splitRunTogether('新建加压泵站数量=3座3座1010100%', columns)?.slice(1, 3)).toEqual([
      '=3座',
      '3座',
    ]);
  });

  it('takes a 偏差原因 sentence after the 得分 as its own cell', () => {
    expect(looksRunTogether('培训人数≥400人380人109.5部分人员已自主就业，下年度加强宣传。')).toBe(
      true,
    );
    // A sentence of prose with an amount is no row.
    expect(looksRunTogether('2023年基本支出668.42万元，主要用')).toBe(false);
    expect(
      splitRunTogether('培训人数≥400人380人109.5部分人员已自主就业，下年度加强宣传。', INDICATOR),
    ).toEqual(['培训人数', '≥400人', '380人', '10', '9.5', '部分人员已自主就业，下年度加强宣传。']);
  });

  it('reads a source row the vocabulary does not name, and amounts with no decimals by their size', () => {
    const columns: ColumnKey[] = ['budget', 'executed', 'weight', 'rate', 'score'];
    expect(splitRunTogether('其中：中央衔接资金680.00612.0092.00%', columns)).toEqual([
      '其中：中央衔接资金',
      '680.00',
      '612.00',
      '92.00%',
    ]);
    expect(splitRunTogether('其中：当年财政拨款865000865000865000', FUND)).toEqual([
      '其中：当年财政拨款',
      '865000',
      '865000',
      '865000',
    ]);
  });

  // 是否核心指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 …: the 是/否 runs into the name, the bare
  // actual into 分值 and 得分 ("421010").
  const CORE: ColumnKey[] = [
    'level1',
    'level2',
    'level3',
    'flag',
    'nature',
    'target',
    'measure',
    'actual',
    'weight',
    'score',
    'reason',
  ];

  it('takes the 是 or 否 a name ends on for the 是否核心指标 cell', () => {
    expect(splitRunTogether('质量指标培训考核合格率是≥95%97.51010', CORE)).toEqual([
      '质量指标',
      '培训考核合格率',
      '是',
      '≥95%',
      '97.5',
      '10',
      '10',
    ]);
  });

  it('reads a bare actual of the size of its target, not one a hundred times it', () => {
    const columns = CORE.filter((c) => c !== 'flag');
    // 42 | 10 | 10, not 4210 | 1 | 0.
    expect(splitRunTogether('开展巡回义诊活动场次≥40场421010', columns)).toEqual([
      '开展巡回义诊活动场次',
      '≥40场',
      '42',
      '10',
      '10',
    ]);
  });

  it('splits amounts written to four decimals (万元 to the 元)', () => {
    expect(splitRunTogether('年度资金总额126.5000131.2800121.43401092.50%10', FUND)).toEqual([
      '年度资金总额',
      '126.5000',
      '131.2800',
      '121.4340',
      '10',
      '92.50%',
      '10',
    ]);
  });

  it('reads no amount to four decimals alone among amounts to two', () => {
    // 全年执行数 parted into 合计 and three sources: "2100.0018" | "0.00" would fit as well.
    const columns: ColumnKey[] = [
      'budget',
      'executed',
      'executed',
      'executed',
      'executed',
      'rate',
      'weight',
      'score',
    ];
    expect(
      splitRunTogether('年度资金总额15000.0014280.0012000.002100.00180.0095.20%109.8', columns),
    ).toEqual([
      '年度资金总额',
      '15000.00',
      '14280.00',
      '12000.00',
      '2100.00',
      '180.00',
      '95.20%',
      '10',
      '9.8',
    ]);
  });
});

describe('a row closing on a numbered 偏差原因', () => {
  it('keeps the numbered reason whole as the last cell, figures in it included', () => {
    const row =
      '数量指标清洁取暖改造户数≥6万户5.7万户1514.251.因部分农户改造意愿不足，0.3万户未实施；2.下一步加强宣传动员。';
    expect(looksRunTogether(row)).toBe(true);
    expect(splitRunTogether(row, INDICATOR)).toEqual([
      '数量指标',
      '清洁取暖改造户数',
      '≥6万户',
      '5.7万户',
      '15',
      '14.25',
      '1.因部分农户改造意愿不足，0.3万户未实施；2.下一步加强宣传动员。',
    ]);
  });

  it('keeps a reason sentence holding figures whole as the last cell', () => {
    const row =
      '农村劳动力转移就业培训≥3000人次2700人次109部分培训班次调整至2025年一季度举办，下一步提前谋划。';
    expect(splitRunTogether(row, INDICATOR)).toEqual([
      '农村劳动力转移就业培训',
      '≥3000人次',
      '2700人次',
      '10',
      '9',
      '部分培训班次调整至2025年一季度举办，下一步提前谋划。',
    ]);
    // An actual in words before the figures ("基本完成") starts no reason.
    expect(
      splitRunTogether('项目验收完成率≥95%基本完成108部分项目2处未完工，下一步督促。', INDICATOR),
    ).toEqual(['项目验收完成率', '≥95%', '基本完成', '10', '8', '部分项目2处未完工，下一步督促。']);
  });

  it('parts a 计量单位 cell that ran into the name, and prefers full marks', () => {
    const columns: ColumnKey[] = [
      'level1',
      'level2',
      'level3',
      'measure',
      'target',
      'actual',
      'weight',
      'score',
      'reason',
    ];
    expect(splitRunTogether('产出指标数量指标新建乡村学校少年宫所≥12121515', columns)).toEqual([
      '产出指标',
      '数量指标',
      '新建乡村学校少年宫',
      '所',
      '≥12',
      '12',
      '15',
      '15',
    ]);
    expect(splitRunTogether('质量指标器材验收合格率%≥95921010', columns)?.slice(1)).toEqual([
      '器材验收合格率',
      '%',
      '≥95',
      '92',
      '10',
      '10',
    ]);
    expect(
      splitRunTogether('成本指标单所建设补助标准万元≤2019.81010', columns)?.slice(1, 3),
    ).toEqual(['单所建设补助标准', '万元']);
  });

  it('reads a 不…/未… pair before the figures as the target and its actual', () => {
    expect(splitRunTogether('可持续影响指标耕地保有量不减少未减少1010', INDICATOR)).toEqual([
      '可持续影响指标',
      '耕地保有量',
      '不减少',
      '未减少',
      '10',
      '10',
    ]);
  });
});

describe('评分表 rows, dashes, 得分率 and dates run together', () => {
  const SCORING: ColumnKey[] = ['level1', 'level2', 'level3', 'weight', 'score', 'reason'];

  it('reads a dash as an amount cell left empty', () => {
    const cols: ColumnKey[] = ['initialBudget', 'budget', 'executed', 'rate', 'score'];
    expect(splitRunTogether('上年结转资金—60.0043.8073.00%—', cols)).toEqual([
      '上年结转资金',
      '—',
      '60.00',
      '43.80',
      '73.00%',
      '—',
    ]);
  });

  it('reads a 评分表 row of a name, 分值 and 得分 alone, its group cells and its 小计', () => {
    expect(splitRunTogether('立项程序规范性44', SCORING)).toEqual(['立项程序规范性', '4', '4']);
    expect(splitRunTogether('决策项目立项立项依据充分性44', SCORING)).toEqual([
      '决策',
      '项目立项',
      '立项依据充分性',
      '4',
      '4',
    ]);
    expect(splitRunTogether('产出时效完成及时性55', SCORING)).toEqual([
      '产出时效',
      '完成及时性',
      '5',
      '5',
    ]);
    expect(splitRunTogether('决策指标小计2019.5', SCORING)).toEqual(['决策指标小计', '20', '19.5']);
    // A table with targets and actuals writes them: two bare figures there are no row.
    expect(splitRunTogether('立项程序规范性44', INDICATOR)).toBeUndefined();
  });

  it('reads a row closing on its 得分率, and a date actual glued to its figures', () => {
    const cols: ColumnKey[] = [...INDICATOR.slice(0, 7), 'coefficient', 'reason'];
    expect(splitRunTogether('书房运营管理制度健全健全1010100.00%', cols)).toEqual([
      '书房运营管理制度',
      '健全',
      '健全',
      '10',
      '10',
      '100.00%',
    ]);
    expect(splitRunTogether('项目完成时限2024年11月底前2024年11月55', INDICATOR)).toEqual([
      '项目完成时限',
      '2024年11月底前',
      '2024年11月',
      '5',
      '5',
    ]);
  });
});

describe('the seventeenth batch of tables run together', () => {
  it('reads 5.00 as a 得分 after a 分值 of 5, and a reason that opens with no bare figure', () => {
    expect(splitRunTogether('时效指标运营补贴拨付及时率100%100%55.00', INDICATOR)).toEqual([
      '时效指标',
      '运营补贴拨付及时率',
      '100%',
      '100%',
      '5',
      '5.00',
    ]);
    expect(splitRunTogether('助餐服务人次≥60000人次63500人次1010.50超额完成', INDICATOR)).toEqual([
      '助餐服务人次',
      '≥60000人次',
      '63500人次',
      '10',
      '10.50',
      '超额完成',
    ]);
  });

  it('reads a long qualitative pair, and leaves out a fund row’s 备注', () => {
    expect(splitRunTogether('生均公用经费标准达到自治区标准达到自治区标准1010', INDICATOR)).toEqual(
      ['生均公用经费标准', '达到自治区标准', '达到自治区标准', '10', '10'],
    );
    const withNote: ColumnKey[] = [...FUND, 'reason'];
    expect(splitRunTogether('其他资金220.00240.00226.20—94.25%—学校事业收入', withNote)).toEqual([
      '其他资金',
      '220.00',
      '240.00',
      '226.20',
      '—',
      '94.25%',
      '—',
    ]);
  });
});

describe('a row closing on words with no stop after its 得分', () => {
  const BASIS: ColumnKey[] = [...INDICATOR.slice(0, -1), 'description'];

  it('takes them as its 评分依据 or 偏差原因 cell where its targets are words', () => {
    for (const columns of [BASIS, INDICATOR])
      expect(splitRunTogether('质量指标林木管护质量达标达标1010按验收结论评分', columns)).toEqual([
        '质量指标',
        '林木管护质量',
        '达标',
        '达标',
        '10',
        '10',
        '按验收结论评分',
      ]);
    // A date actual, then 分值 and 得分, then the words.
    expect(
      splitRunTogether('补偿资金兑付时间2024年12月底前2024年11月28日55按时兑付得满分', BASIS),
    ).toEqual(['补偿资金兑付时间', '2024年12月底前', '2024年11月28日', '5', '5', '按时兑付得满分']);
  });

  it('reads no row into a date or a count of prose', () => {
    expect(splitRunTogether('2024年9月30日前', INDICATOR)).toBeUndefined();
    expect(splitRunTogether('全年共培训2560人次', INDICATOR)).toBeUndefined();
    // Nor a table with no closing words column.
    expect(
      splitRunTogether('质量指标林木管护质量达标达标1010按验收结论评分', INDICATOR.slice(0, -1)),
    ).toBeUndefined();
  });
});

describe('a row whose 指标解释 and 评分标准 ran into its name with their stops', () => {
  const DESCRIBED: ColumnKey[] = [
    'level1',
    'level2',
    'level3',
    'description',
    'description',
    'target',
    'actual',
    'weight',
    'score',
    'reason',
  ];

  it('is a row when no figure stands before the stops and three glued figures follow them', () => {
    const row =
      '效益指标社会效益指标人居环境整治村庄覆盖率开展整治的行政村占比达到目标值得满分，否则按比例得分≥90%87%1514.5';
    expect(looksRunTogether(row)).toBe(true);
    expect(splitRunTogether(row, DESCRIBED)).toEqual([
      '效益指标',
      '社会效益指标',
      '人居环境整治村庄覆盖率开展整治的行政村占比达到目标值得满分，否则按比例得分',
      '≥90%',
      '87%',
      '15',
      '14.5',
    ]);
    // A 评分标准 holding figures of its own ("每延期1个月扣2分") before a date target.
    expect(
      looksRunTogether(
        '时效指标设施配置完成时间设施配置到位的时间按时完成得满分，每延期1个月扣2分2024年9月底前2024年9月1010',
      ),
    ).toBe(true);
  });

  it('leaves prose and two rows run on after a reason alone', () => {
    expect(looksRunTogether('经核查，项目区群众满意度≥95%')).toBe(false);
    // Figures before the stops: a row's reason, then the next row.
    expect(
      looksRunTogether(
        '产出指标数量指标海岸带修复面积≥45公顷43.2公顷1514.40受台风影响部分地块延后施工，已调整计划于次年一季度完成红树林补种面积≥12公顷12.5公顷1010.00',
      ),
    ).toBe(false);
  });
});

describe('qualitative rows and changes on the year before, run together', () => {
  const SPLIT: ColumnKey[] = [
    'level1',
    'level2',
    'level3',
    'nature',
    'target',
    'measure',
    'actual',
    'weight',
    'score',
    'reason',
  ];
  const PLAIN: ColumnKey[] = [
    'level1',
    'level2',
    'level3',
    'target',
    'actual',
    'weight',
    'score',
    'reason',
  ];

  it('parts a 定性 cell from the name, and words parted by the dash of an empty 度量单位', () => {
    expect(splitRunTogether('可持续影响指标工程运行管护机制定性健全健全1010', SPLIT)).toEqual([
      '可持续影响指标',
      '工程运行管护机制',
      '定性',
      '健全',
      '健全',
      '10',
      '10',
    ]);
    expect(splitRunTogether('成本指标维修成本控制定性好—好1010', SPLIT)).toEqual([
      '成本指标',
      '维修成本控制',
      '定性',
      '好',
      '—',
      '好',
      '10',
      '10',
    ]);
  });

  it('reads a grade of one character twice, and a change on the year before with its figure', () => {
    expect(splitRunTogether('质量指标学科评估等级良良1010', PLAIN)).toEqual([
      '质量指标',
      '学科评估等级',
      '良',
      '良',
      '10',
      '10',
    ]);
    expect(
      splitRunTogether('社会效益指标问题食品发现率较上年提高提高0.6个百分点1010', PLAIN),
    ).toEqual(['社会效益指标', '问题食品发现率', '较上年提高', '提高0.6个百分点', '10', '10']);
  });

  it('gives a leaf with a target no weight over 40, and keeps a reason holding a year', () => {
    expect(splitRunTogether('社会效益指标受益农牧民人数≥8000人83001516', SPLIT)).toEqual([
      '社会效益指标',
      '受益农牧民人数',
      '≥8000人',
      '8300',
      '15',
      '16',
    ]);
    const row =
      '石漠化综合治理面积≥3.5万亩3.2万亩109.14受持续干旱影响，部分造林地块推迟至2025年春季实施';
    expect(looksRunTogether(row)).toBe(true);
    expect(splitRunTogether(row, PLAIN)).toEqual([
      '石漠化综合治理面积',
      '≥3.5万亩',
      '3.2万亩',
      '10',
      '9.14',
      '受持续干旱影响，部分造林地块推迟至2025年春季实施',
    ]);
    // A reason that holds a year and closes on words after it ("…纳入2025年收运线路。").
    expect(
      looksRunTogether(
        '效益指标生态效益指标生活垃圾收运处置体系覆盖率≥90%88%150.9814.7高海拔牧区村点分散，已纳入2025年收运线路。',
      ),
    ).toBe(true);
    // A 评分标准 cell alone, a threshold before its words, is no row with a reason.
    expect(looksRunTogether('≥90%得满分，每低1个百分点扣1分')).toBe(false);
    // A 评分标准 between the 分值 and the 得分 closes the line on a figure: no such reason.
    expect(
      looksRunTogether('产出指标数量指标改造农村户厕≥8000户8120户15完成得满分，未完成按比例得分15'),
    ).toBe(false);
  });
});

describe('a total row under a 得分系数 column, run together', () => {
  it('reads the dash of its empty 得分系数 cell, and takes no 系数 cut from its figures', () => {
    expect(splitRunTogether('总分100—98.60', COEFFICIENT)).toEqual(['总分', '100', '—', '98.60']);
    expect(splitRunTogether('总分10098.60', COEFFICIENT)).toEqual(['总分', '100', '98.60']);
  });
});
