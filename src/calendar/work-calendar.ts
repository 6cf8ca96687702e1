import chineseDays from "chinese-days";
import dayjs from "dayjs";
import "../format/dates.ts"; // registers dayjs's utc and timezone plugins

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

function isMainlandWorkingDay(date: string): boolean {
  if (coversYear(Number(date.slice(0, 4)))) return chineseDays.isWorkday(date);
  const weekday = dayjs(date).day();
  return weekday !== 0 && weekday !== 6;
}

/** Calendar-day arithmetic on local dates. */
export function addLocalDays(date: string, days: number): string {
  return dayjs(date).add(days, "day").format("YYYY-MM-DD");
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(calendar: WorkCalendar, date: string): string {
  let day = date;
  // A year has no run of days off longer than a few weeks; the bound only guards a broken calendar.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i++) day = addLocalDays(day, 1);
  return day;
}

export function localDateOf(instant: Date, zone: string): string {
  return dayjs(instant).tz(zone).format("YYYY-MM-DD");
}

/** The first instant of a local date in the zone. */
export function startOfLocalDate(date: string, zone: string): Date {
  return dayjs.tz(date, zone).toDate();
}

export function isWorkingDayAt(calendar: WorkCalendar, instant: Date, zone: string = calendar.zone): boolean {
  return calendar.isWorkingDay(localDateOf(instant, zone));
}
