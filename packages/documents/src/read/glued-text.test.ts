import { describe, expect, it } from 'vitest';
import { relineGluedText } from './glued-text.ts';
import { readText } from './read-text.ts';

const PDF_LINES = [
  '某县教育局2024年度部门整体支出绩效自评报告',
  '根据县财政局要求，我局组织开展了 2024 年度部门整体支出绩效自',
  '评，现将有关情况报告如下。',
  '一、部门基本情况',
  '（一）人员情况',
  '年末人员情况如下：',
  '人员类别 编制数 实有人数',
  '行政编制 42 40',
  '事业编制 86 81',
  '合计 128 121',
  '二、预算执行情况',
  '全年预算 1,386.47 万元，全年支出1,300.00万元，执行率93.76%。',
  '— 1 —',
  '三、存在的问题',
  '部分项目进度偏慢，资金支付滞后于工程进度，年底集中支付的情况仍然',
  '存在，绩效目标设置不够细化，部分指标难以量化考核。',
  '四、改进措施',
  '加强项目前期论证，按进度拨付资金，细化绩效目标，提高指标的可衡量性。',
];

describe('a whole report written on one line', () => {
  it('gives back the lines of a PDF whose lines were joined by spaces', () => {
    const relined = relineGluedText(PDF_LINES.join(' '));
    const lines = relined.text.split('\n');
    // Each wrap a line again; a figure stays with its unit, a small table's rows a line each.
    expect(lines).toEqual(PDF_LINES.filter((l) => l !== '— 1 —'));
    expect(relined.realLines).toEqual(lines.map(() => 1));
  });

  it('sets a chapter heading that is a table title on its own line above the table', () => {
    const lines = [
      ...PDF_LINES.slice(0, 10),
      '二、部门整体支出绩效自评表',
      '年度预算资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额 1,300.00 1,386.47 1,300.00 10 93.76% 9.38',
      ...PDF_LINES.slice(10).map((l) =>
        l.replace(
          /^([二三四])、/,
          (_, n: string) => `${{ 二: '三', 三: '四', 四: '五' }[n] ?? n}、`,
        ),
      ),
    ];
    const relined = relineGluedText(lines.join(' ')).text.split('\n');
    expect(relined).toContain('二、部门整体支出绩效自评表');
    expect(relined).toContain('三、预算执行情况');
  });

  it('keeps a heading set letter by letter on one line', () => {
    const lines = [...PDF_LINES.slice(0, 3), '一、基 本 情 况', ...PDF_LINES.slice(4)];
    const relined = relineGluedText(lines.join(' ')).text.split('\n');
    expect(relined).toContain('一、基 本 情 况');
    expect(relined).not.toContain('本');
  });

  it('splits paragraphs joined by nothing before each heading number in order', () => {
    const text =
      '一、基本情况2024年下达资金共3383.24万元，其中中央资金2785万元，自治区资金598.24万元，二、绩效目标完成情况目标1：完成新增就业4.92万人，目标2：登记失业率2.61%，三、自评结论经综合评价，自评结果为优秀，按一、二级指标逐项打分，结果良好，各项工作任务均已按期完成。全市严格按照就业补助资金管理办法管理和使用资金，不存在截留、挤占、挪用项目资金的情况，资金拨付及时，台账齐全，绩效目标全部完成，群众满意度较高，社会效益明显，项目建成后运行良好，受益群众覆盖全县各乡镇，后续将继续加强资金监管和绩效跟踪管理，确保资金发挥更大效益。下一步将进一步完善绩效目标管理，强化绩效运行监控，推动评价结果与预算安排挂钩。';
    const lines = relineGluedText(text).text.split('\n');
    // Each chapter's title on a line of its own, its paragraph after it.
    expect(lines.filter((l) => /^[一二三]、/.test(l))).toEqual([
      '一、基本情况',
      '二、绩效目标完成情况',
      '三、自评结论',
    ]);
    expect(lines[1]).toMatch(/^2024年下达资金共3383\.24万元/);
    // "一、二级指标" is no heading: "一、" does not follow "三、" in order.
    expect(lines[lines.length - 1]).toMatch(/^经综合评价.*一、二级指标/);
  });

  it('parts a chapter from a sign-off date, a usual title from its sentence, and a scored title', () => {
    const text =
      '某局2023年度部门整体支出绩效自评报告填报日期：2024年5月21日一、部门的基本情况全年收入912.97万元，支出912.97万元，资金全部用于保障机关运转和重点工作，支出进度符合要求。二、绩效分析（一）效益指标（分值30分，得30分，未扣分）1、经济效益指标（分值10分，得10分，未扣分）全力落实各项任务。社会效益指标（分值10分，得10分，未扣分）稳步开展各项公益活动，群众满意度较高。三、存在问题政府采购预算编制不够科学，需进一步加强。四、相关建议无相关建议。';
    const lines = relineGluedText(text).text.split('\n');
    expect(lines).toContain('一、部门的基本情况');
    expect(lines.some((l) => l.endsWith('2024年5月21日'))).toBe(true);
    expect(lines).toContain('社会效益指标（分值10分，得10分，未扣分）');
    expect(lines.slice(-2)).toEqual(['四、相关建议', '无相关建议。']);
  });

  it('sets a list item opening on a year apart after a colon, never a figure after a point', () => {
    const text =
      '一、基本情况全年安排专项资金项目共计20个，财政资金1250.60万元，资金使用总体合规，项目按计划推进，支出进度符合要求，未发现截留挪用等问题。二、绩效目标实现情况自评为“差”的项目2个，分别是：1、2023年农村人居环境整治项目，资金下达较晚；2、2023年高标准农田建设项目，增长1.2023个百分点，受天气影响工期延后。';
    const lines = relineGluedText(text).text.split('\n');
    expect(lines.filter((l) => /^\d、/.test(l))).toEqual([
      '1、2023年农村人居环境整治项目，资金下达较晚；',
      '2、2023年高标准农田建设项目，增长1.2023个百分点，受天气影响工期延后。',
    ]);
  });

  it('gives back the lines of a report of long paragraphs joined by spaces', () => {
    const long = (sentence: string): string => sentence.repeat(5);
    const lines = [
      '某县财政局2024年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '（一）基本支出',
      long(
        '基本支出是保障机构正常运转、完成日常工作任务而发生的各项支出，包括人员经费和日常公用经费。',
      ),
      '二、资产管理情况',
      long('截至2024年12月31日，我单位固定资产原值865.20万元，固定资产净值310.45万元，账实相符。'),
      // The report's own slip: the next chapter numbered as a list's first item.
      '3、 部门整体支出绩效情况',
      '（一）预算执行率（分值 10 分，得9.5分，扣0.5分）',
      long('全年预算数1200.00万元，全年执行数1140.00万元，预算执行率95.00%，较上年有所提高。'),
      '（2） 成本指标（分值20分，得20分，未扣分）',
      '1、经济成本指标（分值10分，得10分，未扣分）',
      long('预算成本控制在批复范围以内，未发生超预算支出，成本节约措施落实到位，支出结构合理。'),
      // An indicator's title with no number, closed by its points.
      '社会成本指标（分值10分，得10分，未扣分）',
      long('社会成本节约率达到预期，未发生因项目实施产生的社会矛盾和负面舆情，群众反映良好。'),
      '四、存在的问题',
      long('部分项目绩效目标设置不够细化，个别指标难以量化考核，绩效监控的及时性还需加强。'),
    ];
    expect(relineGluedText(lines.join(' ')).text.split('\n')).toEqual(lines);
  });

  it('leaves one long paragraph alone', () => {
    const paragraph = `${'全县共完成农村公路养护里程6952公里，优良中等路率83.6%，危桥改造12座，沿线群众满意度93.4%。'.repeat(8)}`;
    expect(relineGluedText(paragraph)).toEqual({ text: paragraph });
  });

  it("gives back a page's opening with one chapter, its part and its list, joined by spaces", () => {
    const duties = Array.from(
      { length: 12 },
      (_, i) => `(${i + 1})负责本院承办的第${i + 1}类法律监督工作,依法履行检察职责。`,
    );
    const lines = [
      '部门整体支出绩效评价自评报告',
      '一、部门基本情况',
      '(一)部门职能与机构设置',
      '1、部门职责',
      ...duties,
    ];
    expect(relineGluedText(lines.join(' ')).text.split('\n')).toEqual(lines);
    // Numbered points of one paragraph, with no chapter above them, stay one paragraph.
    const points = duties.join('');
    expect(relineGluedText(points)).toEqual({ text: points });
  });

  it('reads the relined lines as paragraphs and headings standing on the file line', () => {
    const read = readText(new TextEncoder().encode(`标题\n${PDF_LINES.join(' ')}\n`), 'a.txt');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const doc = read.document;
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '二、预算执行情况')).toBe(
      true,
    );
    expect(doc.realLines?.[0]).toBe(1);
    expect(new Set(doc.realLines?.slice(1))).toEqual(new Set([2, 3]));
  });

  it('gives back the rows of a table whose cells keep their spaces in paragraphs joined by nothing', () => {
    const prose = [
      '某县民政局2024年度部门整体支出绩效自评报告',
      '第一部分  部门基本情况',
      '一、主要职能',
      '负责全县社会救助、养老服务、社会事务和基层政权建设等工作，统筹推进全县民政事业发展。',
      '二、预算执行情况',
      '（一）基本支出',
      '基本支出决算1,024.36万元，其中人员经费936.18万元，公用经费88.18万元，主要用于日常运转。',
      '（二）项目支出',
      '项目支出决算361.91万元，主要用于低保金发放和养老服务补贴，执行率98.12%。',
      '（二）存在的问题',
      '部分养老机构护理人员不足，服务质量有待提升，需进一步加强培训和人员配备。',
    ];
    const table = [
      '附件1',
      '2024年度部门整体支出绩效自评表',
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
      '产出指标 数量指标 低保对象人数 ≥3000人 3120人 10 10',
      '救助资金发放率 =100% 100% 10 10',
      '效益指标 社会效益指标 困难群众生活保障 应保尽保 应保尽保 20 20',
      '家庭经济困难老人补贴覆盖率 ≥95% 96.2% 10 10',
      '总分 100 98.50',
    ];
    const lines = relineGluedText([...prose, ...table].join('')).text.split('\n');
    // Not taken for a PDF's lines joined by spaces: the prose keeps its sentences whole.
    expect(lines).toContain(prose[6]);
    // A title its paragraph opens by repeating stands apart; a part right after the title
    // opens the outline; a number repeated right after a stop is a heading still (a slip).
    expect(lines).toContain('（一）基本支出');
    expect(lines).toContain('第一部分  部门基本情况');
    expect(lines).toContain('（二）存在的问题');
    // Each row a line: a figure running on into a name ends its row; "10家庭…" is no unit.
    for (const row of table.slice(3)) expect(lines).toContain(row);
  });
});

