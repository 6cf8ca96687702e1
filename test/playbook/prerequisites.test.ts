import { describe, expect, it } from "vitest";
import { prerequisiteShapes } from "./prerequisite-shapes.ts";
import { loadPlaybook, parsePlaybook, PlaybookError } from "../../src/playbook/load-playbook.ts";
import { missingPrerequisites } from "../../src/playbook/prerequisites.ts";

const playbook = await loadPlaybook("default");

describe("stage prerequisites (default playbook, [000])", () => {
  it("selection needs an A-grade intention customer with an approved filing", () => {
    expect(missingPrerequisites(playbook, { stage: "intention", grade: "A", filingStatus: "approved" }, "selection")).toEqual([]);
  });

  it("names everything that is missing", () => {
    const missing = missingPrerequisites(playbook, { stage: "potential", grade: "C", filingStatus: "none" }, "selection");
    expect(missing).toEqual([
      { kind: "from", allowed: [{ stage: "intention", grades: ["A"] }], current: { stage: "potential", grade: "C" } },
      { kind: "filingApproved", filingStatus: "none" },
    ]);
    expect(missingPrerequisites(playbook, { stage: "intention", grade: "B", filingStatus: "approved" }, "selection").map((m) => m.kind)).toEqual(["from"]);
    expect(missingPrerequisites(playbook, { stage: "intention", grade: "a", filingStatus: "pending" }, "selection").map((m) => m.kind)).toEqual(["filingApproved"]);
  });

  it("a customer being added meets none: it comes from no stage and has filed nothing", () => {
    expect(missingPrerequisites(playbook, null, "selection")).toEqual([
      { kind: "from", allowed: [{ stage: "intention", grades: ["A"] }], current: null },
      { kind: "filingApproved", filingStatus: "none" },
    ]);
    expect(missingPrerequisites(playbook, null, "intention")).toEqual([]);
  });

  it("does not apply within the stage, nor to stages without prerequisites", () => {
    expect(missingPrerequisites(playbook, { stage: "selection", grade: null, filingStatus: "none" }, "selection")).toEqual([]);
    expect(missingPrerequisites(playbook, { stage: "potential", grade: "D", filingStatus: "none" }, "intention")).toEqual([]);
    expect(missingPrerequisites(playbook, { stage: "potential", grade: "D", filingStatus: "none" }, "won")).toEqual([]);
  });
});

describe("stage prerequisites of other shapes", () => {
  const shapes = prerequisiteShapes();

  it("a stage to come from without grades takes any grade of it, none included", () => {
    expect(missingPrerequisites(shapes, { stage: "open", grade: "B", filingStatus: "none" }, "demo")).toEqual([]);
    expect(missingPrerequisites(shapes, { stage: "open", grade: null, filingStatus: "none" }, "demo")).toEqual([]);
    expect(missingPrerequisites(shapes, { stage: "quote", grade: null, filingStatus: "approved" }, "demo")).toEqual([
      { kind: "from", allowed: [{ stage: "open", grades: [] }], current: { stage: "quote", grade: null } },
    ]);
  });

  it("an approved filing alone, from any stage", () => {
    expect(missingPrerequisites(shapes, { stage: "demo", grade: null, filingStatus: "approved" }, "quote")).toEqual([]);
    expect(missingPrerequisites(shapes, { stage: "open", grade: "A", filingStatus: "rejected" }, "quote")).toEqual([
      { kind: "filingApproved", filingStatus: "rejected" },
    ]);
    expect(missingPrerequisites(shapes, null, "quote")).toEqual([{ kind: "filingApproved", filingStatus: "none" }]);
  });

  it("any of the stages and grades listed will do", () => {
    expect(missingPrerequisites(shapes, { stage: "open", grade: "b", filingStatus: "none" }, "deal")).toEqual([]);
    expect(missingPrerequisites(shapes, { stage: "demo", grade: null, filingStatus: "none" }, "deal")).toEqual([]);
    expect(missingPrerequisites(shapes, { stage: "quote", grade: null, filingStatus: "none" }, "deal").map((m) => m.kind)).toEqual(["from"]);
  });

  it("a stage the playbook does not have requires nothing", () => {
    expect(missingPrerequisites(shapes, { stage: "open", grade: "A", filingStatus: "none" }, "nurture")).toEqual([]);
  });

  it("a customer with no grade does not have the grade listed", () => {
    const ungraded = { stage: "intention", grade: null, filingStatus: "approved" };
    expect(missingPrerequisites(playbook, ungraded, "selection").map((m) => m.kind)).toEqual(["from"]);
  });
});

describe("checking prerequisites and countsAs in a playbook file", () => {
  const base = (extra: string) => `
id: t
name: { en: T, zh: 测试 }
defaultStage: open
${extra}
stages:
  - id: open
    name: { en: Open, zh: 跟进 }
    kind: open
    grades:
      - { id: A, name: { en: A, zh: A }, criterion: { en: a, zh: a }, cadence: { call: { every: 7 } } }
    defaultGrade: A
  - id: hot
    name: { en: Hot, zh: 热 }
    kind: open
    requires: { from: [{ stage: opne, grades: [A] }, { stage: open, grades: [Z] }] }
  - { id: won, name: { en: Won, zh: 成交 }, kind: won }
  - { id: lost, name: { en: Lost, zh: 战败 }, kind: lost }
`;

  it("names the unknown stage and grade by their path", () => {
    let problems: readonly string[] = [];
    try {
      parsePlaybook(base(""), "t.yaml");
    } catch (error) {
      problems = (error as PlaybookError).problems;
    }
    expect(problems).toEqual([
      "stages[1].requires.from[0].stage: expected one of open, hot, won, lost",
      "stages[1].requires.from[1].grades[0]: expected one of A",
    ]);
  });

  it("only on an open stage that is not where new customers start", () => {
    const fixed = base("").replace("opne", "open").replace("[Z]", "[A]");
    const onWon = fixed.replace("kind: won }", "kind: won, requires: { filingApproved: true } }");
    expect(() => parsePlaybook(onWon, "t.yaml")).toThrow("stages[2].requires: only an open stage can have prerequisites; won is won");
    const onDefault = fixed.replace("defaultStage: open", "defaultStage: hot");
    expect(() => parsePlaybook(onDefault, "t.yaml")).toThrow("defaultStage: new customers start at hot, so it cannot have prerequisites (requires)");
  });

  it("refuses a channel counting for itself and an unknown channel", () => {
    const fixed = base("countsAs: { visit: [visit, fax] }").replace("opne", "open").replace("[Z]", "[A]");
    expect(() => parsePlaybook(fixed, "t.yaml")).toThrow(/countsAs\.visit\[1\]: expected one of call, sms, visit, email, wechat/);
    const self = base("countsAs: { visit: [visit] }").replace("opne", "open").replace("[Z]", "[A]");
    expect(() => parsePlaybook(self, "t.yaml")).toThrow("countsAs.visit[0]: a visit already counts for itself; list other channels");
  });
});
