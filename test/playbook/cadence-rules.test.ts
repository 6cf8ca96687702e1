import { describe, expect, it } from "vitest";
import { addDays, computeCadence, rulesFor } from "../../src/playbook/cadence.ts";
import { loadPlaybook, parsePlaybook, PlaybookError } from "../../src/playbook/load-playbook.ts";
import { day, daysFromT0, fresh, summary, T0, touch } from "./helpers.ts";

const playbook = await loadPlaybook("default");
const dealer = await loadPlaybook("dealer-4s");

/** A small playbook for the `at` rules, with an offset 0 and grace days of its own. */
const cycle = parsePlaybook(
  `
id: cycle
name: { en: Cycle, zh: 周期 }
overdueGraceDays: 1
defaultStage: open
stages:
  - { id: open, name: { en: Open, zh: 跟进 }, kind: open, cadence: { call: { every: 5 } } }
  - id: won
    name: { en: Won, zh: 成交 }
    kind: won
    cadence: { call: { at: [0, 3, 10] }, email: { every: 30, firstAfter: 0 } }
  - { id: lost, name: { en: Lost, zh: 战败 }, kind: lost }
`,
  "cycle.yaml",
);

describe("every rules", () => {
  it("count from the last touch on the channel, each channel on its own", () => {
    const input = fresh("potential", "A", { touches: [touch("call", day(4)), touch("sms", day(1))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [11, 14], sms: [8, 11] });
  });

  it("a re-grade does not restart the count: due from the last touch, or the stage entry when never touched", () => {
    // Graded A on day 10 after a call on day 8; no SMS since entering the stage on day -30.
    const input = fresh("potential", "A", { stageEnteredAt: day(-30), classifiedAt: day(10), touches: [touch("call", day(8), 3)] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [15, 18], sms: [-23, -20] });
  });

  it("a touch after the re-grade counts from the touch", () => {
    const input = fresh("potential", "C", { classifiedAt: day(10), touches: [touch("sms", day(12))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [15, 18], sms: [27, 30] });
  });

  it("firstAfter replaces only the first interval after entering the stage", () => {
    expect(summary(computeCadence(playbook, fresh("won", null)))).toMatchObject({ call: [5, 8] });
    const afterFirstCall = fresh("won", null, { touches: [touch("call", day(6))] });
    expect(summary(computeCadence(playbook, afterFirstCall))).toMatchObject({ call: [16, 19] });
  });

  it("firstAfter ignores calls made before the stage was entered", () => {
    const input = fresh("won", null, { touches: [touch("call", day(-1), 0)] });
    expect(summary(computeCadence(playbook, input))).toMatchObject({ call: [5, 8] });
  });

  it("firstAfter counts from the stage entry, not from a re-grade inside the stage", () => {
    const input = fresh("won", null, { stageEnteredAt: day(-20), classifiedAt: T0 });
    expect(summary(computeCadence(playbook, input))).toMatchObject({ call: [-15, -12] });
  });

  it("firstAfter 0 is due the moment the stage is entered", () => {
    expect(summary(computeCadence(cycle, fresh("won", null)))).toMatchObject({ email: [0, 1] });
  });
});

describe("at rules", () => {
  const won = (calls: number, lastAt: Date | null) => fresh("won", null, { touches: [touch("call", lastAt, calls)] });

  it("walk the offsets from the stage entry, one per touch", () => {
    expect(summary(computeCadence(cycle, won(0, null))).call).toEqual([0, 1]);
    expect(summary(computeCadence(cycle, won(1, day(0)))).call).toEqual([3, 4]);
    expect(summary(computeCadence(cycle, won(2, day(3)))).call).toEqual([10, 11]);
  });

  it("an early touch counts for the next offset", () => {
    expect(summary(computeCadence(cycle, won(2, day(2)))).call).toEqual([10, 11]);
  });

  it("a late touch covers every offset it came after", () => {
    // One call on day 5 after none before: offsets 0 and 3 are done, day 10 is next.
    expect(summary(computeCadence(cycle, won(1, day(5)))).call).toEqual([10, 11]);
  });

  it("a touch on the very day of an offset covers it", () => {
    expect(summary(computeCadence(cycle, won(1, day(3)))).call).toEqual([10, 11]);
  });

  it("a touch before the stage entry covers no offset", () => {
    expect(summary(computeCadence(cycle, won(0, day(-5)))).call).toEqual([0, 1]);
  });

  it("are not restarted by a re-grade inside the stage", () => {
    const input = { ...won(1, day(0)), classifiedAt: day(2) };
    expect(summary(computeCadence(cycle, input)).call).toEqual([3, 4]);
  });

  it("are no longer due once the offsets run out", () => {
    expect(summary(computeCadence(cycle, won(3, day(10))))).toEqual({ email: [0, 1] });
    const delivered = fresh("delivered", null, { touches: [touch("call", day(1900), 23), touch("sms", day(14), 1)] });
    const result = computeCadence(dealer, delivered);
    expect(result).toEqual({ channels: [], nextDueAt: null, nextDueChannel: null, overdueAt: null });
  });
});

describe("snooze", () => {
  it("moves a due date inside the snooze to its end, and the overdue date by as much", () => {
    const input = fresh("potential", "B", { snoozedUntil: day(9) });
    // sms due 7 → 9 (overdue 10 → 12); call due 10 is after the snooze and stays.
    const result = computeCadence(playbook, input);
    expect(summary(result)).toEqual({ sms: [9, 12], call: [10, 13] });
    expect([result.nextDueChannel, daysFromT0(result.nextDueAt), daysFromT0(result.overdueAt)]).toEqual(["sms", 9, 12]);
  });

  it("can reorder the channels", () => {
    const input = fresh("potential", "B", { snoozedUntil: day(12) });
    expect(computeCadence(playbook, input).channels.map((c) => [c.channel, daysFromT0(c.dueAt)])).toEqual([
      ["call", 12],
      ["sms", 12],
    ]);
  });

  it("in the past changes nothing", () => {
    const input = fresh("selection", null, { snoozedUntil: day(-1) });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [3, 5] });
  });

  it("applies to at rules too", () => {
    expect(summary(computeCadence(cycle, fresh("won", null, { snoozedUntil: day(2) }))).call).toEqual([2, 3]);
  });
});