describe('tables run on after a table and its sign-off', () => {
  it("sets the sign-off after a total row and the next attachment's table on lines of their own", () => {
    const line = [
      '一、部门基本情况 本部门内设科室5个。二、绩效目标完成情况 全年完成各项任务。',
      '附件2 2023年度部门整体支出绩效自评表 \t一级指标 \t二级指标 \t三级指标 \t分值 \t得分',
      '产出指标 \t数量指标 \t培训人次 \t50 \t50 \t总分 \t100 \t\u300099 \t\u3000   填表人：      填报日期：    联系电话：',
      '附件3 2023年度项目支出绩效自评表 \t项目名称 \t乡村道路养护 \t年度资金总额 \t120 \t120 \t118',
    ].join(' ');
    const lines = relineGluedText(line)
      .text.split('\n')
      .map((l) => l.trim());
    const at = (start: string): number => lines.findIndex((l) => l.startsWith(start));
    expect(at('填表人：')).toBeGreaterThan(0);
    expect(lines[at('填表人：') - 1]).toMatch(/99$/);
    expect(at('附件3 2023年度项目支出绩效自评表')).toBe(at('填表人：') + 1);
  });
});

describe('a 自评表 joined by nothing, its unit line and headers glued to the rows', () => {
  it('sets the unit line, the fund header and the first row after a 扣分原因 header on lines of their own', () => {
    const rows = [
      '浙江省某区2024年度项目支出绩效自评表',
      '项目名称：城乡供水改造项目',
      '主管部门：区水利局',
      '实施单位：区供水服务中心',
      '金额单位：万元',
      '资金来源年初预算数全年预算数全年执行数分值执行率得分',
      '年度资金总额1,280.001,350.001,317.501097.59%9.76',
      '其中：其他资金80.0080.0072.00—90.00%—',
      '一级指标二级指标三级指标指标值（目标）实际值分值得分扣分原因',
      '产出指标数量指标改造供水管网长度≥120公里126公里1010',
      '总分10099.76',
    ];
    const lines = relineGluedText(rows.join('')).text.split('\n');
    for (const row of rows.slice(2)) expect(lines).toContain(row);
    // A unit line of 元 or 亿元 ends where its unit does, and 实施单位 is no unit line.
    const yuan = relineGluedText(
      [
        ...rows.slice(0, 4),
        '单位：亿元',
        '项目年初预算数全年预算数全年执行数',
        ...rows.slice(6),
      ].join(''),
    ).text.split('\n');
    expect(yuan).toContain('单位：亿元');
    expect(yuan).toContain('项目年初预算数全年预算数全年执行数');
  });
});

