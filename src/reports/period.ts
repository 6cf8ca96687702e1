import dayjs from "dayjs";
import { isoWeekLabel } from "../format/dates.ts";

export type PeriodKind = "week" | "month" | "quarter";

/** A span a report covers, in the workspace's calendar. `end` is never later than now. */
export interface ReportPeriod {
  kind: PeriodKind;
  start: Date;
  /** Exclusive; `now` for the period under way. */
  end: Date;
  /** 2026-W49, 2026-12, 2026-Q4. */
  label: string;
  /** The period is still under way: figures are "to date". */
  toDate: boolean;
}

const WEEK = new Set(["week", "周", "本周", "w"]);
const MONTH = new Set(["month", "月", "本月", "m"]);
const QUARTER = new Set(["quarter", "季", "季度", "本季", "本季度", "q"]);

/** The word names a period (`week`, `本月`, `2026-11`, `2026年11月`); undefined when it does not. */
export function readPeriodWord(word: string): { kind: PeriodKind } | { month: string } | undefined {
  const w = word.trim().toLowerCase();
  if (WEEK.has(w)) return { kind: "week" };
  if (MONTH.has(w)) return { kind: "month" };
  if (QUARTER.has(w)) return { kind: "quarter" };
  const month = readMonth(w);
  return month ? { month } : undefined;
}

/** `2026-11`, `2026/11`, `2026年11月`, `2026.11` → `2026-11`; anything else undefined. */
export function readMonth(word: string): string | undefined {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(word.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${String(month).padStart(2, "0")}`;
}

/** The current week, month or quarter to date, in the zone. */
export function currentPeriod(kind: PeriodKind, now: Date, zone: string): ReportPeriod {
  const local = dayjs(now).tz(zone);
  if (kind === "week") {
    const start = local.startOf("isoWeek");
    return { kind, start: start.toDate(), end: now, label: isoWeekLabel(start), toDate: true };
  }
  if (kind === "month") {
    const start = local.startOf("month");
    return { kind, start: start.toDate(), end: now, label: start.format("YYYY-MM"), toDate: true };
  }
  const quarter = Math.floor(local.month() / 3);
  const start = local.startOf("year").add(quarter * 3, "month");
  return { kind, start: start.toDate(), end: now, label: `${start.year()}-Q${quarter + 1}`, toDate: true };
}

/** One calendar month (`2026-11`); cut at now when it is under way; null when it has not begun. */
export function monthPeriod(month: string, now: Date, zone: string): ReportPeriod | null {
  const start = dayjs.tz(`${month}-01 00:00`, zone);
  const end = start.add(1, "month");
  if (start.toDate() > now) return null;
  const toDate = end.toDate() > now;
  return { kind: "month", start: start.toDate(), end: toDate ? now : end.toDate(), label: month, toDate };
}

/**
 * The handbook's "last three months" [001] ending at `end`: the three calendar months before
 * it, in the zone. Conversion and the average deal of the planner are read over this window.
 */
export function threeMonthsBefore(end: Date, zone: string): { start: Date; end: Date } {
  return { start: dayjs(end).tz(zone).subtract(3, "month").toDate(), end };
}

/** The `count` ISO weeks ending with the one that contains `now` (the last one to date). */
export function lastWeeks(now: Date, zone: string, count: number): { start: Date; end: Date; label: string }[] {
  const thisWeek = dayjs(now).tz(zone).startOf("isoWeek");
  const weeks = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = thisWeek.subtract(i * 7, "day");
    const end = i === 0 ? dayjs(now) : start.add(7, "day");
    weeks.push({ start: start.toDate(), end: end.toDate(), label: start.format("MM-DD") });
  }
  return weeks;
}
