import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkDocument, numberMark } from './document-checks.ts';
import { checkTables } from './table-checks.ts';

const codes = (text: string) =>
  checkDocument(extractEvaluation(parseTextLines(text, 'x.txt'))).map((f) => [f.code, f.stated]);

describe('template prompts left in the text', () => {
  it('reports a line that is only a template label in parentheses', () => {
    expect(codes('部门整体支出绩效评价报告\n(参考提纲)\n一、部门基本情况')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '(参考提纲)'],
    ]);
    // Run on after its title, as in a text whose line breaks were lost; a title alone is no prompt.
    expect(codes('部门整体支出绩效评价报告(参考提纲)一、部门基本情况')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '(参考提纲)'],
    ]);
    expect(codes('《绩效评价报告参考提纲》的通知')).toEqual([]);
    expect(codes('自评报告\n（此处填写单位名称）\n')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '（此处填写单位名称）'],
    ]);
    expect(codes('自评报告\n（此处简述部门主要职能及内设机构情况）\n')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '（此处简述部门主要职能及内设机构情况）'],
    ]);
  });

  it('reports a cover field whose choices are all left unmarked', () => {
    expect(
      codes('部门整体支出绩效评价自评报告\n评价类型：项目实施过程评价 项目完成结果评价\n'),
    ).toEqual([['DOC_TEMPLATE_OPTIONS', '评价类型：项目实施过程评价 项目完成结果评价']]);
    // Run together, as a PDF's text gives them.
    expect(codes('自评报告\n评价类型:项目实施过程评价项目完成结果评价\n')).toEqual([
      ['DOC_TEMPLATE_OPTIONS', '评价类型：项目实施过程评价 项目完成结果评价'],
    ]);
    // One choice written, or choices marked: nothing to say.
    expect(codes('自评报告\n评价类型：项目完成结果评价\n')).toEqual([]);
    expect(codes('自评报告\n评价类型：项目实施过程评价 √项目完成结果评价\n')).toEqual([]);
  });

  it('says a list numbered 1、 alone has a second heading whose number was left out', () => {
    const body = '根据年初绩效目标，本项目资金已按规定全部拨付到位，资金使用规范，执行率为100%。';
    const text = (second: string) =>
      ['一、自评结论', '（一）绩效目标完成情况', '1、执行率情况。', body, second, body].join('\n');
    expect(codes(text('完成的绩效目标。'))).toEqual([['DOC_LIST_NUMBERING', '完成的绩效目标。']]);
    // A sentence, or a list that goes on to 2、, is no such heading.
    expect(codes(text('完成情况较好，达到预期。'))).toEqual([]);
    expect(codes(text('2、完成的绩效目标。'))).toEqual([]);
  });

  it('says a 自评表 holds no figure at all, and only when none is there', () => {
    const blank = (text: string) =>
      checkTables(extractEvaluation(parseTextLines(text, 'x.txt')))
        .filter((f) => f.code === 'DOC_FORM_BLANK')
        .map((f) => [f.severity, f.category]);
    const form =
      '1/1\n年学生资助项目绩效自评表\n预算执行情况(万元)\n预算数()\n执行数()\n执行率()\n得分\n' +
      '一级指标\n二级指标\n三级指标\n年初目标值()\n实际完成值()\n分值\n产出指标\n数量指标\n';
    expect(blank(form)).toEqual([['warning', 'completeness']]);
    // One figure filled in is a form that was filled in, however sparsely.
    expect(blank(form.replace('预算数()', '预算数(120)'))).toEqual([]);
    // Prose that names a few of the headings is no form.
    expect(blank('自评报告\n预算数、执行数和执行率均按要求填报，得分情况见附表。\n')).toEqual([]);
  });

  it('reports XX before any word as a placeholder left in', () => {
    const labels = (text: string) =>
      checkTables(extractEvaluation(parseTextLines(text, 'x.txt'))).map((f) => [f.code, f.stated]);
    expect(labels('自评报告\n全年完成XX社区等3个老旧小区提升改造。\n')).toEqual([
      ['DOC_TEMPLATE_LABEL', 'XX社区'],
    ]);
    expect(labels('自评报告\n全年完成长青社区等3个老旧小区提升改造。\n')).toEqual([]);
  });

  it('stays silent on a year, a numbering or a note in parentheses', () => {
    expect(codes('自评报告\n(2023年度)\n（一）部门职能\n（含上年结转资金）\n')).toEqual([]);
  });
});

