import { describe, expect, it } from "vitest";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { countMovements, type ChangeGroup } from "../../src/reports/movements.ts";

// The default playbook: potential (A B C D, default D), intention (A B, default B), selection, won, lost.
const playbook = await loadPlaybook("default");
const change = (from: [string, string | null] | null, to: [string, string | null], count: number, lossKind: string | null = null): ChangeGroup => ({
  fromStage: from?.[0] ?? null, fromGrade: from?.[1] ?? null, toStage: to[0], toGrade: to[1], lossKind, count,
});
const none = { new: 0, promoted: 0, demoted: 0, won: 0, lost: 0, reactivated: 0, cancelled: 0, churned: 0 };

describe("the movements of a span, from its recorded stage changes", () => {
  it("names each group and adds its count", () => {
    expect(countMovements(playbook, [
      change(null, ["potential", "D"], 3),
      change(null, ["intention", "B"], 1),
      change(["potential", "D"], ["potential", "B"], 2), // up a grade
      change(["potential", "C"], ["intention", "B"], 4), // up a stage
      change(["potential", "A"], ["potential", "C"], 1), // down a grade
      change(["intention", "A"], ["potential", "A"], 2), // down a stage
      change(["selection", null], ["won", null], 2),
      change(["intention", "B"], ["lost", null], 1),
      change(["lost", null], ["potential", "D"], 1),
    ])).toEqual({ new: 4, promoted: 6, demoted: 3, won: 2, lost: 1, reactivated: 1, cancelled: 0, churned: 0 });
  });

  it("counts a lost won deal as lost, and as cancelled or churned by how it was lost", () => {
    expect(countMovements(playbook, [
      change(["won", null], ["lost", null], 1, "cancelled"),
      change(["won", null], ["lost", null], 2, "churned"),
      change(["won", null], ["lost", null], 4),
    ])).toEqual({ ...none, lost: 7, cancelled: 1, churned: 2 });
  });

  it("counts nothing for a change that moved nowhere, or between stages the playbook no longer has", () => {
    expect(countMovements(playbook, [
      change(["potential", "B"], ["potential", "B"], 5),
      change(["retired", null], ["potential", "D"], 2),
    ])).toEqual(none);
    expect(countMovements(playbook, [])).toEqual(none);
  });
});
