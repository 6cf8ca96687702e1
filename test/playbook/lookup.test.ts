import { describe, expect, it } from "vitest";
import { loadPlaybook, parsePlaybook } from "../../src/playbook/load-playbook.ts";
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

describe("words that could mean two things", () => {
  // Names are not checked for clashes (ids and aliases are): a stage named like another's id,
  // a grade named like another's id.
  const words = parsePlaybook(
    `
id: words
name: { en: Words, zh: 词 }
defaultStage: fresh
stages:
  - id: fresh
    name: { en: Later, zh: 新 }
    kind: open
    grades:
      - { id: A, name: { en: B, zh: 热 }, criterion: { en: a, zh: a }, cadence: { call: { every: 3 } } }
      - { id: B, name: { en: Warm, zh: 温 }, criterion: { en: b, zh: b }, cadence: { call: { every: 5 } } }
      - { id: C, name: { en: Cold, zh: 冷 }, criterion: { en: c, zh: c }, cadence: { call: { every: 9 } } }
    defaultGrade: A
    trackedGrades: [a]
  - { id: later, name: { en: Fresh, zh: 后 }, kind: open, cadence: { call: { every: 5 } } }
  - { id: won, name: { en: Won, zh: 成交 }, kind: won }
  - { id: lost, name: { en: Lost, zh: 战败 }, kind: lost }
lostReasons:
  - { id: price, name: { en: Price, zh: 价格 }, aliases: [太贵, 太贵了] }
  - { id: quality, name: { en: Quality, zh: 质量 }, aliases: [质量差, c++] }
  - { id: competitor, name: { en: Competitor, zh: 对手 }, aliases: [competition] }
  - { id: dealer, name: { en: Dealer, zh: 经销商 }, aliases: [4s店] }
`,
    "words.yaml",
  );
  const fresh = findStage(words, "fresh")!;

  it("an id wins over another stage's or grade's name", () => {
    expect(findStage(words, "later")?.id).toBe("later");
    expect(findStage(words, "Fresh")?.id).toBe("fresh");
    expect(findGrade(fresh, "B")?.id).toBe("B");
  });

  it("a grade is found by its name, or with 级, 类 or 類 after it", () => {
    expect(findGrade(fresh, "warm")?.id).toBe("B");
    expect(findGrade(fresh, "冷")?.id).toBe("C");
    expect(["b级", "B类", "c類"].map((w) => findGrade(fresh, w)?.id)).toEqual(["B", "B", "C"]);
    expect(findGrade(fresh, "B级级")).toBeUndefined();
    expect(findGrade(fresh, "级B")).toBeUndefined();
  });

  it("a lost reason: the first word when it is one, before a longer word further on", () => {
    expect(findLostReason(words, "price competition was cheaper")?.id).toBe("price");
    expect(findLostReason(words, "the competition was cheaper")?.id).toBe("competitor");
  });

  it("a lost reason: the longest word the text contains, the earlier reason on a tie", () => {
    expect(findLostReason(words, "太贵了而且质量差")?.id).toBe("price");
    expect(findLostReason(words, "质量差而且太贵")?.id).toBe("quality");
    expect(findLostReason(words, "说是太贵，还有质量问题")?.id).toBe("price");
  });

  it("a Latin word with symbols matches as written, and only as a word", () => {
    expect(findLostReason(words, "they only hire c++ people")?.id).toBe("quality");
    expect(findLostReason(words, "they only hire cxx people")).toBeUndefined();
    expect(findLostReason(words, "lost to the competition.")?.id).toBe("competitor");
    expect(findLostReason(words, "competitions")).toBeUndefined();
    expect(findLostReason(words, "plan c was chosen")).toBeUndefined();
  });

  it("a word with Chinese in it matches anywhere, even glued to a Latin word", () => {
    expect(findLostReason(words, "iphone太贵")?.id).toBe("price");
    expect(findLostReason(words, "vw4s店太远")?.id).toBe("dealer");
  });

  it("the digest follows the default grade when none is set, in any case", () => {
    expect(isTracked(words, "fresh", null)).toBe(true);
    expect(isTracked(words, "fresh", "A")).toBe(true);
    expect(isTracked(words, "fresh", "b")).toBe(false);
    expect(isTracked(words, "later", null)).toBe(false);
    expect(isTracked(words, "nurture", "A")).toBe(false);
  });

  it("a move: an unset grade is the default grade; an unknown stage or grade is no move", () => {
    const at = (stage: string, grade: string | null = null) => ({ stage, grade });
    expect(classifyMove(words, at("fresh", null), at("fresh", "b"))).toBe("demoted");
    expect(classifyMove(words, at("fresh", "C"), at("fresh", null))).toBe("promoted");
    expect(classifyMove(words, at("fresh", "A"), at("fresh", "a"))).toBe("unchanged");
    expect(classifyMove(words, at("fresh", "Z"), at("fresh", "A"))).toBe("unchanged");
    expect(classifyMove(words, at("fresh", "A"), at("fresh", "Z"))).toBe("unchanged");
    expect(classifyMove(words, at("nurture"), at("fresh", "A"))).toBe("unchanged");
    expect(classifyMove(words, at("fresh", "A"), at("nurture"))).toBe("unchanged");
    expect(classifyMove(words, at("later"), at("fresh", "A"))).toBe("demoted");
    expect(classifyMove(words, at("lost"), at("won"))).toBe("won");
    expect(classifyMove(words, at("won"), at("later"))).toBe("demoted");
  });
});