describe('template instructions and options left unmarked', () => {
  it('reports 填写说明, a （可选） label and a line of □ options none of which is marked', () => {
    expect(
      codes(
        '项目支出绩效自评报告\n评价等级：□优 □良 □中 □差\n一、项目基本情况（可选）\n填写说明：1.本报告由项目单位填写。',
      ),
    ).toEqual([
      ['DOC_TEMPLATE_OPTIONS', '□优 □良 □中 □差'],
      ['DOC_TEMPLATE_LEFT_TEXT', '（可选）'],
      ['DOC_TEMPLATE_LEFT_TEXT', '填写说明：'],
    ]);
    expect(codes('项目支出绩效自评报告\n评价等级：☑优 □良 □中 □差\n')).toEqual([]);
  });
});

describe('numbered list items', () => {
  it('reports a gap or a repeat among list items, and lets a list start again at 1', () => {
    const duties =
      '（一）主要职能\n1、负责甲工作；\n2、负责乙工作；\n3、负责丙工作；\n5、负责丁工作。';
    expect(codes(duties)).toEqual([['DOC_LIST_NUMBERING', '5、']]);
    expect(codes(duties.replace('5、', '4、'))).toEqual([]);
    expect(codes('（一）甲\n1、负责甲；\n2、负责乙。\n（二）乙\n1、负责丙；\n2、负责丁。')).toEqual(
      [],
    );
  });

  it('names the expected mark in the style written (⑷ after ⑵ should be ⑶)', () => {
    expect(numberMark('⑷', 3)).toBe('⑶');
    expect(numberMark('④', 3)).toBe('③');
    expect(numberMark('（五）', 4)).toBe('（四）');
    expect(numberMark('5、', 4)).toBe('4、');
  });
});

describe('a grade given to a score in the prose', () => {
  const grade = (sentence: string) =>
    codes(`示范县2023年度项目绩效自评报告\n一、自评结论\n${sentence}\n`).filter(
      ([code]) => code === 'DOC_GRADE_CLAIM',
    );

  it('warns when the grade is not the band of the score, whatever the wording', () => {
    expect(grade('经自评，部门整体支出绩效自评得分为85分，自评等级为“优”。')).toEqual([
      ['DOC_GRADE_CLAIM', '优'],
    ]);
    expect(grade('项目综合评价得分78.5分，评价结果为良好。')).toEqual([
      ['DOC_GRADE_CLAIM', '良好'],
    ]);
    expect(grade('该项目自评得分59分，评价等次：中。')).toEqual([['DOC_GRADE_CLAIM', '中']]);
  });

  it('takes the bands the report states over the usual ones', () => {
    const bands =
      '评价等级划分：85分（含）以上为优，75分（含）至85分为良，60分（含）至75分为中，60分以下为差。';
    expect(grade(`经自评，项目自评得分87分，评价等级为“优”。${bands}`)).toEqual([]);
    expect(grade(`经自评，项目自评得分82分，评价等级为“优”。${bands}`)).toEqual([
      ['DOC_GRADE_CLAIM', '优'],
    ]);
    expect(grade(`经自评，项目自评得分78分，评价等级为“中”。${bands}`)).toEqual([
      ['DOC_GRADE_CLAIM', '中'],
    ]);
    // A range's lower end written without its 分 ("75（含）—85分为良").
    const ranges =
      '评分标准：85分及以上为“优”，75（含）—85分为“良”，60（含）—75分为“中”，60分以下为“差”。';
    expect(grade(`经自评，项目自评得分87分，评价等级为“优”。${ranges}`)).toEqual([]);
    expect(grade(`经自评，项目自评得分82分，评价等级为“良”。${ranges}`)).toEqual([]);
  });

  it('stays silent on a grade that fits, on other scales and on an indicator’s score', () => {
    expect(grade('经自评，项目得分92.5分，评价等次为优。')).toEqual([]);
    expect(grade('自评得分102.8分，评价等级为优秀。')).toEqual([]);
    expect(grade('项目自评得分70分，考核结果为合格。')).toEqual([]);
    expect(grade('满意度指标分值10分，得分8分，评价等级为良。')).toEqual([]);
    expect(grade('群众满意度指标得分8分，评价等级为良。')).toEqual([]);
  });

  it('reads the total after the 一级 scores listed before it, not the last of them', () => {
    const text =
      '本项目预算执行率指标得分10分，产出指标得分43分，效益指标得分26.5分，满意度指标得分8分，自评得分87.5分，评价等级为“优”。';
    expect(grade(text)).toEqual([['DOC_GRADE_CLAIM', '优']]);
    expect(grade(text.replace('“优”', '“良”'))).toEqual([]);
  });

  it('reads a grade written before its score', () => {
    expect(grade('经综合评定，该项目绩效自评结果为“良”，得分79.5分。')).toEqual([
      ['DOC_GRADE_CLAIM', '良'],
    ]);
    expect(grade('经综合评定，该项目绩效自评结果为“良”，得分82.5分。')).toEqual([]);
    expect(grade('项目评价等级为优（93分）。')).toEqual([]);
    expect(grade('项目评价等级为优（83分）。')).toEqual([['DOC_GRADE_CLAIM', '优']]);
    expect(grade('项目评价结果为中等偏上，得分75分。')).toEqual([]);
  });
});

