import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./chinese-numerals.ts";
import { type Parsed, unread } from "./parsed.ts";

export type SpanUnit = "hour" | "day" | "week" | "month";
export interface Span {
  count: number;
  unit: SpanUnit;
}

// Longest first, so "days" is not read as "d" + "ays". "m" alone is refused: minutes or months?
const UNIT_WORDS: [string, SpanUnit][] = [
  ["个小时", "hour"], ["小时", "hour"], ["钟头", "hour"], ["hours", "hour"], ["hour", "hour"], ["hrs", "hour"], ["hr", "hour"], ["h", "hour"],
  ["days", "day"], ["day", "day"], ["天", "day"], ["日", "day"], ["d", "day"],
  ["个星期", "week"], ["个礼拜", "week"], ["星期", "week"], ["礼拜", "week"], ["weeks", "week"], ["week", "week"], ["wks", "week"], ["wk", "week"], ["周", "week"], ["w", "week"],
  ["months", "month"], ["month", "month"], ["个月", "month"], ["mo", "month"],
];

/**
 * Reads a span of time as reps write it: 2d, 2 days, 2天, 两天, 12h, 12小时, 1w, 2 weeks, 2周,
 * 两周, 一周, 1个月. A number needs its unit: "2" alone could be hours, days or weeks.
 */
export function parseSpan(text: string): Parsed<Span> {
  const source = text.normalize("NFKC").trim();
  let s = source;
  let count: number | null;
  const arabic = /^\d+/.exec(s);
  if (arabic) {
    count = Number(arabic[0]);
    s = s.slice(arabic[0].length);
  } else {
    let end = 0;
    while (end < s.length && CHINESE_NUMERAL_CHARS.test(s[end]!)) end++;
    count = end > 0 ? parseChineseNumeral(s.slice(0, end)) : null;
    if (count === null) return unread(source.split(/\s+/)[0] || source);
    s = s.slice(end);
  }
  s = s.replace(/^\s+/, "");
  const lower = s.toLowerCase();
  const unit = UNIT_WORDS.find(([word]) => lower === word);
  if (!unit) return unread(s === "" ? source : s);
  if (!Number.isSafeInteger(count) || count <= 0) return unread(source);
  return { ok: true, value: { count, unit: unit[1] } };
}
