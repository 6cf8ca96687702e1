import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/reports/diagnosis.ts";

const funnel = (p: number, i: number, s: number) => [{ stage: "potential", count: p }, { stage: "intention", count: i }, { stage: "selection", count: s }];

describe("the pipeline's shape against the handbook's pyramid", () => {
  it("finds the handbook's shape healthy", () => {
    expect(diagnose({ open: funnel(100, 10, 4), won: 2, newLeads: 60 })).toEqual([{ kind: "healthy" }]);
  });
  it("says when there is nothing yet", () => {
    expect(diagnose({ open: funnel(0, 0, 0), won: 0, newLeads: 0 })).toEqual([{ kind: "empty" }]);
  });
  it("many won but few new leads: not prospecting [004]", () => {
    expect(diagnose({ open: funnel(100, 10, 4), won: 5, newLeads: 20 })).toEqual([{ kind: "notProspecting", newLeads: 20, won: 5 }]);
  });
  it("stuck in the middle: proposals not landing [004]", () => {
    expect(diagnose({ open: funnel(200, 20, 12), won: 2, newLeads: 100 })).toEqual([{ kind: "stuckMiddle", stage: "selection", count: 12, won: 2 }]);
  });
  it("a thin top, and prospects that do not move up", () => {
    expect(diagnose({ open: funnel(20, 10, 3), won: 1, newLeads: 30 })).toEqual([{ kind: "thinTop", top: 20, middle: 13 }]);
    expect(diagnose({ open: funnel(100, 2, 1), won: 1, newLeads: 50 })).toEqual([{ kind: "weakQualification", top: 100, middle: 3 }]);
  });
});
