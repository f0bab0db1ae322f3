import { describe, expect, it } from 'vitest';
import { layoutPages } from './pdf-layout.ts';
import type { PageContent, Segment, TextRun } from './pdf-page.ts';

const SIZE = 10;
const LEFT = 56.8;

/** A run as LibreOffice sets it: Chinese characters a size wide, digits and Latin 0.6 of it. */
function run(text: string, x: number, y: number): TextRun {
  let width = 0;
  for (const ch of text) width += /[\x20-\x7e]/.test(ch) ? SIZE * 0.6 : SIZE;
  return { text, x, y, width, size: SIZE };
}

function page(number: number, runs: TextRun[], segments: Segment[] = []): PageContent {
  return { number, width: 595.3, height: 841.9, runs, segments };
}

const FILLER = '资金使用规范支出合理有力地保障单位各项工作的开展较好地完成了全年的各项工作任务';

/** `n` Chinese characters of filler text (n × 10 pt). */
const words = (n: number): string => FILLER.repeat(2).slice(0, n);

/** Ragged-right text: the right edge is where two wrapped lines end, 48 characters in (536.8). */
const RAGGED = [
  run(words(48), LEFT, 780),
  run(words(48), LEFT, 765.4),
  run(`${words(10)}。`, LEFT, 750.8),
];

describe('paragraphs of a PDF set ragged on the right', () => {
  it('joins a line that ended early because the next line’s number would not fit', () => {
    // 44 characters end 40 pt short of the edge: "1088.47" (42 pt, and the space set between
    // the scripts) would not have fitted.
    const line = `${words(39)}年初预算数`;
    const blocks = layoutPages([
      page(1, [...RAGGED, run(line, LEFT, 736.2), run('1088.47万元。', LEFT, 721.6)]),
    ]);
    expect(blocks.map((b) => b.text)).toContain(`${line}1088.47万元。`);
  });

  it('keeps a line that ended where the next line’s first character would still fit', () => {
    // 46 characters end 20 pt short of the edge: "集" (10 pt) would have fitted.
    const blocks = layoutPages([
      page(1, [
        ...RAGGED,
        run(`${words(45)}。`, LEFT, 736.2),
        run('集中力量推动人大代表建议、政协委员提案办理工作。', LEFT, 721.6),
      ]),
    ]);
    const texts = blocks.map((b) => b.text);
    expect(texts).toContain(`${words(45)}。`);
    expect(texts).toContain('集中力量推动人大代表建议、政协委员提案办理工作。');
  });

  it('starts a heading after a finished sentence even when the sentence filled its line', () => {
    const blocks = layoutPages([
      page(1, [
        ...RAGGED,
        run(`${words(47)}。`, LEFT, 736.2),
        run('六、存在的问题及原因分析', LEFT, 721.6),
      ]),
    ]);
    const heading = blocks.find((b) => b.text === '六、存在的问题及原因分析');
    expect(heading?.kind).toBe('heading');
  });
});

/** A ruled table of one column per `xs` gap and one row per `ys` gap. */
function grid(xs: number[], ys: number[]): Segment[] {
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  return [
    ...xs.map((x) => ({ x0: x, x1: x, y0: bottom, y1: top })),
    ...ys.map((y) => ({ x0: left, x1: right, y0: y, y1: y })),
  ];
}

