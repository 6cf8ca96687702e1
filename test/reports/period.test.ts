import { describe, expect, it } from "vitest";
import { currentPeriod, lastWeeks, monthPeriod, readMonth, readPeriodWord, threeMonthsBefore } from "../../src/reports/period.ts";

// Instants are written in UTC; the local times they stand for are in the comments.
// Shanghai is UTC+8 all year; New York is UTC−4 until 1 Nov 2026 02:00, UTC−5 after.
const SH = "Asia/Shanghai";
const NY = "America/New_York";
const utc = (iso: string) => new Date(iso);

describe("the word that names a report's period", () => {
  it("is a week, a month or a quarter in either language, whatever its case and spacing", () => {
    for (const w of ["week", "周", "本周", "w", " Week ", "W"]) expect(readPeriodWord(w), w).toEqual({ kind: "week" });
    for (const w of ["month", "月", "本月", "m", "MONTH"]) expect(readPeriodWord(w), w).toEqual({ kind: "month" });
    for (const w of ["quarter", "季", "季度", "本季", "本季度", "q", "Quarter"]) expect(readPeriodWord(w), w).toEqual({ kind: "quarter" });
  });

  it("or a calendar month, written the usual ways", () => {
    expect(readPeriodWord("2026-11")).toEqual({ month: "2026-11" });
    expect(readPeriodWord("2026年3月")).toEqual({ month: "2026-03" });
  });

  it("is nothing else", () => {
    for (const w of ["weekly", "weeks", "this week", "本周报", "", "2026", "11"]) expect(readPeriodWord(w), w).toBeUndefined();
  });
});

describe("a calendar month typed by a person", () => {
  it("accepts - / . or 年 between year and month, an optional 月, spaces, one or two digits", () => {
    expect(readMonth("2026-11")).toBe("2026-11");
    expect(readMonth("2026/11")).toBe("2026-11");
    expect(readMonth("2026.11")).toBe("2026-11");
    expect(readMonth("2026年11月")).toBe("2026-11");
    expect(readMonth("2026年11")).toBe("2026-11");
    expect(readMonth(" 2026 年 1 月 ")).toBe("2026-01");
    expect(readMonth("2026-1")).toBe("2026-01");
    expect(readMonth("2026 - 12")).toBe("2026-12");
  });

  it("refuses a month that does not exist", () => {
    expect(readMonth("2026-13")).toBeUndefined();
    expect(readMonth("2026-0")).toBeUndefined();
    expect(readMonth("2026-00")).toBeUndefined();
  });

  it("refuses anything around or instead of the date", () => {
    for (const w of ["202611", "26-11", "2026-011", "x2026-11", "2026-11x", "2026-11月月", "2026_11", "2026--11", "2026-", "-11", "2026年11日"]) {
      expect(readMonth(w), w).toBeUndefined();
    }
  });
});

describe("the period under way", () => {
  // Wednesday 2 Dec 2026, 01:43 in Shanghai; Tuesday 1 Dec, 12:43 in New York.
  const now = utc("2026-12-01T17:43:00Z");

  it("a week starts on Monday, local time, and is labelled with its ISO week", () => {
    expect(currentPeriod("week", now, SH)).toEqual({ kind: "week", start: utc("2026-11-29T16:00:00Z"), end: now, label: "2026-W49", toDate: true });
    expect(currentPeriod("week", now, NY)).toEqual({ kind: "week", start: utc("2026-11-30T05:00:00Z"), end: now, label: "2026-W49", toDate: true });
  });

  it("a month starts on its first day, local time", () => {
    expect(currentPeriod("month", now, SH)).toEqual({ kind: "month", start: utc("2026-11-30T16:00:00Z"), end: now, label: "2026-12", toDate: true });
    // 30 Nov, 22:00 in New York: still November there (which began under summer time).
    const lateNov = utc("2026-12-01T03:00:00Z");
    expect(currentPeriod("month", lateNov, NY)).toEqual({ kind: "month", start: utc("2026-11-01T04:00:00Z"), end: lateNov, label: "2026-11", toDate: true });
  });

  it("a quarter starts in January, April, July or October", () => {
    expect(currentPeriod("quarter", now, SH)).toEqual({ kind: "quarter", start: utc("2026-09-30T16:00:00Z"), end: now, label: "2026-Q4", toDate: true });
    const feb = utc("2026-02-15T00:00:00Z");
    expect(currentPeriod("quarter", feb, SH)).toEqual({ kind: "quarter", start: utc("2025-12-31T16:00:00Z"), end: feb, label: "2026-Q1", toDate: true });
    // 31 Mar 23:59 and 1 Apr 00:00 in Shanghai.
    expect(currentPeriod("quarter", utc("2026-03-31T15:59:00Z"), SH)).toMatchObject({ start: utc("2025-12-31T16:00:00Z"), label: "2026-Q1" });
    expect(currentPeriod("quarter", utc("2026-03-31T16:00:00Z"), SH)).toMatchObject({ start: utc("2026-03-31T16:00:00Z"), label: "2026-Q2" });
    expect(currentPeriod("quarter", utc("2026-08-31T16:00:00Z"), SH)).toMatchObject({ start: utc("2026-06-30T16:00:00Z"), label: "2026-Q3" });
  });

  it("the week that holds 1 January belongs to the ISO year of its Thursday", () => {
    // Friday 1 Jan 2027, 20:00 in Shanghai: the week of Monday 28 Dec 2026 is 2026's 53rd.
    expect(currentPeriod("week", utc("2027-01-01T12:00:00Z"), SH)).toMatchObject({ start: utc("2026-12-27T16:00:00Z"), label: "2026-W53" });
  });
});

