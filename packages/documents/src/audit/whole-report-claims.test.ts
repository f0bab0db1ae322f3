import { describe, expect, it } from 'vitest';
import { cellType } from '../extract/cell-align.ts';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkClaims } from './claim-checks.ts';
import { checkDocument } from './document-checks.ts';

const brief = (text: string) =>
  checkClaims(extractEvaluation(parseTextLines(text, 'x.txt'))).map(
    (f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`,
  );

describe('claims of whole reports', () => {
  it('takes a budget changed to a new level for the plan a rate is of', () => {
    for (const plan of [
      '全年预算调减为760.00万元',
      '全年预算调整为760.00万元',
      '年中调减预算后全年预算760.00万元',
    ])
      expect(
        brief(`项目年初预算800.00万元，${plan}，全年支出748.60万元，执行率98.50%。`),
        plan,
      ).toEqual([]);
    expect(
      brief('项目年初预算650.00万元，全年预算追加至682.40万元，全年支出682.40万元，执行率100%。'),
    ).toEqual([]);
    // A rate that agrees with neither plan is still wrong.
    expect(
      brief('项目年初预算800.00万元，全年预算调减为760.00万元，全年支出748.60万元，执行率96.50%。'),
    ).toEqual(['error DOC_CLAIM_RATE 96.50%→98.50%']);
  });

  it('reads "项目年初预算" under each project heading as that project’s', () => {
    const report = (second: string) =>
      brief(
        [
          '某学院2024年度项目支出绩效自评报告',
          '二、项目实施情况',
          '（一）实训基地建设项目',
          '项目年初预算800.00万元，全年支出748.60万元。',
          second,
          '项目年初预算650.00万元，全年支出640.00万元。',
        ].join('\n'),
      );
    expect(report('（二）学生资助项目')).toEqual([]);
    expect(report('（二）实施情况')).toEqual(['warning DOC_CLAIM_RESTATED 650.00万元→800.00万元']);
  });

  it('compares a goal set for the year with no count of what was done', () => {
    const report = (heading: string) =>
      brief(
        [
          '某局2024年度部门整体支出绩效自评报告',
          '一、基本情况',
          heading,
          '完成老旧小区改造12个，群众满意度90%以上。',
          '二、绩效情况',
          '全年完成老旧小区改造10个。',
        ].join('\n'),
      );
    expect(report('（一）部门年度绩效目标')).toEqual([]);
  });

  it('reads a cell that opens with a figure and goes on as a sentence as text', () => {
    expect(cellType('2个小区因居民意见未统一，延至2025年实施')).toBe('text');
    expect(cellType('40套因配套设施验收延期')).toBe('text');
    expect(cellType('2024年12月底前')).toBe('expression');
    expect(cellType('≥1200人次')).toBe('expression');
  });
});

describe('figures the narrative restates against its 自评表', () => {
  const table = [
    '附件',
    '2024年度部门整体支出绩效自评表',
    '部门名称\t某县农业农村局',
    '年度预算申请（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '\t年度资金总额\t2,365.40\t2,718.36\t2,631.95\t10\t96.82%\t9.68',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    '产出指标\t数量指标\t新建高标准农田面积\t≥5万亩\t5.2万亩\t20\t20\t',
    '\t\t农业技术培训人次\t≥2000人次\t1860人次\t20\t18.6\t培训与春耕冲突',
    '\t成本指标\t“三公”经费控制\t≤6万元\t5.38万元\t10\t10\t',
    '效益指标\t社会效益指标\t农村卫生厕所普及率\t≥85%\t87.3%\t30\t30\t',
    '满意度指标\t服务对象满意度指标\t农户满意度\t≥90%\t93.6%\t10\t10\t',
    '总分\t\t\t\t\t100\t98.28\t',
  ];
  const report = (...prose: string[]) =>
    brief(
      [
        '某县农业农村局2024年度部门整体支出绩效自评报告',
        '一、部门预算收支情况',
        '2024年度我局年初预算2,365.40万元，全年预算2,718.36万元，全年实际支出2,631.95万元，预算执行率96.82%。',
        '二、绩效情况',
        ...prose,
        '三、存在的问题',
        '部分项目支出进度不均衡。',
        ...table,
      ].join('\n'),
    ).filter((f) => /TABLE/.test(f));

  it('finds nothing where the narrative says what the table says', () => {
    expect(
      report(
        '全年“三公”经费支出5.38万元。产出指标分值50分，得分48.6分；农业技术培训人次未达目标，扣1.4分。',
        '我局2024年度部门预算执行率为96.82%。',
      ),
    ).toEqual([]);
  });

  it('reports a rate, the 三公经费, a group score and a deduction stated otherwise', () => {
    expect(report('经综合评价，我局2024年度部门预算执行率为97.62%。')).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 97.62%→96.82%',
    ]);
    expect(report('全年“三公”经费年初预算6.00万元，全年实际支出5.83万元。')).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 5.83万元→5.38万元',
    ]);
    expect(report('产出指标分值50分，得分49.6分。')).toEqual([
      'warning DOC_SCORE_GROUP_TABLE 49.6→48.6',
    ]);
    expect(report('1.产出指标（权重50分）得49.6分。')).toEqual([
      'warning DOC_SCORE_GROUP_TABLE 49.6→48.6',
    ]);
    expect(report('农业技术培训人次1860人次，未达到目标，扣1分。')).toEqual([
      'warning DOC_SCORE_DEDUCTION_TABLE 1→1.4',
    ]);
    expect(report('农业技术培训人次1860人次，未达到目标，该项扣减1分。')).toEqual([
      'warning DOC_SCORE_DEDUCTION_TABLE 1→1.4',
    ]);
    expect(report('农业技术培训人次1860人次，未达到目标，该项扣减1.4分。')).toEqual([]);
    // Of two indicators named before the points, they are the nearer one's.
    expect(
      report('新建高标准农田面积5.2万亩，农业技术培训人次1860人次，农业技术培训人次扣1分。'),
    ).toEqual(['warning DOC_SCORE_DEDUCTION_TABLE 1→1.4']);
  });

  it('holds a count named otherwise against a leaf whose actual it writes with two digits swapped', () => {
    expect(report('全年开展农民技术培训1680人次，培训覆盖全部乡镇。')).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 1680人次→1860人次',
    ]);
    // Other digits, a name sharing too little, or a target: no finding.
    expect(report('全年开展农民技术培训1700人次，培训覆盖全部乡镇。')).toEqual([]);
    expect(report('全年开展农民学习1680人次，培训覆盖全部乡镇。')).toEqual([]);
    expect(report('计划开展农民技术培训1680人次。')).toEqual([]);
  });

  it('takes the plan of a budget paragraph before the one on the spending', () => {
    const split = (initial: string, whole: string) =>
      checkDocument(
        extractEvaluation(
          parseTextLines(
            [
              '某县农业农村局2024年度部门整体支出绩效自评报告',
              '一、部门预算收支情况',
              `（一）预算情况。2024年年初预算${initial}万元，年中追加后全年预算${whole}万元。`,
              '（二）支出情况。全年支出2,631.95万元，预算执行率96.82%。其中项目支出1,200.00万元，项目全年预算1,300.00万元。',
              '二、存在的问题',
              '部分项目支出进度不均衡。',
              ...table,
            ].join('\n'),
            'x.txt',
          ),
        ),
      )
        .filter((f) => f.code === 'DOC_CROSS_TABLE')
        .map((f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`);
    expect(split('2,365.40', '2,718.36')).toEqual([]);
    expect(split('2,356.40', '2,718.36')).toEqual(['warning DOC_CROSS_TABLE 2356.40→2365.40']);
    expect(split('2,365.40', '2,781.36')).toEqual(['warning DOC_CROSS_TABLE 2781.36→2718.36']);
    // A part's plan before it is not the whole's.
    expect(
      checkDocument(
        extractEvaluation(
          parseTextLines(
            [
              '某县农业农村局2024年度部门整体支出绩效自评报告',
              '一、部门预算收支情况',
              '（一）预算情况。项目年初预算1,100.00万元，项目全年预算1,300.00万元。',
              '（二）支出情况。全年支出2,631.95万元，预算执行率96.82%。',
              '二、存在的问题',
              '部分项目支出进度不均衡。',
              ...table,
            ].join('\n'),
            'x.txt',
          ),
        ),
      ).filter((f) => f.code === 'DOC_CROSS_TABLE'),
    ).toEqual([]);
  });

  it('leaves rates of part of the year, of last year and of targets alone', () => {
    expect(
      report(
        '截至2024年6月底，预算执行率为45.20%。',
        '2023年预算执行率为95.10%。',
        '力争预算执行率达到98%以上。',
      ),
    ).toEqual([]);
  });
});

