/**
 * Layout constants of GB/T 9704-2012 (党政机关公文格式), in the units WordprocessingML uses:
 * twips (1/20 pt, 1440 per inch) for lengths and half-points for font sizes.
 */

const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded: 37 mm → 2098. */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

export const A4 = { width: mm(210), height: mm(297) };

/** Top 37 mm, left (binding side) 28 mm; the 156 × 225 mm text block leaves right 26, bottom 35. */
export const MARGINS = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };

/** Distance of the page-number line from the page bottom: 7 mm below the text block. */
export const FOOTER_DISTANCE = mm(35 - 7 - 5);

/** 225 mm / 22 lines ≈ 28.95 pt per line, exact, so every page holds 22 lines. */
export const LINE_PITCH = 579;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;

/** Chinese font sizes in half-points: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = {
  erhao: 44,
  xiaoer: 36,
  sanhao: 32,
  sihao: 28,
  xiaosi: 24,
  wuhao: 21,
} as const;

/** Two characters of 三号 (16 pt each) as a first-line indent. */
export const INDENT_TWO_CHARS = 2 * 16 * 20;

/** One character of 四号, the page number's distance from the edge of the text block. */
export const ONE_CHAR_SIHAO = 14 * 20;
