import { describe, expect, it } from 'vitest';
import type { Finding } from '@jixiao/domain';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { checkDocument } from './document-checks.ts';

const HEADER = '序号\t项目名称\t预算金额（万元）\t执行金额（万元）\t执行率\t自评得分\t自评等级';
const ROWS = [
  '1\t农村公路养护项目\t320.00\t310.50\t97.03%\t95.5\t优',
  '2\t城乡环境整治经费\t150.00\t120.00\t80.00%\t86\t良',
  '3\t防汛抗旱专项资金\t80.00\t80.00\t100.00%\t98\t优',
  '4\t水利工程维修项目\t60.00\t45.00\t75.00%\t78\t中',
];
const TOTAL = '合计\t\t610.00\t555.50\t91.07%';

function audit(lines: readonly string[], sep = '\t'): Finding[] {
  const text = [
    '2023年度项目支出绩效自评结果公开',
    '现将我局2023年度项目支出绩效自评结果公开如下：',
    ...lines.map((l) => l.split('\t').join(sep)),
    '以上自评结果已报区财政局备案。',
  ].join('\n');
  return checkDocument(extractEvaluation(parseTextLines(text, 'x.txt'))).filter(
    (f) => f.code.startsWith('DOC_LIST_') || f.category === 'sum' || f.category === 'ratio',
  );
}