describe('公用经费 in the narrative against the indicator that controls it', () => {
  const report = (actual: string, ...prose: string[]) => reportOf('公用经费控制', actual, prose);
  const reportOf = (leaf: string, actual: string, prose: readonly string[]) =>
    brief(
      [
        '某街道办事处2024年度部门整体支出绩效自评报告',
        '一、部门预算收支情况',
        '全年支出1,318.27万元，其中基本支出842.36万元（人员经费726.18万元，公用经费116.18万元），项目支出475.91万元。',
        '二、绩效情况',
        ...prose,
        '三、存在的问题',
        '预算编制精细化程度不高。',
        '附件',
        '部门整体支出绩效自评表',
        '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
        '产出指标\t数量指标\t宣传活动场次\t≥48场\t52场\t40\t40\t',
        `\t成本指标\t${leaf}\t≤120万元\t${actual}\t10\t10\t`,
        '效益指标\t社会效益指标\t困难群众救助覆盖率\t=100%\t100%\t40\t40\t',
        '满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\t94.6%\t10\t10\t',
        '总分\t\t\t\t\t100\t100\t',
      ].join('\n'),
    ).filter((f) => /TABLE/.test(f));
  const prose = '全年公用经费支出116.18万元，主要用于办公费、水电费和差旅费。';

  it('finds nothing where the actual of the table is the amount spent', () => {
    expect(report('116.18万元', prose)).toEqual([]);
  });

  it('reports the amount spent that the actual of the table contradicts', () => {
    expect(report('118.16万元', prose)).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 116.18万元→118.16万元',
    ]);
  });

  it('leaves alone a 公用经费 per head', () => {
    expect(reportOf('小学生均公用经费', '720元', [prose])).toEqual([]);
  });

  it('leaves alone a 公用经费 planned or compared', () => {
    expect(
      report('118.16万元', '公用经费预算120.00万元。', '公用经费较上年减少3.20万元。'),
    ).toEqual([]);
  });
});

