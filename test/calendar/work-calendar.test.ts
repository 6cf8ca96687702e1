import { describe, expect, it } from "vitest";
import {
  coversYear, defaultCalendarKind, nextWorkingDay, workCalendar, workspaceCalendar,
} from "../../src/calendar/work-calendar.ts";
import { computeCadence } from "../../src/playbook/cadence.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { touch } from "../playbook/helpers.ts";

const cn = workCalendar("cn", "Asia/Shanghai");
const none = workCalendar("none", "Asia/Shanghai");
const playbook = await loadPlaybook("default");

/** 10:00 in Shanghai on a local date. */
const at10 = (date: string) => new Date(`${date}T10:00:00+08:00`);
/** A local date, as the start of that day in Shanghai. */
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`);

describe("the mainland calendar of 2026 (chinese-days)", () => {
  it("has the public holidays off", () => {
    for (const date of ["2026-01-01", "2026-02-17", "2026-04-06", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-07"]) {
      expect(cn.isWorkingDay(date), date).toBe(false);
    }
  });

  it("works the 调休 make-up days, weekends included", () => {
    // 2026-01-04 is a Sunday, 02-14, 02-28, 05-09 and 10-10 are Saturdays, 09-20 a Sunday.
    for (const date of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect(cn.isWorkingDay(date), date).toBe(true);
    }
  });

  it("has ordinary weekends off and weekdays on", () => {
    expect(cn.isWorkingDay("2026-11-08")).toBe(false); // Sunday
    expect(cn.isWorkingDay("2026-11-09")).toBe(true); // Monday
  });

  it("moves a day off to the next working day", () => {
    expect(nextWorkingDay(cn, "2026-10-01")).toBe("2026-10-08");
    expect(nextWorkingDay(cn, "2026-02-15")).toBe("2026-02-24");
    expect(nextWorkingDay(cn, "2026-11-09")).toBe("2026-11-09");
    expect(nextWorkingDay(none, "2026-10-01")).toBe("2026-10-01");
  });

  it("falls back to weekends only for a year the package does not cover yet", () => {
    expect(coversYear(2026)).toBe(true);
    expect(coversYear(2027)).toBe(false);
    expect(cn.isWorkingDay("2027-01-01")).toBe(true); // a Friday: not known as a holiday yet
    expect(nextWorkingDay(cn, "2027-01-02")).toBe("2027-01-04");
  });

  it("is the default for a workspace in a mainland time zone, unless it chose", () => {
    expect(defaultCalendarKind("Asia/Shanghai")).toBe("cn");
    expect(defaultCalendarKind("Europe/Berlin")).toBe("none");
    expect(workspaceCalendar({ calendar: null, timeZone: "Asia/Shanghai" }).kind).toBe("cn");
    expect(workspaceCalendar({ calendar: "none", timeZone: "Asia/Shanghai" }).kind).toBe("none");
    expect(workspaceCalendar({ calendar: "cn", timeZone: "America/New_York" }).kind).toBe("cn");
  });
});

describe("due dates on the work calendar", () => {
  // Potential A: a call every 7 days, overdue 3 days later.
  const callDue = (lastCall: string, calendar = cn) => {
    const input = {
      stage: "potential", grade: "A", classifiedAt: at10("2026-01-01"), stageEnteredAt: at10("2026-01-01"),
      snoozedUntil: null, touches: [touch("call", at10(lastCall)), touch("sms", at10(lastCall))],
    };
    return computeCadence(playbook, input, calendar).channels.find((c) => c.channel === "call")!;
  };

  it("are whole local days: due and overdue at the start of the day", () => {
    const call = callDue("2026-11-02");
    expect(call.dueAt).toEqual(startOf("2026-11-09"));
    expect(call.overdueAt).toEqual(startOf("2026-11-12"));
  });

  it("a due date on a Sunday moves to Monday", () => {
    expect(callDue("2026-11-01").dueAt).toEqual(startOf("2026-11-09"));
  });

  it("a due date in 国庆节 moves to the first working day after it, and overdue counts from there", () => {
    const call = callDue("2026-09-24");
    expect(call.dueAt).toEqual(startOf("2026-10-08"));
    expect(call.overdueAt).toEqual(startOf("2026-10-12")); // 10-11 is a Sunday
  });

  it("a due date on a make-up Saturday stays on it", () => {
    const call = callDue("2026-10-03");
    expect(call.dueAt).toEqual(startOf("2026-10-10"));
    expect(call.overdueAt).toEqual(startOf("2026-10-13"));
  });

  it("without days off (setup calendar none) the date is kept", () => {
    expect(callDue("2026-09-24", none).dueAt).toEqual(startOf("2026-10-01"));
  });

  it("a snooze that ends on a day off ends on the next working day", () => {
    const input = {
      stage: "potential", grade: "A", classifiedAt: at10("2026-11-02"), stageEnteredAt: at10("2026-11-02"),
      snoozedUntil: at10("2026-11-14"), touches: [touch("call", at10("2026-11-02"))],
    };
    const call = computeCadence(playbook, input, cn).channels.find((c) => c.channel === "call")!;
    expect(call.dueAt).toEqual(startOf("2026-11-16"));
  });
});