describe('tenth round: prompts in brackets and a grade stated apart from its score', () => {
  it('reports a line that is only an instruction in square brackets', () => {
    expect(
      codes('自评报告\n三、绩效目标完成情况\n【请对照年初设定的绩效目标，逐项说明完成情况】\n'),
    ).toEqual([['DOC_TEMPLATE_LEFT_TEXT', '【请对照年初设定的绩效目标，逐项说明完成情况】']]);
    expect(codes('自评报告\n三、绩效目标完成情况\n【专栏】请各单位对照目标逐项说明。\n')).toEqual(
      [],
    );
  });

  it('takes the total stated a sentence or two before for a grade stated alone', () => {
    const text = (grade: string) =>
      `自评报告\n我局2023年度自评总分92.5分。分项看，预算执行率得9.2分，产出指标得46分，效益指标得28分，满意度指标得9.3分。对照评价等级标准，自评等级为“${grade}”。\n`;
    expect(codes(text('良'))).toEqual([['DOC_GRADE_CLAIM', '良']]);
    expect(codes(text('优'))).toEqual([]);
  });
});

/** The severity and stated value of each finding of `code` in a short report holding `text`. */
const found = (text: string, code: string) =>
  checkDocument(extractEvaluation(parseTextLines(`项目绩效自评报告\n${text}\n`, 'x.txt')))
    .filter((f) => f.code === code)
    .map((f) => [f.severity, f.stated]);