describe('a source of the money restated against its row of the 自评表', () => {
  const report = (sentence: string) =>
    brief(
      [
        '某市2024年度农田建设补助资金区域绩效自评报告',
        '一、资金执行情况',
        `全市资金实际支出35,291.64万元，执行率96.74%。${sentence}`,
        '二、存在的问题',
        '部分项目前期工作不扎实。',
        '附件',
        '农田建设补助资金区域绩效自评表',
        '资金投入情况（万元）\t\t全年预算数（A）\t全年执行数（B）\t分值\t执行率（B/A）\t得分',
        '\t年度资金总额\t36,480.00\t35,291.64\t10\t96.74%\t9.67',
        '\t其中：中央补助\t29,184.00\t28,412.06\t—\t97.35%\t—',
        '\t地方资金\t7,296.00\t6,879.58\t—\t94.29%\t—',
        '一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分',
        '产出指标\t数量指标\t新建高标准农田面积\t≥12万亩\t12.6万亩\t90\t90',
        '总分\t\t\t\t\t100\t99.67',
      ].join('\n'),
    ).filter((f) => /TABLE/.test(f));

  it('holds a source’s spending against its row, and leaves an agreeing one alone', () => {
    expect(report('其中：中央资金支出28,412.06万元。')).toEqual([]);
    expect(report('其中：中央资金支出28,142.06万元。')).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 28142.06万元→28412.06万元',
    ]);
  });
});

