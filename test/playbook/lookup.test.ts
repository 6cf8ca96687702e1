import { describe, expect, it } from "vitest";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { classifyMove, findGrade, findLostReason, findStage, isTracked } from "../../src/playbook/lookup.ts";

const playbook = await loadPlaybook("default");
const dealer = await loadPlaybook("dealer-4s");

describe("words reps type", () => {
  it("find a stage by id, alias or name, case-insensitively", () => {
    expect(findStage(playbook, "intention")?.id).toBe("intention");
    expect(findStage(playbook, " 意向 ")?.id).toBe("intention");
    expect(findStage(playbook, "Selection")?.id).toBe("selection");
    expect(findStage(playbook, "潜在客户")?.id).toBe("potential");
    expect(findStage(playbook, "战败")?.id).toBe("lost");
    expect(findStage(dealer, "o级")?.id).toBe("ordered");
    expect(findStage(playbook, "nurture")).toBeUndefined();
  });

  it("find a grade as A, a or A级", () => {
    const potential = findStage(playbook, "potential")!;
    expect(["A", "a", "A级"].map((w) => findGrade(potential, w)?.id)).toEqual(["A", "A", "A"]);
    expect(findGrade(potential, "E")).toBeUndefined();
  });

  it("normalize lost reasons from free text", () => {
    expect(findLostReason(playbook, "price")?.id).toBe("price");
    expect(findLostReason(playbook, "Competitor went with Acme")?.id).toBe("competitor");
    expect(findLostReason(playbook, "太贵了,再看看")?.id).toBe("price");
    expect(findLostReason(playbook, "客户说以后再说")?.id).toBe("timing");
    expect(findLostReason(dealer, "跟进不及时,客户去了别家")?.id).toBe("slow-follow-up");
    expect(findLostReason(dealer, "动力不足")?.id).toBe("power-handling");
    expect(findLostReason(playbook, "no idea")).toBeUndefined();
    expect(findLostReason(playbook, "  ")).toBeUndefined();
  });

  it("match Latin aliases as whole words only", () => {
    // "budget" is an alias of no-budget; "budgetary" is not the word.
    expect(findLostReason(playbook, "budgetary concerns")).toBeUndefined();
    expect(findLostReason(playbook, "no real budget")?.id).toBe("no-budget");
  });
});

describe("the director's digest", () => {
  it("follows A-grade intention and every selection customer", () => {
    expect(isTracked(playbook, "intention", "A")).toBe(true);
    expect(isTracked(playbook, "intention", "B")).toBe(false);
    expect(isTracked(playbook, "intention", null)).toBe(false);
    expect(isTracked(playbook, "selection", null)).toBe(true);
    expect(isTracked(playbook, "potential", "A")).toBe(false);
    expect(isTracked(dealer, "intention", "h")).toBe(true);
  });
});

describe("funnel movements", () => {
  const at = (stage: string, grade: string | null = null) => ({ stage, grade });

  it("read stage order and grade order", () => {
    expect(classifyMove(playbook, at("potential", "A"), at("intention", "B"))).toBe("promoted");
    expect(classifyMove(playbook, at("selection"), at("intention", "A"))).toBe("demoted");
    expect(classifyMove(playbook, at("potential", "D"), at("potential", "C"))).toBe("promoted");
    expect(classifyMove(playbook, at("potential", "A"), at("potential", "B"))).toBe("demoted");
    expect(classifyMove(playbook, at("potential", null), at("potential", "D"))).toBe("unchanged");
  });

  it("name won, lost and re-activation whatever the order", () => {
    expect(classifyMove(playbook, at("selection"), at("won"))).toBe("won");
    expect(classifyMove(playbook, at("won"), at("lost"))).toBe("lost");
    expect(classifyMove(playbook, at("lost"), at("potential", "D"))).toBe("reactivated");
  });
});
