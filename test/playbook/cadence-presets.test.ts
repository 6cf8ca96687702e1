import { describe, expect, it } from "vitest";
import { TOUCH_CHANNELS } from "../../src/domain/channels.ts";
import { computeCadence, rulesFor } from "../../src/playbook/cadence.ts";
import { listPresets, loadPlaybook } from "../../src/playbook/load-playbook.ts";
import type { Playbook } from "../../src/playbook/playbook.schema.ts";
import { day, daysFromT0, fresh, summary, touch } from "./helpers.ts";

const presets = await Promise.all((await listPresets()).map((name) => loadPlaybook(name)));

/** One row per grade, or per stage when it has none, of every shipped playbook. */
const cases = presets.flatMap((playbook) =>
  playbook.stages.flatMap((stage) =>
    (stage.grades.length > 0 ? stage.grades.map((g) => g.id) : [null]).map((grade) => ({
      name: `${playbook.id} ${stage.id}/${grade ?? "-"}`,
      playbook,
      stage: stage.id,
      grade,
    })),
  ),
);

const grace = (playbook: Playbook, every: number, overdueAfter?: number) =>
  overdueAfter === undefined ? playbook.overdueGraceDays : overdueAfter - every;

describe("every grade of every shipped playbook follows its rules", () => {
  it.each(cases)("$name: first touch due as the rule says", ({ playbook, stage, grade }) => {
    const rules = rulesFor(playbook, stage, grade);
    const expected: Record<string, [number, number]> = {};
    for (const [channel, rule] of Object.entries(rules)) {
      if (rule.at) expected[channel] = [rule.at[0]!, rule.at[0]! + playbook.overdueGraceDays];
      else {
        const due = rule.firstAfter ?? rule.every!;
        expected[channel] = [due, due + grace(playbook, rule.every!, rule.overdueAfter)];
      }
    }
    expect(summary(computeCadence(playbook, fresh(stage, grade)))).toEqual(expected);
  });

  it.each(cases)("$name: after one touch per channel at day 1, the next is due as the rule says", ({ playbook, stage, grade }) => {
    const rules = rulesFor(playbook, stage, grade);
    // Only the channels of the rules: a visit or a WeChat message would also count for them (countsAs).
    const touches = TOUCH_CHANNELS.filter((c) => rules[c]).map((c) => touch(c, day(1)));
    const expected: Record<string, [number, number]> = {};
    for (const [channel, rule] of Object.entries(rules)) {
      // A touch on day 1 uses up the offsets at or before day 1 and at least the first one.
      if (rule.at) {
        const next = rule.at.slice(1).find((offset) => offset > 1);
        if (next !== undefined) expected[channel] = [next, next + playbook.overdueGraceDays];
      } else {
        expected[channel] = [1 + rule.every!, 1 + rule.every! + grace(playbook, rule.every!, rule.overdueAfter)];
      }
    }
    expect(summary(computeCadence(playbook, fresh(stage, grade, { touches })))).toEqual(expected);
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
