import dayjs from "dayjs";
import isoWeek from "dayjs/plugin/isoWeek.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { Locale } from "../domain/localized.ts";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(isoWeek);

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The last instant of the local day that contains `now`, in `zone`. */
export function endOfLocalDay(now: Date, zone: string): Date {
  return dayjs(now).tz(zone).endOf("day").toDate();
}

/** Whole local calendar days from `now` to `when` (negative when `when` is in the past). */
export function localDayDiff(when: Date, now: Date, zone: string): number {
  return dayjs(when).tz(zone).startOf("day").diff(dayjs(now).tz(zone).startOf("day"), "day");
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export function formatDate(when: Date, zone: string, locale: Locale): string {
  const local = dayjs(when).tz(zone);
  return locale === "en" ? local.format("ddd D MMM YYYY") : `${local.format("YYYY-MM-DD")} ${WEEKDAYS_ZH[local.day()]}`;
}

export function formatDateTime(when: Date, zone: string, locale: Locale): string {
  return `${formatDate(when, zone, locale)} ${dayjs(when).tz(zone).format("HH:mm")}`;
}

/** The local calendar date (YYYY-MM-DD) and clock time (HH:mm) of an instant in a zone. */
export function localDateAndTime(now: Date, zone: string): { date: string; time: string } {
  const local = dayjs(now).tz(zone);
  return { date: local.format("YYYY-MM-DD"), time: local.format("HH:mm") };
}

/**
 * The last complete Monday-to-Sunday week before `now`, in the zone: what a summary sent on
 * Monday morning (or any later day) reports on. `period` is its ISO week, e.g. 2026-W47.
 */
export function previousLocalWeek(now: Date, zone: string): { start: Date; end: Date; period: string } {
  const thisWeek = dayjs(now).tz(zone).startOf("isoWeek");
  const start = thisWeek.subtract(7, "day");
  // The week number of the local calendar date, read on a plain UTC date: on a zoned instance
  // isoWeek() is thrown off by dayjs's customParseFormat plugin, which exceljs installs globally.
  const day = dayjs.utc(start.format("YYYY-MM-DD"));
  return {
    start: start.toDate(),
    end: thisWeek.toDate(),
    period: `${day.isoWeekYear()}-W${String(day.isoWeek()).padStart(2, "0")}`,
  };
}

export function formatShortDate(when: Date, zone: string, locale: Locale): string {
  const local = dayjs(when).tz(zone);
  return locale === "en" ? local.format("D MMM") : local.format("M月D日");
}