describe('a 自评表 with 评分标准 joined by nothing', () => {
  it('ends no row inside a 评分标准, ends one before a group and before a name opening with a unit', () => {
    const rows = [
      '一级指标二级指标三级指标指标解释评分标准分值指标值（目标）实际值得分扣分原因',
      '产出指标数量指标城市道路维护面积年度完成维护的城市道路面积完成目标得满分，否则按比例得分15≥320万平方米328万平方米15',
      '质量指标市政设施完好率完好的市政设施占全部设施的比例达到目标值得满分15≥95%96.5%15',
      '时效指标重点项目按期完工率按期完工的重点项目占比达到目标值得满分，否则按比例得分10≥90%87.5%9.72',
      '满意度指标服务对象满意度指标市民满意度第三方抽样调查满意比例≥85%得满分10≥85%88%10',
      '家庭医生签约服务人数≥12万人12.6万人1010',
      '总分10099.42',
    ];
    const lines = relineGluedText(['2024年度部门整体支出绩效自评表', ...rows].join('')).text.split(
      '\n',
    );
    for (const row of rows) expect(lines).toContain(row);
    // An attachment's number runs on into its title: no row ends there.
    expect(
      relineGluedText(['附件2项目支出绩效自评表（2024年度）', ...rows.slice(1)].join(''))
        .text.split('\n')
        .some((l) => l === '附件2'),
    ).toBe(false);
  });
});