describe('targets and what was done, stated in prose', () => {
  it('reports a figure written in 万 of the target unit when the numbers as written agree', () => {
    expect(
      found('带动增收户数8,650户，年度目标8,000户，完成值8,650万户。', 'DOC_UNIT_NARRATIVE'),
    ).toEqual([['error', '8,650万户']]);
    expect(found('培训农民1.2万人次，年度目标10000人次。', 'DOC_UNIT_NARRATIVE')).toEqual([]);
    expect(found('新建道路126公里，年度目标120公里，完成率105%。', 'DOC_UNIT_NARRATIVE')).toEqual(
      [],
    );
    // Sums of money in 亿元 and 万元 that agree.
    expect(
      found('完成投资，年度指标值：12000万元，实际完成值：1.2亿元。', 'DOC_UNIT_NARRATIVE'),
    ).toEqual([]);
    // The older wording: name, 年度指标值, 实际完成值.
    expect(
      found('办理案件，年度指标值：138件，实际完成值：138万件。', 'DOC_UNIT_NARRATIVE'),
    ).toEqual([['error', '138万件']]);
  });

  it('reports one indicator stated under two headings, and not one stated once', () => {
    const text =
      '（1）社会效益指标：住房安全保障率100%，年度目标100%。\n（2）可持续影响指标：住房安全保障率100%，年度目标100%。';
    expect(found(text, 'DOC_INDICATOR_TWICE')).toEqual([['warning', '住房安全保障率']]);
    expect(found(text.split('\n')[0] ?? '', 'DOC_INDICATOR_TWICE')).toEqual([]);
    // A conclusion that restates it under its 一级 group is no second listing.
    expect(
      found(
        '1.数量指标：培训农民2160人次，年度目标2000人次。\n产出指标：培训农民2160人次，年度目标2000人次。',
        'DOC_INDICATOR_TWICE',
      ),
    ).toEqual([]);
  });

  it('reports a satisfaction above 100%, not a rise of more than 100%', () => {
    expect(found('农牧民满意度达到102%。', 'DOC_RATE_OVER_FULL')).toEqual([['warning', '102%']]);
    expect(found('农牧民满意度100%。', 'DOC_RATE_OVER_FULL')).toEqual([]);
    expect(found('参保人数较上年提高120%。', 'DOC_RATE_OVER_FULL')).toEqual([]);
  });

  it('reports an attachment that names the project otherwise than the text', () => {
    const body = '“示范市中小学校智慧校园建设项目”年初预算2380万元。';
    expect(
      found(`${body}\n附件：示范市中小学智慧教室建设项目绩效自评表`, 'DOC_ATTACHMENT_NAME'),
    ).toEqual([['warning', '示范市中小学智慧教室建设项目']]);
    expect(
      found(`${body}\n附件：示范市中小学校智慧校园建设项目绩效自评表`, 'DOC_ATTACHMENT_NAME'),
    ).toEqual([]);
    // Two attachments of names alike are two projects: which one is misnamed cannot be told.
    expect(
      found(
        `${body}\n附件1：示范市中小学智慧教室建设项目绩效自评表\n附件2：示范市中小学智慧食堂建设项目绩效自评表`,
        'DOC_ATTACHMENT_NAME',
      ),
    ).toEqual([]);
    // A project of another name altogether is another project.
    expect(found(`${body}\n附件：示范市学生资助项目绩效自评表`, 'DOC_ATTACHMENT_NAME')).toEqual([]);
  });
});

describe('results left blank and lists that name an item twice', () => {
  it('reports a conclusion whose score or grade is left blank', () => {
    expect(
      found('经综合评价，该项目自评得分为  分，评价等级为    。', 'DOC_TEMPLATE_BLANK'),
    ).toEqual([['warning', '得分为  分']]);
    expect(found('经综合评价，评价等级为 。', 'DOC_TEMPLATE_BLANK')).toEqual([
      ['warning', '等级为 。'],
    ]);
    expect(
      found('经综合评价，该项目自评得分为96分，评价等级为“优”。', 'DOC_TEMPLATE_BLANK'),
    ).toEqual([]);
    expect(found('各项指标得分分值详见附表。', 'DOC_TEMPLATE_BLANK')).toEqual([]);
  });

  it('reports an item listed twice after its count, and not a list of distinct items', () => {
    const list = (fourth: string) =>
      `纳入自评的项目共4个，分别是：\n1.城区道路养护项目，资金420万元；\n2.路灯维护项目，资金186.5万元；\n3.排水管网清淤项目，资金310万元；\n4.${fourth}，资金186.5万元。\n三、存在的问题`;
    expect(found(list('路灯维护项目'), 'DOC_LIST_ITEM_TWICE')).toEqual([
      ['warning', '路灯维护项目'],
    ]);
    expect(found(list('园林绿化管护项目'), 'DOC_LIST_ITEM_TWICE')).toEqual([]);
  });
});

describe('round uq: a grade stated alone after the 合计 of the scores listed', () => {
  it('takes "以上四项合计得分94分" for the total the grade is given for', () => {
    const grade = (label: string) =>
      codes(
        `示范县2023年度项目绩效自评报告\n二、绩效自评得分情况\n决策指标满分20分，实得19分；过程指标满分20分，实得19分；产出指标满分40分，实得38分；效益指标满分20分，实得18分。以上四项合计得分94分。\n三、评价结论\n综合来看，本项目自评等级为“${label}”。\n`,
      ).filter(([code]) => code === 'DOC_GRADE_CLAIM');
    expect(grade('良')).toEqual([['DOC_GRADE_CLAIM', '良']]);
    expect(grade('优')).toEqual([]);
  });
});
