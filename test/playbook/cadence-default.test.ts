import { describe, expect, it } from "vitest";
import { computeCadence } from "../../src/playbook/cadence.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { day, daysFromT0, fresh, summary, touch } from "./helpers.ts";

const playbook = await loadPlaybook("default");

/**
 * DOMAIN.md §3, written out by hand: [due, overdue] in days after the customer was classified,
 * for a customer nobody has touched since. Overdue is `overdueAfter` when the seed gives a
 * range, else due + the playbook's 3 grace days.
 */
const EXPECTED: Record<string, Record<string, [number, number]>> = {
  "potential/A": { call: [7, 10], sms: [7, 10] },
  "potential/B": { sms: [7, 10], call: [10, 13] },
  "potential/C": { call: [15, 18], sms: [15, 18] },
  "potential/D": { call: [20, 25], sms: [20, 25] },
  "intention/A": { call: [7, 10], sms: [7, 10] },
  "intention/B": { sms: [7, 10], call: [10, 13] },
  "selection/-": { call: [3, 5] },
  "won/-": { call: [5, 8], sms: [7, 10] },
  "lost/-": {},
};

/** Every grade and ungraded stage of the loaded YAML, so a new grade without a row fails. */
const cases = playbook.stages.flatMap((s) => (s.grades.length > 0 ? s.grades.map((g) => `${s.id}/${g.id}`) : [`${s.id}/-`]));

describe("default playbook cadences (hand-written expectations)", () => {
  it("covers every grade and ungraded stage", () => {
    expect(cases.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)("%s, untouched since classified", (key) => {
    const [stage, grade] = key.split("/") as [string, string];
    const result = computeCadence(playbook, fresh(stage, grade === "-" ? null : grade));
    expect(summary(result)).toEqual(EXPECTED[key]);
  });

  it.each(cases.filter((key) => !key.startsWith("lost")))("%s, touched on every channel at day 2", (key) => {
    const [stage, grade] = key.split("/") as [string, string];
    const input = fresh(stage, grade === "-" ? null : grade, {
      touches: [touch("call", day(2)), touch("sms", day(2))],
    });
    const expected = Object.fromEntries(
      Object.entries(EXPECTED[key]!).map(([channel, [due, overdue]]) => {
        // won's first call is special (firstAfter 5); once made, calls are every 10 days.
        const [d, o] = key === "won/-" && channel === "call" ? [10, 13] : [due, overdue];
        return [channel, [2 + d, 2 + o]];
      }),
    );
    expect(summary(computeCadence(playbook, input))).toEqual(expected);
  });

  it("potential/B: SMS is next (+7 d), the call follows at +10 d", () => {
    const result = computeCadence(playbook, fresh("potential", "B"));
    expect(result.nextDueChannel).toBe("sms");
    expect(daysFromT0(result.nextDueAt)).toBe(7);
    expect(result.channels.map((c) => c.channel)).toEqual(["sms", "call"]);
    expect(daysFromT0(result.overdueAt)).toBe(10);
  });

  it("selection: call every 3–5 days means due at 3, overdue at 5", () => {
    const result = computeCadence(playbook, fresh("selection", null, { touches: [touch("call", day(1))] }));
    expect([daysFromT0(result.nextDueAt), daysFromT0(result.overdueAt)]).toEqual([4, 6]);
  });

  it("a potential customer without a grade follows D, the default grade", () => {
    expect(summary(computeCadence(playbook, fresh("potential", null)))).toEqual(EXPECTED["potential/D"]);
  });

  it("grades are matched case-insensitively", () => {
    expect(summary(computeCadence(playbook, fresh("intention", "a")))).toEqual(EXPECTED["intention/A"]);
  });

  it("ties on the due date list channels in TOUCH_CHANNELS order (call before sms)", () => {
    const result = computeCadence(playbook, fresh("potential", "A"));
    expect(result.channels.map((c) => c.channel)).toEqual(["call", "sms"]);
    expect(result.nextDueChannel).toBe("call");
  });
});