describe('a 自评表 joined by nothing whose reasons close on no stop', () => {
  it('ends a reason where a group’s name follows it, past the figures it holds, and reads units of 亿元', () => {
    const rows = [
      '资金情况（万元）年初预算数全年预算数预算执行数分值执行率得分',
      '年度资金总额2,860.003,040.002,979.201098.00%9.80',
      '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
      '产出指标数量指标公益林管护面积≥180万亩182万亩1010',
      '石漠化综合治理面积≥3.5万亩3.2万亩109.14受持续干旱影响，部分造林地块推迟至2025年春季实施',
      '质量指标苗木成活率≥90%88.2%100.989.8夏季持续干旱影响部分苗木成活，已于秋季补植',
      '时效指标项目完工时间2024年10月底前2024年10月1010',
      '成本指标每公里综合治理成本≤0.14亿元0.137亿元1010',
      '总分10098.94',
    ];
    const lines = relineGluedText(
      ['2024年度项目支出绩效自评表项目名称：公益林管护', ...rows].join(''),
    ).text.split('\n');
    for (const row of rows) expect(lines).toContain(row);
    // A reason whose words after its last comma name no group runs on to the next figure.
    expect(
      relineGluedText(
        [
          '2024年度项目支出绩效自评表',
          ...rows.slice(2, 4),
          '受灾影响，部分推迟至年底完成2024年12月底前1010',
        ].join(''),
      ).text,
    ).toContain('受灾影响，部分推迟至年底完成2024年12月底前1010');
  });
});

describe('a 区域 table joined by nothing', () => {
  it('sets apart the sub-columns under its amounts and a first row glued to a header closing on 分析', () => {
    const rows = [
      '资金情况（万元）全年预算数全年执行数执行率分值得分',
      '合计中央补助地方资金合计中央补助地方资金',
      '年度资金总额3560.45003200.0000360.45003488.30003200.0000288.300097.97%109.80',
      '一级指标二级指标三级指标年度指标值全年实际值分值得分未完成原因分析',
      '产出指标数量指标改造农村危房户数≥1200户1236户2020',
      '总分10099.80',
    ];
    const lines = relineGluedText(
      ['2024年度中央对地方转移支付区域绩效自评表', ...rows].join(''),
    ).text.split('\n');
    for (const row of rows) expect(lines).toContain(row);
    // 其他资金 among the sub-columns is no fund row of its own.
    const other = ['合计中央资金地方资金其他资金', ...rows.slice(2)];
    const relined = relineGluedText(
      ['2024年度中央对地方转移支付区域绩效自评表', rows[0], ...other].join(''),
    ).text.split('\n');
    expect(relined).toContain('合计中央资金地方资金其他资金');
  });
});