describe("a named month", () => {
  const now = utc("2026-12-01T17:43:00Z"); // 2 Dec in Shanghai

  it("that is over covers the whole month, local time", () => {
    expect(monthPeriod("2026-11", now, SH)).toEqual({ kind: "month", start: utc("2026-10-31T16:00:00Z"), end: utc("2026-11-30T16:00:00Z"), label: "2026-11", toDate: false });
  });

  it("that is under way ends now", () => {
    expect(monthPeriod("2026-12", now, SH)).toEqual({ kind: "month", start: utc("2026-11-30T16:00:00Z"), end: now, label: "2026-12", toDate: true });
  });

  it("that has not begun has no period", () => {
    expect(monthPeriod("2027-01", now, SH)).toBeNull();
  });

  it("begins at its first instant and is over at the first instant of the next", () => {
    const firstInstant = utc("2026-11-30T16:00:00Z"); // 1 Dec 00:00 in Shanghai
    expect(monthPeriod("2026-12", firstInstant, SH)).toEqual({ kind: "month", start: firstInstant, end: firstInstant, label: "2026-12", toDate: true });
    expect(monthPeriod("2026-11", firstInstant, SH)).toMatchObject({ end: firstInstant, toDate: false });
    expect(monthPeriod("2026-11", utc("2026-11-30T15:59:59.999Z"), SH)).toMatchObject({ end: utc("2026-11-30T15:59:59.999Z"), toDate: true });
  });
});

describe("the three months before a moment", () => {
  it("are the three calendar months before it, local time", () => {
    // 1 Dec 00:00 in Shanghai → 1 Sep 00:00 in Shanghai.
    expect(threeMonthsBefore(utc("2026-11-30T16:00:00Z"), SH)).toEqual({ start: utc("2026-08-31T16:00:00Z"), end: utc("2026-11-30T16:00:00Z") });
    // 15 Feb 2027, 12:00 in Shanghai → 15 Nov 2026, 12:00.
    expect(threeMonthsBefore(utc("2027-02-15T04:00:00Z"), SH)).toEqual({ start: utc("2026-11-15T04:00:00Z"), end: utc("2027-02-15T04:00:00Z") });
  });
});

describe("the last weeks, for a trend", () => {
  const now = utc("2026-12-01T17:43:00Z"); // Wednesday 2 Dec, 01:43 in Shanghai

  it("are whole ISO weeks, oldest first, the last one the week under way up to now", () => {
    expect(lastWeeks(now, SH, 3)).toEqual([
      { start: utc("2026-11-15T16:00:00Z"), end: utc("2026-11-22T16:00:00Z"), label: "11-16" },
      { start: utc("2026-11-22T16:00:00Z"), end: utc("2026-11-29T16:00:00Z"), label: "11-23" },
      { start: utc("2026-11-29T16:00:00Z"), end: now, label: "11-30" },
    ]);
  });

  it("one week is the week under way; none is none", () => {
    expect(lastWeeks(now, SH, 1)).toEqual([{ start: utc("2026-11-29T16:00:00Z"), end: now, label: "11-30" }]);
    expect(lastWeeks(now, SH, 0)).toEqual([]);
  });
});
