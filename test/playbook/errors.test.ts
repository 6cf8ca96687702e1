import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { loadPlaybook, parsePlaybook, PlaybookError } from "../../src/playbook/load-playbook.ts";

const DEFAULT_TEXT = readFileSync(new URL("../../playbooks/default.yaml", import.meta.url), "utf8");

/** Test data is edited freely, like an admin would edit the YAML. */
type Doc = any;

/** The default playbook with one edit, parsed as `playbooks/x.yaml`; returns the error. */
function errorAfter(edit: (doc: Doc) => void, format: "yaml" | "json" = "yaml"): PlaybookError {
  const doc = parse(DEFAULT_TEXT) as Doc;
  edit(doc);
  const text = format === "json" ? JSON.stringify(doc) : stringify(doc);
  try {
    parsePlaybook(text, `playbooks/x.${format}`);
  } catch (error) {
    expect(error).toBeInstanceOf(PlaybookError);
    const message = (error as PlaybookError).message;
    // Written for the admin: no zod dump, no stack.
    expect(message).not.toMatch(/"code"|ZodError|\n\s+at /);
    return error as PlaybookError;
  }
  throw new Error("expected a PlaybookError");
}

describe("bad playbooks name the file, the field and what was expected", () => {
  it("an unknown cadence channel", () => {
    const error = errorAfter((doc) => (doc.stages[1].grades[0].cadence.phone = { every: 7 }));
    expect(error.message).toBe(
      "playbooks/x.yaml: stages[1].grades[0].cadence.phone: unknown channel; expected one of call, sms, visit, email, wechat",
    );
  });

  it("a negative interval", () => {
    const error = errorAfter((doc) => (doc.stages[1].grades[0].cadence.call.every = -7));
    expect(error.message).toBe("playbooks/x.yaml: stages[1].grades[0].cadence.call.every: expected a positive number of days");
  });

  it("an interval in words", () => {
    const error = errorAfter((doc) => (doc.stages[0].grades[2].cadence.sms.every = "two weeks"));
    expect(error.message).toBe("playbooks/x.yaml: stages[0].grades[2].cadence.sms.every: expected a positive number of days");
  });

  it("a duplicate stage id", () => {
    const error = errorAfter((doc) => (doc.stages[2].id = "intention"));
    expect(error.message).toContain('playbooks/x.yaml: stages[2].id: duplicate stage id "intention"');
  });

  it("an alias used by two stages, case-insensitively", () => {
    const error = errorAfter((doc) => doc.stages[2].aliases.push("Prospect"));
    expect(error.message).toBe('playbooks/x.yaml: stages[2].aliases[2]: "Prospect" is already used by stage "potential"');
  });

  it("a defaultGrade that is not a grade", () => {
    const error = errorAfter((doc) => (doc.stages[0].defaultGrade = "E"));
    expect(error.message).toBe("playbooks/x.yaml: stages[0].defaultGrade: expected one of A, B, C, D");
  });

  it("a graded stage without a defaultGrade", () => {
    const error = errorAfter((doc) => delete doc.stages[1].defaultGrade);
    expect(error.message).toBe("playbooks/x.yaml: stages[1].defaultGrade: is required when the stage has grades (expected one of A, B)");
  });

  it("two won stages", () => {
    // Selection has prerequisites, which only an open stage may have: drop them, this test is about the kind.
    const error = errorAfter((doc) => ((doc.stages[2].kind = "won"), delete doc.stages[2].requires));
    expect(error.message).toBe("playbooks/x.yaml: stages[3].kind: expected exactly one won stage; stages[2] is already won");
  });

  it("no lost stage", () => {
    const error = errorAfter((doc) => (doc.stages[4].kind = "open"));
    expect(error.message).toBe("playbooks/x.yaml: stages: expected exactly one stage of kind lost, found none");
  });

  it("an unknown stage kind", () => {
    const error = errorAfter((doc) => (doc.stages[4].kind = "dead"));
    expect(error.message).toBe("playbooks/x.yaml: stages[4].kind: expected open, won or lost");
  });

  it("a defaultStage that is missing or not open", () => {
    expect(errorAfter((doc) => (doc.defaultStage = "nurture")).message).toBe(
      "playbooks/x.yaml: defaultStage: expected one of potential, intention, selection, won, lost",
    );
    expect(errorAfter((doc) => (doc.defaultStage = "won")).message).toMatch(/defaultStage: expected an open stage \(potential, intention, selection\)/);
  });

  it("a tracked grade the stage does not have", () => {
    const error = errorAfter((doc) => (doc.stages[1].trackedGrades = ["A", "C"]));
    expect(error.message).toBe("playbooks/x.yaml: stages[1].trackedGrades[1]: expected one of A, B");
  });

  it("a cadence on a lost stage", () => {
    const error = errorAfter((doc) => (doc.stages[4].cadence = { call: { every: 30 } }));
    expect(error.message).toMatch(/stages\[4\]\.cadence: a lost stage has no cadence/);
  });

  it("a stage cadence on a graded stage", () => {
    const error = errorAfter((doc) => (doc.stages[0].cadence = { call: { every: 30 } }));
    expect(error.message).toMatch(/stages\[0\]\.cadence: a graded stage takes its cadence from its grades/);
  });

  it("a rule with both every and at, or neither", () => {
    expect(errorAfter((doc) => (doc.stages[2].cadence.call.at = [1, 2])).message).toBe(
      "playbooks/x.yaml: stages[2].cadence.call.at: give either every or at, not both",
    );
    expect(errorAfter((doc) => (doc.stages[2].cadence.call = { overdueAfter: 5 })).message).toMatch(
      /stages\[2\]\.cadence\.call: expected either every \(days between touches\) or at/,
    );
  });

  it("overdueAfter shorter than every", () => {
    const error = errorAfter((doc) => (doc.stages[2].cadence.call.overdueAfter = 2));
    expect(error.message).toMatch(/^playbooks\/x\.yaml: stages\[2\]\.cadence\.call\.overdueAfter: expected at least every \(3\) days/);
  });

  it("at offsets out of order", () => {
    const error = errorAfter((doc) => (doc.stages[3].cadence.sms = { at: [3, 14, 7] }));
    expect(error.message).toMatch(/stages\[3\]\.cadence\.sms\.at\[2\]: expected offsets in increasing order \(after 14\)/);
  });

  it("a misspelt field, which would otherwise be silently ignored", () => {
    const error = errorAfter((doc) => {
      doc.stages[2].cadance = doc.stages[2].cadence;
      delete doc.stages[2].cadence;
    });
    expect(error.message).toBe("playbooks/x.yaml: stages[2].cadance: unknown field; check the spelling");
  });

  it("an unknown filing field and a missing name", () => {
    const error = errorAfter((doc) => {
      doc.filing.required.push("birthday");
      delete doc.stages[0].name.zh;
    }, "json");
    expect(error.problems).toEqual([
      "stages[0].name.zh: is required",
      expect.stringMatching(/^filing\.required\[6\]: expected one of company, contact, title, mobile/),
    ]);
    expect(error.message.split("\n").every((line) => line.startsWith("playbooks/x.json: "))).toBe(true);
  });

  it("a duplicate lost-reason alias", () => {
    const error = errorAfter((doc) => doc.lostReasons[1].aliases.push("贵"));
    expect(error.message).toMatch(/lostReasons\[1\]\.aliases\[4\]: "贵" is already used by lost reason "price"/);
  });
});

describe("files that cannot be parsed or found", () => {
  it("invalid YAML names the line", () => {
    expect(() => parsePlaybook("id: x\nname: { en: a\nstages: [", "broken.yaml")).toThrow(/^broken\.yaml: line \d+, column \d+: invalid YAML/);
  });

  it("invalid JSON", () => {
    expect(() => parsePlaybook("{ id: ", "broken.json")).toThrow(/^broken\.json: invalid JSON/);
  });

  it("an empty file", () => {
    expect(() => parsePlaybook("", "empty.yaml")).toThrow("empty.yaml: the playbook is empty");
  });

  it("an unknown preset lists the available ones", async () => {
    await expect(loadPlaybook("dealer")).rejects.toThrow(
      'playbook "dealer": unknown preset; available presets: dealer-4s, default, opportunity-pipeline',
    );
  });

  it("a missing file", async () => {
    await expect(loadPlaybook("./nowhere/team.yaml")).rejects.toThrow("./nowhere/team.yaml: cannot read the playbook (no such file)");
  });
});
