import { z } from 'zod';

/**
 * Money is an integer number of 分 (0.01 元), branded so that a bare number cannot pass for it.
 * All conversions between 分, 元, 万元 and 亿元 live in this module.
 */
/**
 * The largest amount, in 分, a body may state: 10 万亿元 (10^15 分), beyond any budget unit's
 * whole budget. Nine such amounts still add up exactly in a double (2^53 ≈ 9.007 × 10^15);
 * longer sums (`sumFen`) are done in BigInt.
 */
export const MAX_FEN = 1_000_000_000_000_000;

export const Fen = z
  .number()
  .int()
  .min(-MAX_FEN, '金额超出范围：绝对值不能超过 10 万亿元')
  .max(MAX_FEN, '金额超出范围：绝对值不能超过 10 万亿元')
  .brand<'Fen'>();
export type Fen = z.infer<typeof Fen>;

/** The units that reports write amounts in. */
export const MoneyUnit = z.enum(['元', '万元', '亿元']);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

/** 分 per unit. 1 万元 = 1,000,000 分; 1 亿元 = 10,000,000,000 分 (still exact in a double). */
export const FEN_PER_UNIT: Record<MoneyUnit, number> = {
  元: 100,
  万元: 1_000_000,
  亿元: 10_000_000_000,
};

