import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSpan } from "../../src/parsing/span.ts";

describe("spans of time as reps write them", () => {
  it.each([
    ["2d", 2, "day"], ["2 days", 2, "day"], ["2天", 2, "day"], ["两天", 2, "day"], ["三天", 3, "day"], ["1 day", 1, "day"],
    ["12h", 12, "hour"], ["12小时", 12, "hour"], ["12 hours", 12, "hour"], ["两个小时", 2, "hour"],
    ["1w", 1, "week"], ["2 weeks", 2, "week"], ["2周", 2, "week"], ["两周", 2, "week"], ["一周", 1, "week"], ["两个星期", 2, "week"],
    ["1个月", 1, "month"], ["1 month", 1, "month"], ["三个月", 3, "month"], ["十天", 10, "day"], ["２周", 2, "week"],
  ])("%s is %d %s", (text, count, unit) => expect(parseSpan(text)).toEqual({ ok: true, value: { count, unit } }));

  it.each([
    ["2", "2"], ["soon", "soon"], ["2x", "x"], ["0d", "0d"], ["2 fortnights", "fortnights"], ["2m", "m"], ["半天", "半天"], ["天", "天"], ["99999999999999999999d", "99999999999999999999d"],
  ])("refuses %s, naming %s", (text, part) => expect(parseSpan(text)).toEqual({ ok: false, unread: part }));

  it("reads any positive count with any unit word, in either script", () => {
    const units = fc.constantFrom(["d", "day"], ["days", "day"], ["天", "day"], ["h", "hour"], ["小时", "hour"], ["w", "week"], ["weeks", "week"], ["周", "week"], ["个月", "month"]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), units, fc.constantFrom("", " "), (n, [word, unit], space) => {
        expect(parseSpan(`${n}${space}${word}`)).toEqual({ ok: true, value: { count: n, unit } });
      }),
    );
  });
});

describe("every unit word", () => {
  // Each word a rep may type, written out, so none can silently drop out of the table.
  it.each([
    ["个小时", "hour"], ["小时", "hour"], ["钟头", "hour"], ["hours", "hour"], ["hour", "hour"], ["hrs", "hour"], ["hr", "hour"], ["h", "hour"],
    ["days", "day"], ["day", "day"], ["天", "day"], ["日", "day"], ["d", "day"],
    ["个星期", "week"], ["个礼拜", "week"], ["星期", "week"], ["礼拜", "week"], ["weeks", "week"], ["week", "week"], ["wks", "week"], ["wk", "week"], ["周", "week"], ["w", "week"],
    ["months", "month"], ["month", "month"], ["个月", "month"], ["mo", "month"],
  ])("3 %s is 3 %s, with or without a space, in any case", (word, unit) => {
    expect(parseSpan(`3${word}`)).toEqual({ ok: true, value: { count: 3, unit } });
    expect(parseSpan(` 3  ${word.toUpperCase()} `)).toEqual({ ok: true, value: { count: 3, unit } });
    expect(parseSpan(`三${word}`)).toEqual({ ok: true, value: { count: 3, unit } });
  });

  it("names the word it could not read, and only that word", () => {
    expect(parseSpan("soon please")).toEqual({ ok: false, unread: "soon" });
    expect(parseSpan(" x2d")).toEqual({ ok: false, unread: "x2d" });
    expect(parseSpan("3 days later")).toEqual({ ok: false, unread: "days later" });
    expect(parseSpan("3days later")).toEqual({ ok: false, unread: "days later" });
    expect(parseSpan("3")).toEqual({ ok: false, unread: "3" });
  });
});
