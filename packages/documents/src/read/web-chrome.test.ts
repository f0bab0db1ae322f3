import { describe, expect, it } from 'vitest';
import { readText } from './read-text.ts';

const read = (text: string): string[] => {
  const r = readText(new TextEncoder().encode(text), 'page.txt');
  if (!r.ok) throw new Error('unread');
  return r.document.blocks.map((b) => b.text);
};

describe('web-page furniture around a report', () => {
  it('drops the navigation, publication line and footer, keeps the article', () => {
    const blocks = read(
      [
        '首页 | 机构概况 | 政务公开 | 互动交流',
        '当前位置：首页 > 政务公开 > 财政预决算',
        '某县林业局2023年度部门整体支出绩效自评报告',
        '发布时间：2024-06-28 来源：县林业局 浏览次数：1386',
        '字号：大 中 小 打印本页 关闭窗口',
        '',
        '一、部门基本情况',
        '本部门编制12人，实有在职人员11人。',
        '',
        '附件：',
        '1.部门整体支出绩效自评表.xls',
        '上一篇：关于2024年第一季度政府采购意向公开的公告 2024-03-29',
        '主办单位：某县人民政府办公室',
        '地址：某县人民路88号 邮编：414000 传真：0730-8812346',
        '网站标识码：4306230012 湘ICP备05012345号',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      '某县林业局2023年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '本部门编制12人，实有在职人员11人。',
    ]);
  });

  it('drops a search box with its suggested words and a menu written on one line', () => {
    const blocks = read(
      [
        '首页 政务公开 政务服务 互动交流 走进某市',
        '请输入关键字 搜索 热词：社保 公积金 2025年预算',
        '某市农业农村局2023年度项目支出绩效自评报告',
        '一、项目概况',
        '本项目2023年预算安排资金120.00万元。',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      '某市农业农村局2023年度项目支出绩效自评报告',
      '一、项目概况',
      '本项目2023年预算安排资金120.00万元。',
    ]);
  });

  it('keeps a report line that starts with 首页 or speaks of a search', () => {
    const text = ['首页完成率100%，得5分。', '热词搜索量同比增长12%。'].join('\n');
    expect(read(text)).toEqual(['首页完成率100%，得5分。', '热词搜索量同比增长12%。']);
  });

  it('keeps an attachment list and a phone line that no page furniture stands next to', () => {
    const text = ['一、基本情况', '联系电话：0730-8812345', '附件：', '1.自评表.xls'].join('\n');
    expect(read(text)).toEqual([
      '一、基本情况',
      '联系电话：0730-8812345',
      '附件：',
      '1.自评表.xls',
    ]);
  });

  it('keeps a report sentence that names a source of funds or a date', () => {
    const text = ['资金来源：县级财政拨款120.00万元。', '发布时间为2024年6月28日。'].join('\n');
    expect(read(text)).toEqual(['资金来源：县级财政拨款120.00万元。', '发布时间为2024年6月28日。']);
  });
});