describe('tables of a PDF', () => {
  const XS = [72, 172, 222, 272];

  it('joins the rest of a row broken by the page to the cells it continues', () => {
    // The name cell (100 pt, 5.5 pt padding) holds 8 characters a line: its text ran to the
    // border, and its rest opens the next page.
    const first = page(
      1,
      [
        run('三级指标', 77.5, 760),
        run('分值', 177.5, 760),
        run('得分', 227.5, 760),
        run('开展理论学习和业务', 77.5, 740),
        run('培训与交流研讨活', 77.5, 726),
        run('5', 177.5, 740),
        run('5', 227.5, 740),
      ],
      grid(XS, [775, 750, 720]),
    );
    const second = page(
      2,
      [
        run('动', 77.5, 790),
        run('起草文稿', 77.5, 770),
        run('5', 177.5, 770),
        run('4', 227.5, 770),
      ],
      grid(XS, [800, 780, 760]),
    );
    const blocks = layoutPages([first, second]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r.cells)).toEqual([
      ['三级指标', '分值', '得分'],
      ['开展理论学习和业务培训与交流研讨活动', '5', '5'],
      ['起草文稿', '5', '4'],
    ]);
  });

  it('keeps a row of its own at the top of a page when the cells above it were not full', () => {
    const first = page(
      1,
      [
        run('三级指标', 77.5, 760),
        run('分值', 177.5, 760),
        run('得分', 227.5, 760),
        run('督促检查', 77.5, 740),
        run('5', 177.5, 740),
        run('5', 227.5, 740),
      ],
      grid(XS, [775, 750, 730]),
    );
    const second = page(
      2,
      [run('文稿采用率', 77.5, 790), run('5', 177.5, 790), run('5', 227.5, 790)],
      grid(XS, [800, 780]),
    );
    const table = layoutPages([first, second]).find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r.cells[0])).toEqual(['三级指标', '督促检查', '文稿采用率']);
  });

  it('joins a table continued on a page drawn with other columns, as wide as its widest part', () => {
    const first = page(
      1,
      [
        run('经费', 77.5, 760),
        run('预算数', 177.5, 760),
        run('公用经费', 77.5, 740),
        run('317', 177.5, 740),
      ],
      grid([72, 172, 272], [775, 750, 730]),
    );
    const second = page(
      2,
      [
        run('楼堂馆所', 77.5, 790),
        run('规模', 127.5, 790),
        run('投资', 177.5, 790),
        run('控制率', 227.5, 790),
      ],
      grid([72, 122, 172, 222, 272], [800, 780]),
    );
    const table = layoutPages([first, second]).find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r.cells.length)).toEqual([4, 4, 4]);
    expect(table?.rows?.[2]?.cells).toEqual(['楼堂馆所', '规模', '投资', '控制率']);
  });

  it('keeps the right border of a table below another whose border is drawn half a point off', () => {
    const upper = grid([72, 172, 522], [775, 750]);
    const lower = grid([72.3, 172, 422.3, 522.3], [700, 680]);
    const blocks = layoutPages([
      page(
        1,
        [
          run('甲', 77.5, 760),
          run('乙', 177.5, 760),
          run('丙', 77.5, 688),
          run('丁', 177.5, 688),
          run('戊', 427.5, 688),
        ],
        [...upper, ...lower],
      ),
    ]);
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows?.[0]?.cells)).toEqual([
      ['甲', '乙'],
      ['丙', '丁', '戊'],
    ]);
  });
});

describe('a page of short lines (a table printed one cell per line)', () => {
  /** Lines `pitch` apart from the top of the page down, each at the left margin. */
  const column = (texts: string[], from = 780, pitch = 22.7): TextRun[] =>
    texts.map((t, i) => run(t, LEFT, from - i * pitch));

  it('keeps each cell its own paragraph, though two of them end alike', () => {
    const blocks = layoutPages([
      page(1, column(['效益指标', '经济效益', '指标', '指标1安全率', '100', '100', '10', '10'])),
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      '效益指标',
      '经济效益',
      '指标',
      '指标1安全率',
      '100',
      '100',
      '10',
      '10',
    ]);
  });

  it('keeps a figure that happens to end a page, and drops the page numbers that count pages', () => {
    // Page 1 ends on the 得分 cell "9" (not a page number: the other pages number themselves).
    const cells = ['年度资金总额', '43.2', '43.2', '37.24', '10', '86%'];
    const pages = [
      page(1, [...column(cells), run('9', LEFT, 80)]),
      page(2, [...column(['其中:当年财政拨款', '43.2']), run('2', 290, 40)]),
      page(3, [...column(['上年结转资金', '其他资金']), run('3', 290, 40)]),
      page(4, [...column(['年度总体目标', '预期目标']), run('4', 290, 40)]),
    ];
    const texts = layoutPages(pages).map((b) => b.text);
    expect(texts).toContain('9');
    expect(texts).not.toContain('2');
    expect(texts).not.toContain('3');
    expect(texts).not.toContain('4');
  });
});

describe('a lone number at the top of one page of several', () => {
  it('is a figure, not a page number, when no other page is numbered', () => {
    const at = (texts: string[]): TextRun[] => texts.map((t, i) => run(t, LEFT, 780 - i * 22.7));
    const texts = layoutPages([
      page(1, at(['产出（30分）', '职责履行', '完成及时率'])),
      page(2, [run('5', LEFT, 780), ...at(['', '按时得5分', '5']).slice(1)]),
      page(3, at(['质量达标率', '10', '≥95%得10分', '10'])),
    ]).map((b) => b.text);
    expect(texts.slice(2, 5)).toEqual(['完成及时率', '5', '按时得5分']);
  });
});

describe('lists in a PDF', () => {
  it('starts a short numbered heading on its own after a title that filled its line', () => {
    const title = `${words(44)}自评报告`;
    const blocks = layoutPages([
      page(1, [...RAGGED, run(title, LEFT, 736.2), run('一、项目资金情况', LEFT, 721.6)]),
    ]);
    expect(blocks.map((b) => b.text)).toContain(title);
    expect(blocks.find((b) => b.text === '一、项目资金情况')?.kind).toBe('heading');
  });

  it('starts the next numbered item on its own, though the item before filled its line', () => {
    const blocks = layoutPages([
      page(1, [...RAGGED, run(`1.${words(47)}`, LEFT, 736.2), run(`2.${words(20)}`, LEFT, 721.6)]),
    ]);
    expect(blocks.map((b) => b.text)).toContain(`2.${words(20)}`);
  });
});
