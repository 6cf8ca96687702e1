import { describe, expect, it } from "vitest";
import { classLabel, gradeBreakdown, gradeWithLevel, lostReasonLabel, stageName, stageOfKind } from "../../src/customers/playbook-terms.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";

const playbook = await loadPlaybook("default");

describe("the playbook's words for a person", () => {
  it("names the won and the lost stage", () => {
    expect(stageOfKind(playbook, "won").id).toBe("won");
    expect(stageOfKind(playbook, "lost").id).toBe("lost");
  });

  it("names a stage in the reader's language, or by its id when the playbook has it no more", () => {
    expect(stageName(playbook, "intention", "en")).toBe("Intention");
    expect(stageName(playbook, "intention", "zh-CN")).toBe("意向客户");
    expect(stageName(playbook, "nurture", "zh-CN")).toBe("nurture");
  });

  it("labels a class as 'stage · grade' in English and '阶段 X级' in Chinese", () => {
    expect(classLabel(playbook, "potential", "A", "en")).toBe("Potential · A");
    expect(classLabel(playbook, "potential", "A", "zh-CN")).toBe("潜在客户 A级");
    expect(classLabel(playbook, "selection", null, "en")).toBe("Selection");
    expect(classLabel(playbook, "selection", null, "zh-CN")).toBe("选型客户");
  });

  it("adds 级 to a grade only when it is not already there", () => {
    expect(gradeWithLevel("A")).toBe("A级");
    expect(gradeWithLevel("O级")).toBe("O级");
    expect(gradeWithLevel("级A")).toBe("级A级");
  });

  it("breaks a stage's count down by grade, with full-width brackets in Chinese", () => {
    const grades = [{ grade: "A", count: 2 }, { grade: "B", count: 0 }, { grade: "C", count: 3 }];
    expect(gradeBreakdown(5, grades, "en")).toBe("5 (A 2 · B 0 · C 3)");
    expect(gradeBreakdown(5, grades, "zh-CN")).toBe("5（A 2 · B 0 · C 3）");
  });

  it("gives the bare count for an ungraded stage or an empty one", () => {
    expect(gradeBreakdown(7, [], "en")).toBe("7");
    expect(gradeBreakdown(0, [{ grade: "A", count: 0 }], "zh-CN")).toBe("0");
  });

  it("names a stored lost reason in the reader's language, or as stored when the playbook has it no more", () => {
    expect(lostReasonLabel(playbook, "price", "en")).toBe("Price");
    expect(lostReasonLabel(playbook, "price", "zh-CN")).toBe("价格");
    expect(lostReasonLabel(playbook, "went bust", "en")).toBe("went bust");
  });
});
