/**
 * Chinese numerals as reps type them: 五, 两, 十二, 一百二十, 三万五千, and the spoken
 * shortcut 三万五 (= 35,000: a bare digit after a unit counts one unit lower).
 *
 * Hand-written because the registry's parser (nzh 1.0) reads 两万 as 0, 三万五 as 30,005 and
 * 一周 as 1 without complaint — the silent misreadings this product must never make.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = /[零〇一二两三四五六七八九十百千万亿]/;

/** The value of a whole Chinese numeral, or null unless every character is read. */
export function parseChineseNumeral(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  // The unit of the last multiplier seen, for the spoken shortcut (三万五, 一百五).
  let lastUnit = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null; // 三五 is not a number
      digit = DIGITS[ch]!;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (digit === 0) return null;
      // 十二 starts with its unit: one ten.
      section += (digit ?? (section === 0 && total === 0 && small === 10 ? 1 : NaN)) * small;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastUnit = small;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big === undefined) return null;
    section += digit ?? 0;
    if (section === 0) return null;
    total += section * big;
    section = 0;
    digit = null;
    lastUnit = big;
  }
  if (digit !== null) {
    // A trailing digit right after a unit is the next unit down: 三万五 = 35,000, 一百五 = 150.
    const previous = [...text].at(-2);
    const afterUnit = previous !== undefined && !(previous in DIGITS) && lastUnit >= 100;
    section += afterUnit ? digit * (lastUnit / 10) : digit;
  }
  return total + section;
}
