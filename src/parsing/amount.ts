import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./chinese-numerals.ts";
import { type Parsed, unread } from "./parsed.ts";

/** The largest amount a Decimal(14, 2) column holds, rounded down to something a person types. */
export const MAX_AMOUNT = 999_999_999_999;

const UNITS: [RegExp, number][] = [
  [/^(万元|万块|万)/, 10_000],
  [/^(千元|千块|千)/, 1_000],
  [/^亿/, 100_000_000],
  [/^[wW](?![A-Za-z])/, 10_000],
  [/^[kK](?![A-Za-z])/, 1_000],
];
const CURRENCY = /^(¥|￥|rmb|cny)\s*/i;
const YUAN = /^(元|块钱|块|rmb|cny)/i;
// Thousands separators must group by three; "5,0000" is refused rather than guessed.
const ARABIC = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;

/**
 * Reads an amount of money at the start of `text` as reps write it: 50000, 50,000, 5万, 5 万,
 * 5万元, 5.5万, 1.2w, 12k, ¥50,000, ￥5万, 五万, 三万五, 十二万. Returns the amount and what
 * follows it (after a space), or the part it could not read.
 */
export function readAmount(text: string): Parsed<{ amount: number; rest: string }> {
  const source = text.normalize("NFKC").trim();
  let s = source.replace(CURRENCY, "");
  const failAt = () => unread(wordAt(source, source.length - s.length));
  let value: number;
  let whole: boolean;
  const arabic = ARABIC.exec(s);
  if (arabic) {
    value = Number(arabic[0].replace(/,/g, ""));
    whole = arabic[2] === undefined;
    s = s.slice(arabic[0].length);
  } else {
    const numeral = leadingNumeral(s);
    const parsed = numeral ? parseChineseNumeral(numeral) : null;
    if (parsed === null) return unread(wordAt(source, source.length - s.length));
    value = parsed;
    whole = true;
    s = s.slice(numeral.length);
  }
  s = s.replace(/^\s+(?=[万千亿wWkK元块])/, "");
  for (const [unit, factor] of UNITS) {
    const match = unit.exec(s);
    if (!match) continue;
    value *= factor;
    s = s.slice(match[0].length);
    // The spoken shortcut with digits: 5万5 = 55,000, 2千5 = 2,500 (one digit, one unit down).
    const tail = /^([1-9一二两三四五六七八九])(?![\d零〇一二两三四五六七八九十百千万亿.,])/.exec(s);
    if (tail && factor >= 1_000 && !/^(万元|千元|万块|千块)$/.test(match[0]) && whole) {
      const digit = /\d/.test(tail[1]!) ? Number(tail[1]) : parseChineseNumeral(tail[1]!)!;
      value += (digit * factor) / 10;
      s = s.slice(1);
    }
    break;
  }
  s = s.replace(/^\s*/, (space) => (YUAN.test(s.slice(space.length)) ? "" : space)).replace(YUAN, "");
  if (s !== "" && !/^\s/.test(s)) return failAt();
  const amount = Math.round(value * 100) / 100;
  if (!(amount > 0) || amount > MAX_AMOUNT) return unread(wordAt(source, 0));
  return { ok: true, value: { amount, rest: s.trim() } };
}

/** An amount and nothing else. */
export function parseAmount(text: string): Parsed<number> {
  const read = readAmount(text);
  if (!read.ok) return read;
  return read.value.rest === "" ? { ok: true, value: read.value.amount } : unread(wordAt(read.value.rest, 0));
}

function leadingNumeral(s: string): string {
  let end = 0;
  while (end < s.length && CHINESE_NUMERAL_CHARS.test(s[end]!)) end++;
  return s.slice(0, end);
}

/** The whitespace-separated word of `text` that contains `offset`: what the person typed as one piece. */
function wordAt(text: string, offset: number): string {
  const start = text.lastIndexOf(" ", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf(" ", offset);
  const word = text.slice(start, end < 0 ? undefined : end).trim();
  return word || text;
}