describe('whole reports of places not seen before', () => {
  it('reads a name that opens with whom it counts as a name, not a target', () => {
    expect(cellType('65岁及以上老年人健康管理率')).toBe('text');
    expect(cellType('0-6岁儿童健康管理率')).toBe('text');
    expect(cellType('0～6岁儿童健康管理率')).toBe('text');
    expect(cellType('3至6岁适龄幼儿入园率')).toBe('text');
    expect(cellType('2型糖尿病患者规范管理率')).toBe('text');
    for (const target of ['≥30万人', '3个工作日', '100个以上', '12345热线办结率'])
      expect(cellType(target), target).toBe('expression');
  });

  it('holds money handed out to a counted list against the amount stated before', () => {
    const report = (list: string) =>
      brief(
        `2024年，全市共下达补助资金1,000.00万元，其中中央资金800.00万元，省级资金200.00万元。资金按因素法分配到3个县区：${list}。`,
      );
    expect(report('甲县300.00万元，乙县450.00万元，丙县250.00万元')).toEqual([]);
    expect(report('甲县300.00万元，乙县450.00万元，丙县235.00万元')).toEqual([
      'warning DOC_CLAIM_PARTS_SHORT 1000.00→985.00',
    ]);
    // A list of another length than its count, or of the 中央资金 alone, is not the whole.
    expect(report('甲县300.00万元，乙县450.00万元')).toEqual([]);
    expect(report('甲县300.00万元，乙县300.00万元，丙县200.00万元')).toEqual([]);
  });

  it('itemises the figure before its share when a list follows the share', () => {
    expect(
      brief(
        '全年项目支出4,074.62万元，占全年支出的74.04%，包括：城乡医疗救助资金3,162.48万元，医保经办能力建设512.14万元，医保基金监管400.00万元。',
      ),
    ).toEqual([]);
    expect(
      brief(
        '全年项目支出4,074.62万元，占全年支出的74.04%，包括：城乡医疗救助资金3,126.48万元，医保经办能力建设512.14万元，医保基金监管400.00万元。',
      ),
    ).toEqual(['warning DOC_CLAIM_PARTS_SHORT 4074.62→4038.62']);
  });

  it('reads a year slip in the part of a list the date opens, a comparison in a later part aside', () => {
    const codes = (text: string) =>
      brief(`某市文化和旅游局2024年度部门整体支出绩效自评报告\n${text}`);
    expect(
      codes(
        '截至2023年底，全市共举办文化惠民演出648场，公共文化场馆全部免费开放；“三公”经费控制在上年水平以内。',
      ),
    ).toEqual(['warning DOC_YEAR_AS_OF 2023年底→2024年']);
    expect(codes('截至2023年底，全市文化场馆较上年增加3个，共举办演出648场。')).toEqual([]);
  });

  it('reads the year’s own actual of the 自评表 dated by an earlier year as a year slip', () => {
    const report = (prose: string) =>
      brief(
        [
          '某州商务局2024年度部门整体支出绩效自评报告',
          '一、绩效目标完成情况',
          prose,
          '附件：部门整体支出绩效自评表',
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].join(
            '\t',
          ),
          ['产出指标', '数量指标', '电商服务站点建设数量', '≥60个', '64个', '50', '50'].join('\t'),
          ['效益指标', '经济效益指标', '农村网络零售额增长率', '≥10%', '12.6%', '50', '50'].join(
            '\t',
          ),
          ['满意度指标', '服务对象满意度指标', '经营主体满意度', '≥90%', '93.1%', '10', '10'].join(
            '\t',
          ),
        ].join('\n'),
      ).filter((f) => f.includes('DOC_YEAR'));
    expect(
      report('2023年全州农村网络零售额同比增长12.6%，带动农村就业1,386人，较目标少114人。'),
    ).toEqual(['warning DOC_YEAR_ACTUAL 2023年→2024年']);
    // Another figure, a comparison with another year, a total of years: no slip.
    expect(report('2023年全州农村网络零售额同比增长8.4%。')).toEqual([]);
    expect(report('2023年全州农村网络零售额增长12.6%，2024年增长13.1%。')).toEqual([]);
    expect(report('2023年以来全州农村网络零售额累计增长12.6%。')).toEqual([]);
  });

  it('reads figures as of a date before the work began as a slip, a later date beside them or not', () => {
    const codes = (text: string) =>
      brief(`某市水利局2024年度河道综合整治项目支出绩效自评报告\n项目于2024年3月开工。\n${text}`);
    const text =
      '截至2023年12月31日，项目累计完成河道清淤12.6万立方米，主体工程于2024年11月28日完工。';
    expect(codes(text)).toEqual(['warning DOC_YEAR_AS_OF 2023年12月31日→2024年']);
    // As of a date after the start, the date is the work's own.
    expect(codes(text.replace('2023年12月31日', '2024年12月31日'))).toEqual([]);
  });

  const projectReport = (prose: string) =>
    brief(
      [
        '某市水利局2024年度中小河流治理项目支出绩效自评报告',
        '一、项目绩效目标完成情况',
        prose,
        '附件',
        '项目支出绩效自评表',
        '项目名称 中小河流治理项目',
        '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
        '年度资金总额 2,500.00 2,500.00 2,386.45 10 95.46% 9.55',
        '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
        '产出指标 数量指标 新建堤防长度 ≥14公里 14.2公里 50 50',
        '效益指标 社会效益指标 保护人口 ≥3.5万人 3.8万人 30 30',
        '满意度指标 服务对象满意度指标 群众满意度 ≥90% 93.5% 10 10',
        '总分 100 99.55',
      ].join('\n'),
    ).filter((f) => f.includes('CROSS_TABLE'));

  it('holds a leaf’s actual restated in prose under its name against the table', () => {
    expect(projectReport('全年新建堤防12.4公里，保护人口3.8万人。')).toEqual([
      'warning DOC_CROSS_TABLE_VALUE 12.4公里→14.2公里',
    ]);
    expect(projectReport('全年新建堤防14.2公里，保护人口3.8万人。')).toEqual([]);
    // A target, or a comparison with the year before, is no restatement of what was done.
    expect(projectReport('计划新建堤防14公里以上，较上年新建堤防12.4公里有所增加。')).toEqual([]);
    expect(projectReport('项目绩效目标：保护人口3.5万人，新建堤防14公里。')).toEqual([]);
    expect(projectReport('截至6月底，已新建堤防8.2公里。')).toEqual([]);
  });

  it('reads the 年度总体目标 pair under a header run together on one line as cells, not prose', () => {
    const report = brief(
      [
        '某市水利局2024年度中小河流治理项目支出绩效自评报告',
        '一、项目绩效目标完成情况',
        '全年新建堤防14.2公里，保护人口3.8万人。',
        '附件',
        '项目支出绩效自评表',
        '项目名称 中小河流治理项目',
        '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
        '年度资金总额 2,500.00 2,500.00 2,386.45 10 95.46% 9.55',
        '年度总体目标 预期目标 实际完成情况',
        '新建堤防14公里以上，保护人口3.5万人、耕地1.2万亩以上。',
        '新建堤防14.2公里，保护人口3.8万人、耕地1.26万亩。',
        '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
        '产出指标 数量指标 新建堤防长度 ≥14公里 14.2公里 50 50',
        '效益指标 社会效益指标 保护人口 ≥3.5万人 3.8万人 30 30',
        '满意度指标 服务对象满意度指标 群众满意度 ≥90% 93.5% 10 10',
        '总分 100 99.55',
      ].join('\n'),
    );
    expect(report).toEqual([]);
  });

  it('holds a project’s amount in prose against the project table attached to a department’s report', () => {
    const report = (amount: string) =>
      brief(
        [
          '某区医疗保障局2024年度部门整体支出绩效自评报告',
          '一、部门基本情况',
          '区医疗保障局内设科室4个。',
          '二、部门预算执行情况',
          `全年项目支出912.48万元，包括：城乡医疗救助资金${amount}万元，医保基金监管400.00万元。`,
          '三、存在的问题',
          '基层经办力量不足。',
          '附件',
          '项目支出绩效自评表',
          '项目名称 城乡医疗救助',
          '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
          '年度资金总额 500.00 520.00 512.48 10 98.55% 9.86',
          '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
          '产出指标 数量指标 医疗救助人次 ≥4.5万人次 4.82万人次 50 50',
          '效益指标 社会效益指标 住院费用救助比例 ≥70% 72.5% 30 30',
          '满意度指标 服务对象满意度指标 救助对象满意度 ≥90% 94.1% 10 10',
          '总分 100 99.86',
        ].join('\n'),
      ).filter((f) => f.includes('CROSS_TABLE'));
    expect(report('512.48')).toEqual([]);
    expect(report('520.00')).toEqual([]);
    expect(report('521.48')).toEqual(['warning DOC_CROSS_TABLE_VALUE 521.48万元→512.48万元']);
  });
});

