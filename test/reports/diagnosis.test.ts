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

  it("with no stages at all, or only one, still reads the shape", () => {
    expect(diagnose({ open: [], won: 0, newLeads: 0 })).toEqual([{ kind: "empty" }]);
    // One open stage: nothing above the top, and no last stage to be stuck in.
    expect(diagnose({ open: [{ stage: "potential", count: 50 }], won: 0, newLeads: 10 })).toEqual([{ kind: "weakQualification", top: 50, middle: 0 }]);
  });
  it("is empty only with no customer, no new lead and no win", () => {
    expect(diagnose({ open: funnel(1, 0, 0), won: 0, newLeads: 0 })).toEqual([{ kind: "healthy" }]);
    expect(diagnose({ open: funnel(0, 0, 0), won: 0, newLeads: 5 })).toEqual([{ kind: "healthy" }]);
    // Every open customer gone to won, no new lead: not prospecting.
    expect(diagnose({ open: funnel(0, 0, 0), won: 1, newLeads: 0 })).toEqual([{ kind: "notProspecting", newLeads: 0, won: 1 }]);
    // One at the top, one above it: as many in the middle as at the top, a thin top.
    expect(diagnose({ open: funnel(1, 1, 0), won: 0, newLeads: 0 })).toEqual([{ kind: "thinTop", top: 1, middle: 1 }]);
  });
  it("draws each line exactly at the handbook's figure", () => {
    // 30 in the middle per 100 at the top is still a full top; 31 is thin.
    expect(diagnose({ open: funnel(100, 26, 4), won: 1, newLeads: 50 })).toEqual([{ kind: "healthy" }]);
    expect(diagnose({ open: funnel(100, 27, 4), won: 1, newLeads: 50 })).toEqual([{ kind: "thinTop", top: 100, middle: 31 }]);
    // 10 new leads per win is enough; 9 is not.
    expect(diagnose({ open: funnel(100, 10, 4), won: 2, newLeads: 20 })).toEqual([{ kind: "healthy" }]);
    expect(diagnose({ open: funnel(100, 10, 4), won: 2, newLeads: 19 })).toEqual([{ kind: "notProspecting", newLeads: 19, won: 2 }]);
    // 3 waiting in the last stage with none won is stuck; 2 are too few to say; 4 waiting with 1 won is one in four, not stuck.
    expect(diagnose({ open: funnel(100, 10, 3), won: 0, newLeads: 10 })).toEqual([{ kind: "stuckMiddle", stage: "selection", count: 3, won: 0 }]);
    expect(diagnose({ open: funnel(100, 10, 2), won: 0, newLeads: 0 })).toEqual([{ kind: "healthy" }]);
    expect(diagnose({ open: funnel(100, 10, 4), won: 1, newLeads: 10 })).toEqual([{ kind: "healthy" }]);
    // 5 beyond the top per 100 is qualification enough; 4 is not. Below 20 at the top it is too early to say.
    expect(diagnose({ open: funnel(100, 3, 2), won: 0, newLeads: 10 })).toEqual([{ kind: "healthy" }]);
    expect(diagnose({ open: funnel(100, 2, 2), won: 0, newLeads: 10 })).toEqual([{ kind: "weakQualification", top: 100, middle: 4 }]);
    expect(diagnose({ open: funnel(20, 0, 0), won: 0, newLeads: 5 })).toEqual([{ kind: "weakQualification", top: 20, middle: 0 }]);
    expect(diagnose({ open: funnel(19, 0, 0), won: 0, newLeads: 5 })).toEqual([{ kind: "healthy" }]);
  });
});
