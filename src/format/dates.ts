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
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    // Every command asks for the caller's zone; a formatter costs ~0.4 ms. Bounded: the names come from outside.
    if (knownZones.size >= 1_000) knownZones.clear();
    knownZones.set(zone, valid);
  }
  return valid;
}

const knownZones = new Map<string, boolean>();

/**
 * The calendar fields of an instant in a zone. dayjs's `tz()` builds a new Intl formatter on
 * every call (~0.1 ms each), and the morning job formats thousands of dates: the zone's offset,
 * looked up once per quarter hour with one cached formatter per zone, makes that cost vanish.
 */
interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_MS = 86_400_000;

function localParts(when: Date, zone: string): LocalParts {
  const ms = when.getTime();
  const local = new Date(ms + offsetMs(ms, zone));
  return {
    year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(),
    hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/**
 * The zone's offset from UTC at an instant. Zones change offset only at whole quarter hours of
 * UTC, so the offset is remembered per quarter hour: formatToParts is the expensive part.
 */
function offsetMs(ms: number, zone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  // Keyed by zone, then by quarter hour: no key string built per call (the morning job asks ~100k times).
  let known = offsets.get(zone);
  if (!known) offsets.set(zone, (known = new Map()));
  const cached = known.get(quarter);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = shown - Math.floor(ms / 1000) * 1000;
  if (known.size > 50_000) known.clear();
  known.set(quarter, offset);
  return offset;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/** The instant at which the zone's clock shows this local date and time (DST gaps move forward). */
function instantOf(zone: string, year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  // The offset near the wall time, then the offset at the instant that gives: right across a change.
  const guess = wall - offsetMs(wall, zone);
  return new Date(wall - offsetMs(guess, zone));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The last instant of the local day that contains `now`, in `zone`. */
export function endOfLocalDay(now: Date, zone: string): Date {
  const p = localParts(now, zone);
  return new Date(instantOf(zone, p.year, p.month, p.day + 1).getTime() - 1);
}

/** Whole local calendar days from `now` to `when` (negative when `when` is in the past). */
export function localDayDiff(when: Date, now: Date, zone: string): number {
  const a = localParts(when, zone);
  const b = localParts(now, zone);
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / DAY_MS);
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export function formatDate(when: Date, zone: string, locale: Locale): string {
  const p = localParts(when, zone);
  return locale === "en"
    ? `${WEEKDAYS_EN[p.weekday]} ${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`
    : `${p.year}-${pad(p.month)}-${pad(p.day)} ${WEEKDAYS_ZH[p.weekday]}`;
}

export function formatDateTime(when: Date, zone: string, locale: Locale): string {
  const p = localParts(when, zone);
  return `${formatDate(when, zone, locale)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The local calendar date (YYYY-MM-DD) and clock time (HH:mm) of an instant in a zone. */
export function localDateAndTime(now: Date, zone: string): { date: string; time: string } {
  const p = localParts(now, zone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/**
 * The last complete Monday-to-Sunday week before `now`, in the zone: what a summary sent on
 * Monday morning (or any later day) reports on. `period` is its ISO week, e.g. 2026-W47.
 */
export function previousLocalWeek(now: Date, zone: string): { start: Date; end: Date; period: string } {
  const thisWeek = dayjs(now).tz(zone).startOf("isoWeek");
  const start = thisWeek.subtract(7, "day");
  return { start: start.toDate(), end: thisWeek.toDate(), period: isoWeekLabel(start) };
}

/**
 * The ISO week (2026-W48) of a zoned day's local calendar date, read on a plain UTC date: on a
 * zoned instance isoWeek() is thrown off by dayjs's customParseFormat plugin, which exceljs
 * installs globally (it gave the Sunday before, in the server's zone).
 */
export function isoWeekLabel(localDay: dayjs.Dayjs): string {
  const day = dayjs.utc(localDay.format("YYYY-MM-DD"));
  return `${day.isoWeekYear()}-W${String(day.isoWeek()).padStart(2, "0")}`;
}

/**
 * A span of days in one format, its last day included: "23–29 Nov 2026", "30 Nov – 6 Dec 2026";
 * "2026年11月23日–29日", "2026年11月30日–12月6日". The year (and month) are said once when shared.
 */
export function formatDateRange(first: Date, last: Date, zone: string, locale: Locale): string {
  const a = localParts(first, zone);
  const b = localParts(last, zone);
  if (a.year === b.year && a.month === b.month && a.day === b.day) {
    return locale === "en" ? `${a.day} ${MONTHS_EN[a.month - 1]} ${a.year}` : `${a.year}年${a.month}月${a.day}日`;
  }
  if (locale === "en") {
    const start = a.year !== b.year ? `${a.day} ${MONTHS_EN[a.month - 1]} ${a.year}` : a.month !== b.month ? `${a.day} ${MONTHS_EN[a.month - 1]}` : `${a.day}`;
    const sep = a.year === b.year && a.month === b.month ? "–" : " – ";
    return `${start}${sep}${b.day} ${MONTHS_EN[b.month - 1]} ${b.year}`;
  }
  const end = a.year !== b.year ? `${b.year}年${b.month}月${b.day}日` : a.month !== b.month ? `${b.month}月${b.day}日` : `${b.day}日`;
  return `${a.year}年${a.month}月${a.day}日–${end}`;
}

export function formatShortDate(when: Date, zone: string, locale: Locale): string {
  const p = localParts(when, zone);
  return locale === "en" ? `${p.day} ${MONTHS_EN[p.month - 1]}` : `${p.month}月${p.day}日`;
}