describe('a target the prose says was missed, against a 评分表 of 分值 and 得分 only', () => {
  const report = (prose: string, score: string) =>
    brief(
      [
        '某市中心医院2024年度医疗设备购置项目绩效自评报告',
        '一、项目绩效情况',
        prose,
        '二、存在的问题',
        '部分设备到货延迟。',
        '附件',
        '项目支出绩效自评表',
        '一级指标\t二级指标\t三级指标\t分值\t得分',
        '产出\t产出数量\t设备购置数量\t40\t40',
        '效益\t社会效益\t大型设备使用率\t50\t' + score,
        '\t满意度\t患者满意度\t10\t10',
        '合计\t\t\t100\t' + String(50 + Number(score)),
      ].join('\n'),
    ).filter((f) => f.includes('MISSED_TABLE'));

  it('reports full marks for it, with the proportional score', () => {
    expect(report('大型设备使用率76.4%，低于80%的年度目标。', '50')).toEqual([
      'warning DOC_SCORE_MISSED_TABLE 50→47.75',
    ]);
  });

  it('says nothing when the target was met or points were taken', () => {
    expect(report('大型设备使用率86.4%，高于80%的年度目标。', '50')).toEqual([]);
    expect(report('大型设备使用率76.4%，低于80%的年度目标。', '47.75')).toEqual([]);
  });
});