const codes = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.code} ${f.stated ?? ''}`);

describe('a table listing items with their figures (自评结果公开)', () => {
  it('is silent when every row and the 合计 agree', () => {
    expect(audit([HEADER, ...ROWS, TOTAL])).toEqual([]);
    // Columns aligned with spaces, and the 合计 row's empty cells dropped, read the same.
    expect(audit([HEADER, ...ROWS, TOTAL], '  ')).toEqual([]);
  });

  it('reads the list turned on its side: sources across the top, figures down the side', () => {
    const turned = (rate: string) => [
      '项目\t上年结转\t本年财政拨款\t其他资金\t合计',
      '全年预算数\t186.40\t9,862.35\t420.00\t10,468.75',
      '全年执行数\t180.22\t9,540.18\t366.80\t10,087.20',
      `执行率\t96.68%\t96.73%\t${rate}\t96.36%`,
    ];
    expect(codes(audit(turned('87.33%')))).toEqual([]);
    expect(codes(audit(turned('87.53%')))).toEqual(['DOC_LIST_RATE 87.53%']);
  });

  it('finds a row whose 执行率 is not its 执行数 over its 预算数', () => {
    const rows = ROWS.map((r) => r.replace('75.00%', '70.00%'));
    const found = audit([HEADER, ...rows, TOTAL]);
    expect(codes(found)).toEqual(['DOC_LIST_RATE 70.00%']);
    expect(found[0]?.severity).toBe('error');
    expect(found[0]?.expected).toBe('75.00%');
  });

  it('reads the table of places a 转移支付 was handed out to (县（市、区） | 分配资金 | 实际支出 | 执行率)', () => {
    const places = [
      '县（市、区）\t分配资金（万元）\t实际支出（万元）\t执行率',
      '甲县\t960.00\t948.30\t98.78%',
      '乙区\t1,120.00\t1,120.00\t100.00%',
      '丙县\t3,280.00\t3,236.50\t98.76%',
      '合计\t5,360.00\t5,304.80\t98.97%',
    ];
    expect(codes(audit(places))).toEqual(['DOC_LIST_RATE 98.76%']);
    expect(audit(places.map((r) => r.replace('98.76%', '98.67%')))).toEqual([]);
  });

  it('reads a subsidy paid out by place (乡镇 | 分配资金 | 实际发放 | 发放率)', () => {
    const places = [
      '乡镇\t分配资金（万元）\t实际发放（万元）\t发放率',
      '甲镇\t486.20\t486.20\t100.00%',
      '乙镇\t574.30\t566.85\t98.07%',
      '丙乡\t396.50\t389.12\t98.14%',
      '合计\t1,457.00\t1,442.17\t98.98%',
    ];
    expect(codes(audit(places))).toEqual(['DOC_LIST_RATE 98.07%']);
    expect(audit(places.map((r) => r.replace('98.07%', '98.70%')))).toEqual([]);
    // In lines parted by spaces, a place's name a stray space cut ("八五三 农场") is one label.
    const spaced = places.map((r) => r.replace('乙镇', '八五三 农场'));
    expect(codes(audit(spaced, ' '))).toEqual(['DOC_LIST_RATE 98.07%']);
    // So is a header word ("实际 发放（万元）", "发放 率").
    const header = ['乡镇\t分配资金（万元）\t实际 发放（万元）\t发放 率', ...places.slice(1)];
    expect(codes(audit(header, ' '))).toEqual(['DOC_LIST_RATE 98.07%']);
  });

  it('reads a 支出进度 as the rate, and adds up a column of things counted beside the money', () => {
    const places = (rate: string, total: string) => [
      '县（区）\t下达资金（万元）\t支出金额（万元）\t支出进度\t补贴人次',
      `甲县\t768.40\t742.65\t${rate}\t1,975`,
      '乙区\t512.60\t498.26\t97.20%\t1,264',
      '丙县\t186.20\t182.35\t97.93%\t436',
      `合计\t1,467.20\t1,423.26\t97.00%\t${total}`,
    ];
    expect(audit(places('96.65%', '3,675'))).toEqual([]);
    expect(codes(audit(places('97.65%', '3,675')))).toEqual(['DOC_LIST_RATE 97.65%']);
    expect(codes(audit(places('96.65%', '3,765')))).toEqual(['DOC_LIST_SUM 3765']);
    // As a PDF's lines parted by single spaces.
    expect(codes(audit(places('96.65%', '3,765'), ' '))).toEqual(['DOC_LIST_SUM 3765']);
    // A column of averages or standards is no count its 合计 adds up.
    const perHead = places('96.65%', '3,765').map((r) => r.replace('补贴人次', '人均补贴人次'));
    expect(audit(perHead)).toEqual([]);
  });

  it('sets aside a last column of 备注 in lines parted by single spaces', () => {
    const lines = [
      '县市 分配资金（万元） 实际支出（万元） 执行率 备注',
      '甲县 1,200.00 1,200.00 100.00%',
      '乙县 1,080.00 1,036.80 96.60% 1所学校尾款次年支付',
      '丙县 900.00 882.00 98.00%',
      '合计 3,180.00 3,118.80 98.08%',
    ];
    expect(codes(audit(lines))).toEqual(['DOC_LIST_RATE 96.60%']);
    expect(audit(lines.map((r) => r.replace('96.60%', '96.00%')))).toEqual([]);
  });

  it('holds a row restated in prose after the table, in either unit, and a count of its rows', () => {
    const table = (count: string, after: string) =>
      checkDocument(
        extractEvaluation(
          parseTextLines(
            [
              '某局2024年度部门整体支出绩效自评报告',
              `全年共实施项目${count}，具体如下：`,
              '项目名称\t全年预算（万元）\t支出（万元）\t备注',
              '优抚对象抚恤补助\t336.00\t325.64\t按季度发放',
              '退役士兵安置\t190.00\t186.20\t',
              '烈士纪念设施维护\t57.00\t42.50\t',
              '合计\t583.00\t554.34\t',
              after,
            ].join('\n'),
            'x.txt',
          ),
        ),
      )
        .filter((f) => f.code === 'DOC_CLAIM_RESTATED' || f.code === 'DOC_CLAIM_LIST_COUNT')
        .map((f) => `${f.code} ${f.stated ?? ''}`);
    expect(table('3个', '其中优抚对象抚恤补助支出3,256,400元。')).toEqual([]);
    expect(table('3个', '其中优抚对象抚恤补助支出3,265,400元。')).toEqual([
      'DOC_CLAIM_RESTATED 3265400元',
    ]);
    expect(table('4个', '其中优抚对象抚恤补助支出325.64万元。')).toEqual([
      'DOC_CLAIM_LIST_COUNT 项目4个',
    ]);
  });

  it('holds a count of places said before a table of places against its rows', () => {
    const counted = (count: string) =>
      checkDocument(
        extractEvaluation(
          parseTextLines(
            [
              '某市2024年度就业补助资金区域绩效自评报告',
              `资金按因素法分配到全市${count}个县（市、区），由各县发放。各县（市、区）资金情况如下：`,
              '县（市、区）\t下达资金（万元）\t实际支出（万元）\t执行率',
              '甲县\t1,200.00\t1,200.00\t100.00%',
              '乙区\t1,080.00\t1,036.80\t96.00%',
              '丙市\t900.00\t882.00\t98.00%',
              '合计\t3,180.00\t3,118.80\t98.08%',
            ].join('\n'),
            'x.txt',
          ),
        ),
      )
        .filter((f) => f.code === 'DOC_CLAIM_LIST_COUNT')
        .map((f) => `${f.stated ?? ''}→${f.expected ?? ''}`);
    expect(counted('3')).toEqual([]);
    expect(counted('4')).toEqual(['4个县（市、区）→3']);
  });

  it('holds a count in prose against a counted column’s 合计 with two digits swapped', () => {
    const restated = (prose: string) =>
      checkDocument(
        extractEvaluation(
          parseTextLines(
            [
              '某市2024年度计划生育转移支付资金区域绩效自评报告',
              '各县（市、区）扶助人数和资金情况如下：',
              '县（市、区）\t扶助人数（人）\t下达资金（万元）\t实际支出（万元）\t执行率',
              '甲县\t2,868\t812.40\t801.26\t98.63%',
              '乙区\t2,215\t624.30\t612.85\t98.17%',
              '丙市\t3,106\t876.50\t859.34\t98.04%',
              '合计\t8,189\t2,313.20\t2,273.45\t98.28%',
              prose,
            ].join('\n'),
            'x.txt',
          ),
        ),
      )
        .filter((f) => f.code === 'DOC_CLAIM_RESTATED')
        .map((f) => `${f.stated ?? ''}→${f.expected ?? ''}`);
    expect(restated('全市落实计划生育扶助对象8,189人。')).toEqual([]);
    expect(restated('全市落实计划生育扶助对象8,198人。')).toEqual(['8,198人→8189人']);
    // Named with no word of the column: some other count.
    expect(restated('全市新增就业8,198人。')).toEqual([]);
  });

  it('finds a 合计 that is not the sum of the rows above it, exactly', () => {
    const found = audit([
      HEADER,
      ...ROWS,
      TOTAL.replace('610.00', '620.00').replace('91.07%', '89.60%'),
    ]);
    expect(codes(found)).toEqual(['DOC_LIST_SUM 620.00万元']);
    expect(found[0]?.expected).toBe('610.00万元');
  });

  it('warns where a grade does not match its score by the usual bands', () => {
    const rows = ROWS.map((r) => r.replace('86\t良', '86\t优'));
    const found = audit([HEADER, ...rows, TOTAL]);
    expect(codes(found)).toEqual(['DOC_LIST_GRADE 优']);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.expected).toBe('良');
  });

  it('reads amounts in 元 in the unit of their header', () => {
    const inYuan = [
      '序号\t项目名称\t预算金额（元）\t实际支出（元）\t预算执行率\t得分',
      '1\t教师培训经费\t125,000.00\t118,750.00\t95.00%\t96',
      '2\t校舍维修经费\t300,000.00\t300,000.00\t100.00%\t98',
      '合计\t\t425,000.00\t418,750.00\t98.53%',
    ];
    expect(audit(inYuan)).toEqual([]);
    const wrong = inYuan.map((l) => l.replace('418,750.00', '428,750.00'));
    expect(codes(audit(wrong))).toEqual(['DOC_LIST_RATE 98.53%', 'DOC_LIST_SUM 428750.00元']);
  });

  it('is not read as a 自评表 (its rows are no fund sources)', () => {
    const report = extractEvaluation(
      parseTextLines(
        ['2023年度项目支出绩效自评结果公开', HEADER, ...ROWS, TOTAL].join('\n'),
        'x.txt',
      ),
    );
    expect(report.selfEvaluationTables).toEqual([]);
  });
});

describe('a table of counts with a 合计 row (人员类别 | 编制数 | 实有人数)', () => {
  const STAFF = ['人员类别\t编制数（名）\t实有人数（人）', '行政编制\t42\t40', '事业编制\t86\t81'];

  it('finds a 合计 that is not the sum of the rows, in cells parted by tabs or by spaces', () => {
    for (const sep of ['\t', ' ']) {
      const found = audit([...STAFF, '工勤编制\t6\t5', '合计\t134\t128'], sep);
      expect(codes(found)).toEqual(['DOC_LIST_SUM 128']);
    }
  });

  it('is silent when the rows add up, and on a class listed with its parts', () => {
    expect(audit([...STAFF, '工勤编制\t6\t5', '合计\t134\t126'])).toEqual([]);
    const nested = [
      '人员类别\t编制数（名）\t实有人数（人）',
      '在职人员\t128\t121',
      '行政编制\t42\t40',
      '事业编制\t86\t81',
      '离退休人员\t0\t63',
      '合计\t128\t184',
    ];
    expect(audit(nested)).toEqual([]);
  });
});

describe('a budget table in the prose (支出类别 | 年初预算 | 全年预算 | 全年执行 | 执行率)', () => {
  const rows = [
    '支出类别\t年初预算\t全年预算\t全年执行\t执行率',
    '基本支出\t1,486.20\t1,552.40\t1,532.18\t98.70%',
    '项目支出\t862.50\t1,006.30\t918.47\t92.17%',
    '合计\t2,348.70\t2,558.70\t2,450.65\t95.78%',
  ];

  it('holds each 执行率 against the 全年预算, not the 年初预算 beside it, also as a PDF line', () => {
    for (const sep of ['\t', ' '])
      expect(codes(audit(rows, sep))).toEqual(['DOC_LIST_RATE 92.17%']);
    const right = rows.map((r) => r.replace('92.17%', '91.27%'));
    for (const sep of ['\t', ' ']) expect(audit(right, sep)).toEqual([]);
  });
});

describe('a table of counts a PDF gives one cell per line', () => {
  const cells = ['年级', '班级数', '学生人数', '高一', '16', '812', '高二', '16', '836'];

  it('finds a 合计 that is not the sum of the rows, written with a thousands separator', () => {
    const found = audit([...cells, '高三', '17', '838', '合计', '49', '2,496']);
    expect(codes(found)).toEqual(['DOC_LIST_SUM 2496']);
    expect(audit([...cells, '高三', '17', '838', '合计', '49', '2,486'])).toEqual([]);
  });

  it('passes over the remark a row has under a last column of 备注', () => {
    const staff = (total: string) =>
      audit([
        '人员类别',
        '编制数',
        '实有人数',
        '备注',
        '参照公务员法管理人员',
        '6',
        '5',
        '1人调出',
        '事业管理人员',
        '12',
        '11',
        '专业技术人员',
        '3',
        '2',
        '无',
        '合计',
        '21',
        total,
      ]);
    expect(codes(staff('19'))).toEqual(['DOC_LIST_SUM 19']);
    expect(staff('18')).toEqual([]);
  });
});

describe('a list cut from its header, one cell per line, with a 合计', () => {
  const page = (first: string) =>
    [
      '新会区司前镇田边村现有耕地提质改造项目',
      first,
      '946.34',
      '7.02',
      '2',
      '新会区司前镇小坪村现有耕地提质改造项目',
      '904.63',
      '833.7',
      '6.65',
      '3',
      '新会区罗坑镇芦冲村现有耕地提质改造项目',
      '111.53',
      '102.91',
      '4.97',
      '4',
      '新会区“侨都锦田”土地综合整治项目二期',
      '1190.00',
      '900.00',
      '合计',
      '3230.58',
      '2782.95',
      '附件2',
    ].join('\n');
  const found = (text: string): string[] =>
    checkDocument(extractEvaluation(parseTextLines(text, 'x.txt')))
      .filter((f) => f.code === 'DOC_LIST_SUM')
      .map((f) => `${f.severity} ${f.stated ?? ''}→${f.expected ?? ''}`);

  it('checks a column against its 合计 when another column adds up', () => {
    expect(found(page('1024.42'))).toEqual([]);
    expect(found(page('1042.42'))).toEqual(['warning 3230.58→3248.58']);
  });

  it('says nothing when no column adds up: the columns may be set wrong', () => {
    expect(found(page('1042.42').replace('2782.95', '2800.00'))).toEqual([]);
  });

  it('reads figures typed in full-width digits as the same figures', () => {
    expect(found(wide(page('1024.42')))).toEqual([]);
    expect(found(wide(page('1042.42')))).toEqual(['warning ３２３０．５８→3248.58']);
  });
});

/** The text with its digits and points typed full-width (１０２４．４２). */
const wide = (text: string): string =>
  text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('blocks of a form printed side by side, each label with its figure', () => {
  const run = (spent: string) =>
    `合计 41375 合计 32258 合计 29376.6 省财政投入 41375 省财政投入 32258 省财政投入 ${spent} 其他投入 其他投入 其他投入`;

  it("holds each block's 合计 against its parts, on one line or a word a line", () => {
    expect(codes(audit([run('29376.6')]))).toEqual([]);
    expect(codes(audit([run('29736.6')]))).toEqual(['DOC_LIST_SUM 29376.6']);
    expect(codes(audit(run('29736.6').split(' ')))).toEqual(['DOC_LIST_SUM 29376.6']);
  });

  it('reads figures typed in full-width digits as the same figures', () => {
    expect(codes(audit([wide(run('29376.6'))]))).toEqual([]);
    expect(codes(audit([wide(run('29736.6'))]))).toEqual(['DOC_LIST_SUM ２９３７６．６']);
  });

  it('needs the total said twice and each part as often', () => {
    expect(codes(audit(['合计 41375 省财政投入 40375']))).toEqual([]);
    expect(codes(audit(['合计 41375 合计 32258 省财政投入 41375 其他投入 3']))).toEqual([]);
  });
});
