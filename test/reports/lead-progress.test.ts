import { describe, expect, it } from "vitest";
import { progressOf } from "../../src/reports/lead-target.ts";

describe("a month's lead plan against the leads already in", () => {
  it("counts the leads of each planned source, whatever their case or spaces, and what is still to find", () => {
    const plan = [
      { source: "Trade show", share: 0.5, needed: 2.5 },
      { source: "", share: 0.3, needed: 3 },
      { source: "Referral", share: 0.2, needed: 1 },
    ];
    const leads = [
      { source: " trade SHOW ", count: 1 },
      { source: "trade show", count: 1 },
      { source: "", count: 5 },
      { source: "web", count: 2 },
    ];
    expect(progressOf(plan, leads)).toEqual([
      { source: "Trade show", share: 0.5, needed: 2.5, current: 2, gap: 1 }, // 2.5 leads is 3 to find
      { source: "", share: 0.3, needed: 3, current: 5, gap: 0 }, // more than needed: nothing to find, never less
      { source: "Referral", share: 0.2, needed: 1, current: 0, gap: 1 },
    ]);
  });

  it("does not round a whole number of leads up for the dust of floating point", () => {
    // 0.1 × 3 × 10 is 3.0000000000000004 in floating point: three leads, not four.
    expect(progressOf([{ source: "web", share: 0.1, needed: 0.1 * 3 * 10 }], [])[0]!.gap).toBe(3);
  });
});