describe('a 自评表 joined by nothing in full-width digits', () => {
  it('is given back a row a line, each row in the characters it was written with', () => {
    const rows = [
      '年度资金总额４５０.００４５０.００４４１.００１０９８.００％９.８',
      '其中：当年财政拨款４００.００４００.００３９１.００—９７.７５％—',
      '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
      '产出指标数量指标新建中药材种植基地面积≥３０００亩３１５０亩１５１５',
      '培育种植示范户≥６０户６４户１０１０',
      '质量指标种苗成活率≥９０％９３.５％１０１０',
      '总分１００９６.８',
    ];
    const lines = relineGluedText(['2024年度项目支出绩效自评表', ...rows].join('')).text.split(
      '\n',
    );
    for (const row of rows) expect(lines).toContain(row);
  });
});

describe('a 自评表 joined by nothing whose figures are counted in measure words', () => {
  it('ends no row after a unit of things counted or of weight (艘, 处, 斤, 微克/立方米), and one before a name opening with such a character', () => {
    const rows = [
      '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
      '产出指标数量指标渔船更新改造≥150艘156艘1010',
      '修缮保护历史窑址≥8处8处1010',
      '效益指标经济效益指标新增粮食产量≥1200万斤1260万斤1010',
      '生态效益指标PM2.5平均浓度≤38微克/立方米36微克/立方米1010',
      '部门预算资金支出率≥90%95%1010',
      '总分10099.80',
    ];
    const lines = relineGluedText(['2024年度项目支出绩效自评表', ...rows].join('')).text.split(
      '\n',
    );
    for (const row of rows) expect(lines).toContain(row);
  });
});

describe('a 自评表 joined by nothing with goals before its header and numbered reasons', () => {
  it('sets apart a header opening on 绩效指标 from the goals before it, and ends a numbered reason at its last stop', () => {
    const rows = [
      '年度总体目标预期目标实际完成情况完成改造6万户，加装电梯20部以上。完成改造5.7万户，加装电梯22部。',
      '绩效指标',
      '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
      '产出指标数量指标清洁取暖改造户数≥6万户5.7万户1514.251.因部分农户改造意愿不足，0.3万户未实施；2.下一步加强宣传动员。',
      '新建清洁热源项目个数≥20个21个1010',
      '总分10099.25',
    ];
    const lines = relineGluedText(['2024年度项目支出绩效自评表', ...rows].join('')).text.split(
      '\n',
    );
    for (const row of rows) expect(lines).toContain(row);
  });
});

describe('a list table among paragraphs joined by nothing, its cells parted by spaces', () => {
  it('gives back its header after the sentence announcing it and a row a line', () => {
    const text = [
      '一、基本情况资金按因素法分配到3个县（区），由各县（区）人社部门审核发放，各县（区）下达和支出情况见下表：',
      '县（区） 下达资金（万元） 支出金额（万元） 支出进度 补贴人次',
      '汉台区 1,862.40 1,826.15 98.05% 5,210',
      '南郑区 1,236.80 1,198.42 96.90% 3,486',
      '宁强县 768.40 742.65 97.65% 1,975',
      '合计 3,867.60 3,767.22 97.40% 10,671',
      '二、绩效目标完成情况全市城镇新增就业2.83万人，完成职业技能培训1.62万人次，培训后取证率63.5%；城镇调查失业率控制在5.1%，各类补贴资金发放及时率97.2%，零就业家庭动态清零。',
      '附件汉中市2024年度就业补助资金区域绩效目标自评表',
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因',
      '产出指标 数量指标 城镇新增就业人数 ≥2.6万人 2.83万人 10 10',
      '满意度指标 服务对象满意度指标 服务对象满意度 ≥90% 93.1% 10 10',
    ];
    const lines = relineGluedText(text.join('')).text.split('\n');
    for (const row of text.slice(1, 6)) expect(lines).toContain(row);
  });
});
