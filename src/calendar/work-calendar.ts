import chineseDays from "chinese-days";

/**
 * Which local days a team works. Due dates fall on working days only: a call due on a Sunday
 * or on 国庆节 is due on the next working day instead, and a 调休 Saturday is a working day.
 *
 * - `cn`: mainland public holidays and make-up working days from the `chinese-days` package.
 *   For a year the package does not cover yet (the State Council publishes each year's plan
 *   in November), only weekends are days off — see `coversYear` and the calendar notice.
 * - `none`: every day is a working day.
 *
 * Dates are local calendar dates `YYYY-MM-DD` in `zone`: whether a day is off depends on
 * where the team is, not on UTC.
 */
export const CALENDAR_KINDS = ["cn", "none"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface WorkCalendar {
  kind: CalendarKind;
  zone: string;
  isWorkingDay(date: string): boolean;
}

const MAINLAND_ZONES = new Set(["Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar", "PRC"]);

/** A workspace that never chose gets `cn` when its time zone is a mainland one. */
export function defaultCalendarKind(zone: string): CalendarKind {
  return MAINLAND_ZONES.has(zone) ? "cn" : "none";
}

export function isCalendarKind(word: string): word is CalendarKind {
  return (CALENDAR_KINDS as readonly string[]).includes(word);
}

/** The calendar of a workspace: its own choice, else the default for its time zone. */
export function workspaceCalendar(workspace: { calendar?: string | null; timeZone: string }): WorkCalendar {
  const chosen = workspace.calendar && isCalendarKind(workspace.calendar) ? workspace.calendar : defaultCalendarKind(workspace.timeZone);
  return workCalendar(chosen, workspace.timeZone);
}

export function workCalendar(kind: CalendarKind, zone: string): WorkCalendar {
  if (kind === "none") return { kind, zone, isWorkingDay: () => true };
  return { kind, zone, isWorkingDay: isMainlandWorkingDay };
}

// The cadence engine asks about the same few hundred days over and over: remember the answers.
// Bounded, so a long-running bot does not grow without end.
function memo<K, T>(limit: number, compute: (key: K) => T): (key: K) => T {
  const known = new Map<K, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** The same, keyed by two values without building a key string (the due lists' hot path). */
function memo2<A, B, T>(limit: number, compute: (a: A, b: B) => T): (a: A, b: B) => T {
  const known = new Map<A, Map<B, T>>();
  let size = 0;
  return (a, b) => {
    let inner = known.get(a);
    if (!inner) known.set(a, (inner = new Map()));
    let value = inner.get(b);
    if (value === undefined) {
      value = compute(a, b);
      if (size >= limit) {
        known.clear();
        known.set(a, (inner = new Map()));
        size = 0;
      }
      inner.set(b, value);
      size++;
    }
    return value;
  };
}

const covered = new Map<number, boolean>();

/** Whether the package knows the year's holidays (a year with none listed is one it lacks). */
export function coversYear(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

const isMainlandWorkingDay = memo(10_000, (date: string): boolean => {
  if (coversYear(Number(date.slice(0, 4)))) return chineseDays.isWorkday(date);
  const weekday = utcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
});

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** Calendar-day arithmetic on local dates. */
export function addLocalDays(date: string, days: number): string {
  return shiftedDate(date, days);
}

// The cadence engine shifts the same few hundred dates by the same few offsets, thousands of
// times in a morning job: parsing and formatting each time cost more than the job's SQL.
const shiftedDate = memo2(20_000, (date: string, days: number): string => new Date(utcDay(date).getTime() + days * 86_400_000).toISOString().slice(0, 10));

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(calendar: WorkCalendar, date: string): string {
  let day = date;
  // A year has no run of days off longer than a few weeks; the bound only guards a broken calendar.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i++) day = addLocalDays(day, 1);
  return day;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant, read as if it were UTC (ms). */
function wallClock(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(zone).formatToParts(new Date(instant))) parts[type] = Number(value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const HOUR_MS = 3_600_000;
// Formatting a date in a zone is slow (tens of µs); a zone's offset changes only on the hour,
// so it is looked up once per zone and hour.
const offsetInHour = memo2(50_000, (zone: string, hour: number): number => {
  const instant = hour * HOUR_MS;
  return wallClock(instant, zone) - instant;
});

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  const at = instant.getTime();
  const offset = offsetInHour(zone, Math.floor(at / HOUR_MS));
  return dateOfDay(Math.floor((at + offset) / 86_400_000));
}

/** "YYYY-MM-DD" of a day counted from 1970-01-01, formatted once per day. */
const dateOfDay = memo(20_000, (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10));

const startOfDay = memo2(20_000, (zone: string, date: string): number => {
  const midnight = utcDay(date).getTime();
  // Local midnight = UTC midnight minus the zone's offset; the second pass settles a day on which
  // the offset changes (daylight saving).
  let instant = midnight - (wallClock(midnight, zone) - midnight);
  instant = midnight - (wallClock(instant, zone) - instant);
  return instant;
});

/** The first instant of a local date in the zone. */
export function startOfLocalDate(date: string, zone: string): Date {
  return new Date(startOfDay(zone, date));
}

export function isWorkingDayAt(calendar: WorkCalendar, instant: Date, zone: string = calendar.zone): boolean {
  return calendar.isWorkingDay(localDateOf(instant, zone));
}