/** Wraps an integer as 分; throws on a fraction, which is a bug in the caller. */
export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer number of 分: ${value}`);
  return value as Fen;
}

export const ZERO = fen(0);

export function addFen(...values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += v;
  return fen(total);
}

export function subFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

/** The exact sum of any number of amounts, in BigInt (it may pass 2^53 分). */
export function sumFen(values: Iterable<number>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

/** ASCII digits with an optional point, no sign (group 1, empty) and no separators. */
const PLAIN_DECIMAL = /^()(\d+)(?:\.(\d+))?$/;

/** A decimal written with separators, spaces, a sign or full-width digits: sign, whole, fraction. */
function cleanDecimal(text: string): RegExpExecArray | null {
  const cleaned = normalizeDigits(text)
    .replace(/[,，\s\u2009\u202f]/g, '')
    .trim();
  return /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(cleaned) ?? /^([+-]?)()\.(\d+)$/.exec(cleaned);
}

/**
 * Parses a decimal string in a unit into 分, exactly (string arithmetic, no float rounding).
 * Accepts thousands separators (, ， and thin spaces), a leading sign and full-width digits.
 * More decimals than 分 can hold are rounded half-up at the 分 (e.g. 0.123 元 → 12 分).
 * Returns undefined when the text is not a number.
 */
export function parseDecimalToFen(text: string, unit: MoneyUnit): Fen | undefined {
  // Most amounts are written plainly ("3267.28"): nothing to clean before reading them.
  const m = PLAIN_DECIMAL.exec(text) ?? cleanDecimal(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = m[2] === '' || m[2] === undefined ? '0' : m[2];
  const frac = m[3] ?? '';
  const scale = Math.round(Math.log10(FEN_PER_UNIT[unit])); // 2, 6 or 10 decimals of the unit
  const kept = (frac + '0'.repeat(scale)).slice(0, scale);
  const next = frac.length > scale ? Number(frac[scale]) : 0;
  let value = Number(intPart) * FEN_PER_UNIT[unit] + (kept === '' ? 0 : Number(kept));
  if (next >= 5) value += 1; // half-up at the 分
  if (!Number.isSafeInteger(value) || value > MAX_FEN) return undefined;
  return fen(sign * value);
}

const FULL_WIDTH = /[０-９．－]/;

/**
 * Converts full-width digits and points (０-９, ．) to ASCII, and the full-width comma that
 * separates their thousands: text typed in full-width digits writes its separator as the
 * full-width comma, which is also the Chinese comma; between full-width digits and before exactly
 * three of them it is the separator ("３，２５１．０９"). Every position is kept.
 */
export function normalizeDigits(text: string): string {
  if (!FULL_WIDTH.test(text)) return text; // the common case: nothing to convert
  return text
    .replace(/([０-９])，(?=[０-９]{3}(?![０-９]))/g, '$1,')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/－/g, '-');
}

const UNIT_PATTERN = /(亿元|万元|元)$/;

/**
 * Parses an amount as reports write it: "3,385.52万元", "2477.1 万元", "212171.9元", "1.5亿元".
 * `defaultUnit` applies when the text names none (a table whose header says 万元).
 */
export function parseAmount(
  text: string,
  defaultUnit?: MoneyUnit,
): { fen: Fen; unit: MoneyUnit } | undefined {
  const trimmed = normalizeDigits(text)
    .replace(/\s+/g, '')
    .replace(/[。；;，,]$/, '');
  const m = UNIT_PATTERN.exec(trimmed);
  const unit = (m?.[1] as MoneyUnit | undefined) ?? defaultUnit;
  if (!unit) return undefined;
  const numberText = m ? trimmed.slice(0, -m[0].length) : trimmed;
  const value = parseDecimalToFen(numberText, unit);
  return value === undefined ? undefined : { fen: value, unit };
}

/**
 * Formats 分 in a unit with a fixed number of decimals, rounding half away from zero at that
 * precision (the convention of published tables: 0.005 万元 shows as 0.01).
 */
export function formatFen(value: Fen | bigint, unit: MoneyUnit, decimals = 2): string {
  if (typeof value === 'bigint') return formatBigFen(value, unit, decimals);
  const per = FEN_PER_UNIT[unit];
  const negative = value < 0;
  const abs = Math.abs(value);
  const unitDigits = Math.round(Math.log10(per));
  const shown = Math.min(decimals, unitDigits);
  const step = 10 ** (unitDigits - shown);
  const rounded = Math.floor(abs / step) + (abs % step >= step / 2 ? 1 : 0);
  const intPart = Math.floor(rounded / 10 ** shown);
  const fracPart = rounded % 10 ** shown;
  const fracText = shown > 0 ? '.' + String(fracPart).padStart(shown, '0') : '';
  const padded = decimals > shown ? fracText + '0'.repeat(decimals - shown) : fracText;
  return `${negative && rounded !== 0 ? '-' : ''}${intPart}${padded}`;
}

/** formatFen for a sum that may pass 2^53 分: the same rounding, in BigInt. */
function formatBigFen(value: bigint, unit: MoneyUnit, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unitDigits = Math.round(Math.log10(FEN_PER_UNIT[unit]));
  const shown = Math.min(decimals, unitDigits);
  const step = 10n ** BigInt(unitDigits - shown);
  const rounded = abs / step + ((abs % step) * 2n >= step ? 1n : 0n);
  const scale = 10n ** BigInt(shown);
  const fracText = shown > 0 ? '.' + String(rounded % scale).padStart(shown, '0') : '';
  const padded = decimals > shown ? fracText + '0'.repeat(decimals - shown) : fracText;
  return `${negative && rounded !== 0n ? '-' : ''}${rounded / scale}${padded}`;
}

/** The amount in a unit as a float, for charts and display only: never for arithmetic. */
export function fenToNumber(value: Fen, unit: MoneyUnit): number {
  return value / FEN_PER_UNIT[unit];
}

/** An amount as a document states it: the exact value, the unit it was written in, the text. */
export const Amount = z.object({
  fen: Fen,
  unit: MoneyUnit,
  /** The figure exactly as written ("2477.1", "3,385.52万元"), when it came from a document. */
  text: z.string().optional(),
});
export type Amount = z.infer<typeof Amount>;

/** Builds an Amount from a decimal string in a unit ("2477.1", 万元). Throws on a non-number. */
export function amount(text: string, unit: MoneyUnit = '万元'): Amount {
  const value = parseDecimalToFen(text, unit);
  if (value === undefined) throw new RangeError(`not an amount: ${text}`);
  return { fen: value, unit, text };
}

/** How many 分 a figure written with `decimals` decimals in `unit` may be off by from rounding. */
export function roundingStepFen(unit: MoneyUnit, decimals: number): number {
  return FEN_PER_UNIT[unit] / 10 ** decimals;
}

/** Decimals a written figure carries ("2477.1" → 1, "3385.52万元" → 2, "209" → 0). */
export function decimalsOf(text: string | undefined): number {
  if (!text) return 2;
  const m = /\.(\d+)/.exec(normalizeDigits(text));
  return m?.[1]?.length ?? 0;
}
