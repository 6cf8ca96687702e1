import { describe, expect, it } from "vitest";
import { channelsCoveredBy, computeCadence, dueAnsweredBy, holdOverdue, type CadenceInput } from "../../src/playbook/cadence.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { day, daysFromT0, fresh, summary, touch } from "./helpers.ts";

const playbook = await loadPlaybook("default");

/** Reclassifies at `when`, the way the reclassify operation does: hold what is overdue, then move. */
function reclassify(before: CadenceInput, when: Date, to: { stage?: string; grade: string | null }): CadenceInput {
  const held = holdOverdue(playbook, before, when);
  const stageChanged = to.stage !== undefined && to.stage !== before.stage;
  return {
    ...before,
    stage: to.stage ?? before.stage,
    grade: to.grade,
    classifiedAt: when,
    ...(stageChanged ? { stageEnteredAt: when } : {}),
    snoozedUntil: null,
    held,
  };
}

describe("touches that count for others (countsAs)", () => {
  it("a visit counts as a call and an SMS in the default playbook", () => {
    const input = fresh("potential", "A", { touches: [touch("visit", day(5))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [12, 15], sms: [12, 15] });
  });

  it("a WeChat message counts as an SMS, not as a call", () => {
    const input = fresh("potential", "A", { touches: [touch("wechat", day(5))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [7, 10], sms: [12, 15] });
  });

  it("the latest of the counting touches is the one that counts", () => {
    const input = fresh("potential", "A", { touches: [touch("sms", day(6)), touch("wechat", day(2)), touch("visit", day(4))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [11, 14], sms: [13, 16] });
  });

  it("an email counts for nothing but itself", () => {
    const input = fresh("potential", "A", { touches: [touch("email", day(5))] });
    expect(summary(computeCadence(playbook, input))).toEqual({ call: [7, 10], sms: [7, 10] });
  });

  it("a touch covers its own channel and the ones the playbook adds, and no more", () => {
    expect(channelsCoveredBy(playbook, "visit")).toEqual(["visit", "call", "sms"]);
    expect(channelsCoveredBy(playbook, "wechat")).toEqual(["wechat", "sms"]);
    expect(channelsCoveredBy(playbook, "email")).toEqual(["email"]);
    expect(channelsCoveredBy(playbook, "call")).toEqual(["call"]);
  });
});

describe("the due touch a touch answers", () => {
  // Potential A, every 7 days: the SMS (last on day 0) is due on day 7, the call (day 2) on day 9.
  const cadence = computeCadence(playbook, fresh("potential", "A", { touches: [touch("sms", day(0)), touch("call", day(2))] }));
  const answered = (channel: "call" | "sms" | "visit" | "email", at: Date) => {
    const due = dueAnsweredBy(playbook, cadence, channel, at);
    return due && [due.channel, daysFromT0(due.dueAt)];
  };

  it("is the earliest due one among the channels it counts for", () => {
    expect(answered("visit", day(10))).toEqual(["sms", 7]);
    expect(answered("visit", day(8))).toEqual(["sms", 7]);
    expect(answered("call", day(10))).toEqual(["call", 9]);
  });

  it("counts from the very instant the touch is due", () => {
    expect(answered("call", day(9))).toEqual(["call", 9]);
  });

  it("is none for an early touch, or a channel that counts for nothing due", () => {
    expect(answered("call", day(8))).toBeNull();
    expect(answered("sms", day(6))).toBeNull();
    expect(answered("email", day(10))).toBeNull();
  });
});

describe("no loophole: a stage or grade change never clears what is overdue", () => {
  it("re-grading potential A to C with the SMS 4 days overdue keeps it overdue (issue #9)", () => {
    // SMS last on day 0: due day 7, overdue day 10; on day 14 it is 4 days overdue.
    const before = fresh("potential", "A", { touches: [touch("sms", day(0)), touch("call", day(12))] });
    const after = reclassify(before, day(14), { grade: "C" });
    const sms = computeCadence(playbook, after).channels.find((c) => c.channel === "sms")!;
    expect(sms.overdueAt <= day(14)).toBe(true);
    expect(summary(computeCadence(playbook, after)).sms).toEqual([7, 10]);
    // The call was not overdue: it follows the new grade's interval from its last touch.
    expect(summary(computeCadence(playbook, after)).call).toEqual([27, 30]);
  });

  it("only a touch that counts for the channel releases it", () => {
    const before = fresh("potential", "A", { touches: [touch("sms", day(0)), touch("call", day(12))] });
    const after = reclassify(before, day(14), { grade: "C" });
    const withEmail = { ...after, touches: [...after.touches, touch("email", day(15))] };
    expect(summary(computeCadence(playbook, withEmail)).sms).toEqual([7, 10]);
    const withWeChat = { ...after, touches: [...after.touches, touch("wechat", day(15))] };
    expect(summary(computeCadence(playbook, withWeChat)).sms).toEqual([30, 33]);
  });

  it("a stage change keeps a never-touched overdue channel overdue", () => {
    // Added as potential D on day 0 and never contacted: call and SMS overdue from day 25.
    const before = fresh("potential", "D");
    const after = reclassify(before, day(30), { stage: "intention", grade: "B" });
    const result = computeCadence(playbook, after);
    expect(result.overdueAt! <= day(30)).toBe(true);
    expect(summary(result)).toEqual({ call: [20, 25], sms: [20, 25] });
  });

  it("holds survive a second reclassification and a channel the new stage does not use", () => {
    const before = fresh("intention", "B", { touches: [touch("call", day(0)), touch("sms", day(0))] });
    const regraded = reclassify(before, day(12), { grade: "A" }); // SMS overdue since day 10
    const selection = reclassify(regraded, day(13), { stage: "selection", grade: null });
    expect(summary(computeCadence(playbook, selection))).toEqual({ call: [3, 5], sms: [7, 10] });
  });

  it("a reclassification at the very instant a channel becomes overdue holds it", () => {
    // SMS last on day 0: due day 7, overdue day 10 — re-graded to C at exactly day 10.
    const before = fresh("potential", "A", { touches: [touch("sms", day(0)), touch("call", day(9))] });
    const after = reclassify(before, day(10), { grade: "C" });
    expect(summary(computeCadence(playbook, after)).sms).toEqual([7, 10]);
  });

  it("a counting touch at the very instant of the reclassification releases the hold", () => {
    const before = fresh("potential", "A", { touches: [touch("sms", day(0)), touch("call", day(12))] });
    const after = reclassify(before, day(14), { grade: "C" });
    const touched = { ...after, touches: [touch("sms", day(14)), touch("call", day(12))] };
    // Released: grade C's 15 days from the touch on day 14.
    expect(summary(computeCadence(playbook, touched)).sms).toEqual([29, 32]);
  });

  it("a lost customer is due for nothing, held or not", () => {
    const before = fresh("potential", "D");
    const lost = reclassify(before, day(30), { stage: "lost", grade: null });
    expect(computeCadence(playbook, lost).channels).toEqual([]);
  });

  it("a channel not yet overdue follows the new grade from its last touch", () => {
    const before = fresh("potential", "C", { touches: [touch("call", day(0)), touch("sms", day(0))] });
    const after = reclassify(before, day(3), { grade: "A" });
    expect(after.held).toEqual([]);
    expect(summary(computeCadence(playbook, after))).toEqual({ call: [7, 10], sms: [7, 10] });
  });

  it("won: the after-sales call counts from the stage entry, but an overdue call stays overdue", () => {
    const before = fresh("selection", null, { touches: [touch("call", day(0))] }); // overdue from day 5
    const won = reclassify(before, day(8), { stage: "won", grade: null });
    expect(summary(computeCadence(playbook, won)).call).toEqual([3, 5]);
    const called = { ...won, touches: [touch("call", day(9), 1)] };
    expect(summary(computeCadence(playbook, called)).call).toEqual([19, 22]);
  });
});
