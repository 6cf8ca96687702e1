import { describe, expect, it } from "vitest";
import { TOUCH_CHANNELS } from "../../src/domain/channels.ts";
import { computeCadence } from "../../src/playbook/cadence.ts";
import { listPresets, loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { day, daysFromT0, fresh, summary, touch } from "./helpers.ts";

const presets = await Promise.all((await listPresets()).map((name) => loadPlaybook(name)));

type Days = Record<string, [number, number]>;

/**
 * Every grade (or stage without grades) of every shipped playbook, read off the YAML by hand:
 * [due, overdue] in days after the customer entered the stage with no touch yet, and after one
 * touch on every channel on day 1. Overdue is `overdueAfter` when the rule gives it, else the
 * due day plus the playbook's grace (dealer-4s: 2 days; default and opportunity-pipeline: 3).
 */
const TABLE: [playbook: string, stage: string, grade: string | null, fresh: Days, touchedOnDay1: Days][] = [
  ["dealer-4s", "intention", "H", { call: [2, 3] }, { call: [3, 4] }],
  ["dealer-4s", "intention", "A", { call: [4, 6] }, { call: [5, 7] }],
  ["dealer-4s", "intention", "B", { call: [7, 9] }, { call: [8, 10] }],
  ["dealer-4s", "intention", "C", { call: [15, 17], wechat: [7, 9] }, { call: [16, 18], wechat: [16, 18] }],
  ["dealer-4s", "ordered", null, { call: [7, 9] }, { call: [8, 10] }],
  // Fixed offsets: the touch on day 1 uses up the day-3 call and the only SMS.
  ["dealer-4s", "delivered", null, { call: [3, 5], sms: [14, 16] }, { call: [7, 9] }],
  ["dealer-4s", "lost", null, {}, {}],
  ["default", "potential", "A", { call: [7, 10], sms: [7, 10] }, { call: [8, 11], sms: [8, 11] }],
  ["default", "potential", "B", { call: [10, 13], sms: [7, 10] }, { call: [11, 14], sms: [8, 11] }],
  ["default", "potential", "C", { call: [15, 18], sms: [15, 18] }, { call: [16, 19], sms: [16, 19] }],
  ["default", "potential", "D", { call: [20, 25], sms: [20, 25] }, { call: [21, 26], sms: [21, 26] }],
  ["default", "intention", "A", { call: [7, 10], sms: [7, 10] }, { call: [8, 11], sms: [8, 11] }],
  ["default", "intention", "B", { call: [10, 13], sms: [7, 10] }, { call: [11, 14], sms: [8, 11] }],
  ["default", "selection", null, { call: [3, 5] }, { call: [4, 6] }],
  ["default", "won", null, { call: [5, 8], sms: [7, 10] }, { call: [11, 14], sms: [8, 11] }],
  ["default", "lost", null, {}, {}],
  ["opportunity-pipeline", "opportunity", null, { call: [1, 4] }, { call: [15, 18] }],
  ["opportunity-pipeline", "meeting", null, { call: [7, 10] }, { call: [8, 11] }],
  ["opportunity-pipeline", "prospect1", null, { call: [7, 10], email: [14, 17] }, { call: [8, 11], email: [15, 18] }],
  ["opportunity-pipeline", "prospect2", null, { call: [5, 7] }, { call: [6, 8] }],
  ["opportunity-pipeline", "prospect3", null, { call: [3, 5] }, { call: [4, 6] }],
  ["opportunity-pipeline", "won", null, { call: [3, 6] }, { call: [31, 34] }],
  ["opportunity-pipeline", "lost", null, {}, {}],
];

const cases = TABLE.map(([id, stage, grade, freshDays, touchedDays]) => ({
  name: `${id} ${stage}/${grade ?? "-"}`,
  playbook: presets.find((p) => p.id === id)!,
  stage,
  grade,
  freshDays,
  touchedDays,
}));

describe("every grade of every shipped playbook follows its rules", () => {
  it("the table covers every grade of every shipped playbook", () => {
    const shipped = presets.flatMap((playbook) =>
      playbook.stages.flatMap((stage) =>
        (stage.grades.length > 0 ? stage.grades.map((g) => g.id) : [null]).map((grade) => `${playbook.id} ${stage.id}/${grade ?? "-"}`),
      ),
    );
    expect(cases.map((c) => c.name).sort()).toEqual(shipped.sort());
  });

  it.each(cases)("$name: first touch due as the playbook says", ({ playbook, stage, grade, freshDays }) => {
    expect(summary(computeCadence(playbook, fresh(stage, grade)))).toEqual(freshDays);
  });

  it.each(cases)("$name: after one touch per channel on day 1, the next is due as the playbook says", ({ playbook, stage, grade, freshDays, touchedDays }) => {
    // Only the channels the stage asks for: a visit or a WeChat message would also count for them (countsAs).
    const touches = TOUCH_CHANNELS.filter((c) => c in freshDays).map((c) => touch(c, day(1)));
    expect(summary(computeCadence(playbook, fresh(stage, grade, { touches })))).toEqual(touchedDays);
  });

  it.each(cases.filter((c) => c.playbook.stages.find((s) => s.id === c.stage)!.kind !== "lost"))(
    "$name: something is due, so nobody open or won is forgotten",
    ({ playbook, stage, grade }) => {
      expect(computeCadence(playbook, fresh(stage, grade)).nextDueAt).not.toBeNull();
    },
  );
});

describe("4S dealer spot checks", async () => {
  const playbook = await loadPlaybook("dealer-4s");

  it("an H lead is called every 2 days and overdue the day after", () => {
    expect(summary(computeCadence(playbook, fresh("intention", "H")))).toEqual({ call: [2, 3] });
  });

  it("a C lead gets a WeChat at day 7 and a call at day 15", () => {
    expect(summary(computeCadence(playbook, fresh("intention", "C")))).toEqual({ call: [15, 17], wechat: [7, 9] });
  });

  it("an order is called weekly", () => {
    expect(summary(computeCadence(playbook, fresh("ordered", null)))).toEqual({ call: [7, 9] });
  });

  it("after delivery: call day 3, call day 7, SMS day 14, call at one month", () => {
    const at = (calls: number, callAt: number | null, sms: number, smsAt: number | null) =>
      computeCadence(playbook, fresh("delivered", null, {
        touches: [touch("call", callAt === null ? null : day(callAt), calls), touch("sms", smsAt === null ? null : day(smsAt), sms)],
      }));
    expect(summary(at(0, null, 0, null))).toEqual({ call: [3, 5], sms: [14, 16] });
    expect(summary(at(1, 3, 0, null))).toEqual({ call: [7, 9], sms: [14, 16] });
    expect(summary(at(2, 7, 0, null))).toEqual({ call: [30, 32], sms: [14, 16] });
    expect(summary(at(2, 7, 1, 14))).toEqual({ call: [30, 32] });
    expect(summary(at(7, 365, 1, 14))).toEqual({ call: [455, 457] });
  });
});

describe("opportunity pipeline spot checks", async () => {
  const playbook = await loadPlaybook("opportunity-pipeline");

  it("a new opportunity is called the next day, then every two weeks", () => {
    expect(summary(computeCadence(playbook, fresh("opportunity", null)))).toEqual({ call: [1, 4] });
    const called = fresh("opportunity", null, { touches: [touch("call", day(1))] });
    expect(summary(computeCadence(playbook, called))).toEqual({ call: [15, 18] });
  });

  it("a verbal yes is called every 3 days, overdue at 5", () => {
    expect(summary(computeCadence(playbook, fresh("prospect3", null)))).toEqual({ call: [3, 5] });
  });

  it("valid prospect 1 gets a weekly call and a fortnightly email; the call comes first", () => {
    const result = computeCadence(playbook, fresh("prospect1", null));
    expect(summary(result)).toEqual({ call: [7, 10], email: [14, 17] });
    expect([result.nextDueChannel, daysFromT0(result.overdueAt)]).toEqual(["call", 10]);
  });

  it("won: an after-sales call on day 3, then monthly", () => {
    expect(summary(computeCadence(playbook, fresh("won", null)))).toEqual({ call: [3, 6] });
    const called = fresh("won", null, { touches: [touch("call", day(3))] });
    expect(summary(computeCadence(playbook, called))).toEqual({ call: [33, 36] });
  });
});