describe("nothing due", () => {
  it("for a lost customer, whatever the touches", () => {
    const input = fresh("lost", null, { touches: [touch("call", day(-100))] });
    expect(computeCadence(playbook, input)).toEqual({ channels: [], nextDueAt: null, nextDueChannel: null, overdueAt: null });
    expect(rulesFor(playbook, "lost", null)).toEqual({});
  });
});

describe("lookups and guards", () => {
  // The default grade sits in the middle here, so "the default" and "the last grade" differ.
  const graded = parsePlaybook(
    `
id: graded
name: { en: Graded, zh: 分级 }
overdueGraceDays: 1
defaultStage: open
stages:
  - id: open
    name: { en: Open, zh: 跟进 }
    kind: open
    grades:
      - { id: A, name: { en: A, zh: A }, criterion: { en: A, zh: A }, cadence: { call: { every: 3 } } }
      - { id: B, name: { en: B, zh: B }, criterion: { en: B, zh: B }, cadence: { call: { every: 5 } } }
      - { id: C, name: { en: C, zh: C }, criterion: { en: C, zh: C }, cadence: { call: { every: 9 } } }
    defaultGrade: B
  - { id: won, name: { en: Won, zh: 成交 }, kind: won }
  - { id: lost, name: { en: Lost, zh: 战败 }, kind: lost }
`,
    "graded.yaml",
  );

  it("an unknown grade counts as the default grade (a renamed grade never drops a customer)", () => {
    expect(summary(computeCadence(graded, fresh("open", "Z")))).toEqual({ call: [5, 6] });
    expect(summary(computeCadence(graded, fresh("open", null)))).toEqual({ call: [5, 6] });
    expect(summary(computeCadence(graded, fresh("open", "c")))).toEqual({ call: [9, 10] });
    expect(summary(computeCadence(graded, fresh("open", "A")))).toEqual({ call: [3, 4] });
  });

  it("an unknown stage is a PlaybookError naming the stages", () => {
    expect(() => rulesFor(playbook, "nurture", null)).toThrow(PlaybookError);
    expect(() => rulesFor(playbook, "nurture", null)).toThrow(
      'playbook default: unknown stage "nurture"; expected one of potential, intention, selection, won, lost',
    );
  });

  it("days are 24-hour periods, even across a daylight-saving change", () => {
    // 2025-03-30 is the EU spring-forward day; the engine works on instants, not local dates.
    const before = new Date("2025-03-29T12:00:00.000Z");
    expect(addDays(before, 2).toISOString()).toBe("2025-03-31T12:00:00.000Z");
  });
});
