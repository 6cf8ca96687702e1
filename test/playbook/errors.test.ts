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

describe("a value of the wrong kind is named for what it is", () => {
  it.each([
    [(doc: Doc) => (doc.stages[0].name = ["Potential"]), "stages[0].name: expected a mapping (key: value), got a list"],
    [(doc: Doc) => (doc.stages[0].aliases = "prospect"), 'stages[0].aliases: expected a list, got the text "prospect"'],
    [(doc: Doc) => (doc.stages[0].name.en = { text: "x" }), "stages[0].name.en: expected text, got a mapping"],
    [(doc: Doc) => (doc.stages[0].name.en = null), "stages[0].name.en: expected text, got nothing (null)"],
    [(doc: Doc) => (doc.stages[0].tracked = "yes"), 'stages[0].tracked: expected true or false, got the text "yes"'],
    [(doc: Doc) => (doc.overdueGraceDays = true), "overdueGraceDays: expected a number of days (0 or more)"],
    [(doc: Doc) => (doc.pool = { holdingLimit: "many" }), 'pool.holdingLimit: expected a number, got the text "many"'],
    [(doc: Doc) => (doc.stages[0].name.en = 42), "stages[0].name.en: expected text, got number 42"],
  ])("%#", (edit, problem) => {
    expect(errorAfter(edit).problems).toEqual([problem]);
  });

  it("quotes a long text only up to its 40th character", () => {
    const forty = "x".repeat(40);
    expect(errorAfter((doc) => (doc.stages[0].tracked = forty)).problems).toEqual([`stages[0].tracked: expected true or false, got the text "${forty}"`]);
    expect(errorAfter((doc) => (doc.stages[0].tracked = `${forty}yz`)).problems).toEqual([`stages[0].tracked: expected true or false, got the text "${forty}…"`]);
  });

  it("a playbook that is not a mapping at all has no field path", () => {
    expect(() => parsePlaybook("just some text", "t.yaml")).toThrow(/^t\.yaml: expected a mapping \(key: value\), got the text "just some text"$/);
  });

  it("one problem a line, each naming the file, in an error named PlaybookError", () => {
    const error = errorAfter((doc) => ((doc.stages[0].name = 1), (doc.stages[1].name = 2)));
    expect(error.name).toBe("PlaybookError");
    expect(error.message).toBe(
      "playbooks/x.yaml: stages[0].name: expected a mapping (key: value), got number 1\nplaybooks/x.yaml: stages[1].name: expected a mapping (key: value), got number 2",
    );
  });
});

describe("rules that span fields name the one field to change", () => {
  // The default playbook's stages: [0] potential A–D, [1] intention A–B, [2] selection (no grades,
  // requires intention A), [3] won, [4] lost. Each edit breaks exactly one rule.
  const problems = (edit: (doc: Doc) => void) => errorAfter(edit).problems;

  it("a channel counted for itself", () => {
    expect(problems((doc) => (doc.countsAs.visit = ["call", "visit", "sms"]))).toEqual(["countsAs.visit[1]: a visit already counts for itself; list other channels"]);
  });

  it("a default stage with prerequisites", () => {
    expect(problems((doc) => (doc.defaultStage = "selection"))).toEqual(["defaultStage: new customers start at selection, so it cannot have prerequisites (requires)"]);
  });

  it("a grade listed twice in one stage, in any case", () => {
    expect(problems((doc) => (doc.stages[0].grades[2].id = "a"))).toEqual(['stages[0].grades[2].id: duplicate grade "a" (also grades[0])']);
  });

  it("grades on the lost stage", () => {
    expect(problems((doc) => ((doc.stages[4].grades = [doc.stages[0].grades[0]]), (doc.stages[4].defaultGrade = "A")))).toEqual([
      "stages[4].grades: a lost stage is not graded",
    ]);
  });

  it("a default or tracked grade on a stage without grades", () => {
    expect(problems((doc) => (doc.stages[2].defaultGrade = "A"))).toEqual(["stages[2].defaultGrade: the stage has no grades"]);
    expect(problems((doc) => (doc.stages[2].trackedGrades = ["A", "B"]))).toEqual([
      "stages[2].trackedGrades[0]: the stage has no grades",
      "stages[2].trackedGrades[1]: the stage has no grades",
    ]);
  });

  it("prerequisites on a stage that is not open", () => {
    expect(problems((doc) => (doc.stages[3].requires = { from: [{ stage: "selection" }] }))).toEqual(["stages[3].requires: only an open stage can have prerequisites; won is won"]);
  });

  it("a prerequisite stage that does not exist, or is the stage itself", () => {
    expect(problems((doc) => (doc.stages[2].requires.from[0].stage = "intent"))).toEqual([
      "stages[2].requires.from[0].stage: expected one of potential, intention, selection, won, lost",
    ]);
    expect(problems((doc) => (doc.stages[2].requires.from = [{ stage: "selection" }]))).toEqual(["stages[2].requires.from[0].stage: a stage cannot be its own prerequisite"]);
  });

  it("a prerequisite grade: matched in any case, else the stage's grades are listed", () => {
    expect(() => parsePlaybook(stringify(edited((doc) => (doc.stages[2].requires.from[0].grades = ["a"]))), "playbooks/x.yaml")).not.toThrow();
    expect(problems((doc) => (doc.stages[2].requires.from[0].grades = ["A", "Z"]))).toEqual(["stages[2].requires.from[0].grades[1]: expected one of A, B"]);
    // Selection has no grades: requiring a graded selection customer names that.
    expect(problems((doc) => (doc.stages[1].requires = { from: [{ stage: "selection", grades: ["A"] }] }))).toEqual([
      "stages[1].requires.from[0].grades[0]: selection has no grades",
    ]);
  });

  it("a prerequisite of an approved filing alone, from any stage", () => {
    const playbook = parsePlaybook(stringify(edited((doc) => (doc.stages[2].requires = { filingApproved: true }))), "playbooks/x.yaml");
    expect(playbook.stages[2]!.requires).toMatchObject({ filingApproved: true });
  });

  it("an alias may repeat its own stage's id, in any case, but not another stage's", () => {
    expect(() => parsePlaybook(stringify(edited((doc) => doc.stages[0].aliases.push("Potential"))), "playbooks/x.yaml")).not.toThrow();
    expect(problems((doc) => doc.stages[2].aliases.push("INTENTION"))).toEqual(['stages[2].aliases[2]: "INTENTION" is already used by stage "intention"']);
  });

  it("the director's rules name stages and grades of the playbook", () => {
    expect(problems((doc) => (doc.pool.reclaim[1].stage = "intent"))).toEqual(["pool.reclaim[1].stage: unknown stage intent; stages: potential, intention, selection, won, lost"]);
    expect(problems((doc) => (doc.escalation[1].grades = ["B", "Z"]))).toEqual(["escalation[1].grades[1]: intention has no grade Z"]);
    expect(problems((doc) => (doc.escalation[4].stage = "deal"))).toEqual(["escalation[4].stage: unknown stage deal; stages: potential, intention, selection, won, lost"]);
  });

  it("the director's day counts are whole days, at least one", () => {
    expect(problems((doc) => (doc.escalation[0].escalateAfter = 0))).toEqual(["escalation[0].escalateAfter: expected at least 1 day"]);
    expect(problems((doc) => (doc.pool.unfiledDays = "a month"))).toEqual(["pool.unfiledDays: expected a number of days"]);
    expect(problems((doc) => (doc.escalation[0].grades = [""]))).toEqual(["escalation[0].grades[0]: expected text, got an empty one", "escalation[0].grades[0]: intention has no grade "]);
    expect(problems((doc) => (doc.pool.holdingLimit = 0))).toEqual(["pool.holdingLimit: expected at least 1"]);
    expect(problems((doc) => (doc.pool.cooldownDays = -1))).toEqual(["pool.cooldownDays: expected at least 0"]);
  });

  it("the pool shows province, city, source and size when the playbook does not say", () => {
    const playbook = parsePlaybook(stringify(edited((doc) => delete doc.pool.shownFields)), "playbooks/x.yaml");
    expect(playbook.pool.shownFields).toEqual(["province", "city", "source", "size"]);
  });
});

describe("the shape of each field, with the words an admin reads", () => {
  const problems = (edit: (doc: Doc) => void) => errorAfter(edit).problems;
  const parsed = (edit: (doc: Doc) => void) => parsePlaybook(stringify(edited(edit)), "playbooks/x.yaml");
  const LOWER_ID = "expected a lowercase id of letters, digits and dashes, such as potential";

  it("ids are lowercase letters, digits and dashes, starting with a letter, and nothing after", () => {
    expect(problems((doc) => (doc.lostReasons[0].id = "Price"))).toEqual([`lostReasons[0].id: ${LOWER_ID}`]);
    expect(problems((doc) => (doc.lostReasons[0].id = "price!"))).toEqual([`lostReasons[0].id: ${LOWER_ID}`]);
    expect(parsed((doc) => (doc.lostReasons[0].id = "price-2")).lostReasons[0]!.id).toBe("price-2");
  });

  it("grade codes are letters or digits (dashes after the first), and nothing after", () => {
    const GRADE = "expected a short code of letters or digits, such as A";
    expect(problems((doc) => (doc.stages[1].trackedGrades = ["-A"]))).toEqual([`stages[1].trackedGrades[0]: ${GRADE}`, "stages[1].trackedGrades[0]: expected one of A, B"]);
    expect(problems((doc) => (doc.stages[1].trackedGrades = ["A+"]))).toEqual([`stages[1].trackedGrades[0]: ${GRADE}`, "stages[1].trackedGrades[0]: expected one of A, B"]);
    expect(problems((doc) => (doc.stages[1].trackedGrades = ["A B"]))).toEqual([`stages[1].trackedGrades[0]: ${GRADE}`, "stages[1].trackedGrades[0]: expected one of A, B"]);
  });

  it("an alias of spaces only is empty", () => {
    expect(problems((doc) => doc.stages[0].aliases.push("   "))).toEqual(["stages[0].aliases[3]: must not be empty"]);
  });

  it("day counts are whole and not negative; an every of 0 or half a day is refused", () => {
    expect(problems((doc) => (doc.stages[2].cadence.call.every = 2.5))).toEqual(["stages[2].cadence.call.every: expected a positive number of days"]);
    expect(problems((doc) => (doc.stages[2].cadence.call.every = 0))).toEqual(["stages[2].cadence.call.every: expected a positive number of days"]);
    expect(problems((doc) => (doc.overdueGraceDays = -1))).toEqual(["overdueGraceDays: expected a number of days (0 or more)"]);
    expect(problems((doc) => (doc.stages[3].cadence.call.firstAfter = 0.5))).toEqual(["stages[3].cadence.call.firstAfter: expected a number of days (0 or more)"]);
  });

  it("at: at least one offset, each later than the one before; no firstAfter or overdueAfter beside it", () => {
    expect(problems((doc) => (doc.stages[3].cadence.sms = { at: [] }))).toEqual(["stages[3].cadence.sms.at: expected at least one offset in days"]);
    expect(problems((doc) => (doc.stages[3].cadence.sms = { at: [3, 3] }))).toEqual(["stages[3].cadence.sms.at[1]: expected offsets in increasing order (after 3)"]);
    expect(problems((doc) => (doc.stages[3].cadence.sms = { at: [3, 7], firstAfter: 1 }))).toEqual([
      "stages[3].cadence.sms.firstAfter: only allowed with every; the first offset in at already says when the first touch is due",
    ]);
    expect(problems((doc) => (doc.stages[3].cadence.sms = { at: [3, 7], overdueAfter: 9 }))).toEqual([
      "stages[3].cadence.sms.overdueAfter: only allowed with every; an at touch becomes overdue overdueGraceDays after its offset",
    ]);
  });

  it("overdueAfter may equal every", () => {
    expect(parsed((doc) => (doc.stages[2].cadence.call = { every: 3, overdueAfter: 3 })).stages[2]!.cadence.call).toMatchObject({ every: 3, overdueAfter: 3 });
  });

  it("a stage kind left out is required; prerequisites list at least one stage", () => {
    expect(problems((doc) => delete doc.stages[4].kind)).toEqual(["stages[4].kind: is required: open, won or lost"]);
    expect(problems((doc) => (doc.stages[2].requires.from = []))).toEqual(["stages[2].requires.from: expected at least one stage to come from"]);
  });

  it("fewer than three stages", () => {
    expect(problems((doc) => (doc.stages = doc.stages.slice(3)))).toContain("stages: expected at least an open, a won and a lost stage");
  });

  it("filing: a call log names at least one channel and a count of characters from 0", () => {
    expect(problems((doc) => (doc.filing.callLog.channels = []))).toEqual(["filing.callLog.channels: expected at least one channel"]);
    expect(problems((doc) => (doc.filing.callLog.minChars = -1))).toEqual(["filing.callLog.minChars: expected a number of characters (0 or more)"]);
  });

  it("what a playbook leaves out: no aliases, no filing fields, no prerequisite filing, companies not persons, no lost reasons", () => {
    const bare = parsed((doc) => {
      delete doc.stages[4].aliases;
      delete doc.stages[2].requires.filingApproved;
      delete doc.filing;
      delete doc.individualBuyers;
      delete doc.lostReasons;
    });
    expect(bare.stages[4]!.aliases).toEqual([]);
    expect(bare.stages[2]!.requires).toEqual({ from: [{ stage: "intention", grades: ["A"] }], filingApproved: false });
    expect(bare.filing).toEqual({ required: [] });
    expect(bare.individualBuyers).toBe(false);
    expect(bare.lostReasons).toEqual([]);
    expect(parsed((doc) => delete doc.lostReasons[0].aliases).lostReasons[0]!.aliases).toEqual([]);
    expect(parsed((doc) => delete doc.stages[2].tracked).stages[2]!.tracked).toBe(false);
    expect(parsed((doc) => delete doc.filing.required).filing).toEqual({ required: [], callLog: { channels: ["call", "visit"], minChars: 24 } });
  });
});

/** The default playbook's document with one edit. */
function edited(edit: (doc: Doc) => void): Doc {
  const doc = parse(DEFAULT_TEXT) as Doc;
  edit(doc);
  return doc;
}

describe("files that cannot be parsed or found", () => {
  it("invalid YAML gives the reason once, without the position repeated or the excerpt", () => {
    let problems: readonly string[] = [];
    try {
      parsePlaybook("id: x\nname: { en: a\nstages: [", "broken.yaml");
    } catch (error) {
      problems = (error as PlaybookError).problems;
    }
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatch(/^line \d+, column \d+: invalid YAML: \S/);
      expect(problem).not.toMatch(/\n| at line \d+, column \d+/);
    }
  });

  it("invalid YAML names the line and column once, then the parser's reason", () => {
    const tenthLine = `${"# comment\n".repeat(9)}key: "unclosed`;
    let problems: readonly string[] = [];
    try {
      parsePlaybook(tenthLine, "q.yaml");
    } catch (error) {
      problems = (error as PlaybookError).problems;
    }
    expect(problems).toEqual(['line 10, column 15: invalid YAML: Missing closing "quote']);
  });

  it("a file that cannot be read for another reason names the system's code", async () => {
    await expect(loadPlaybook("playbooks/default.yaml/team.yaml")).rejects.toThrow(
      "playbooks/default.yaml/team.yaml: cannot read the playbook (ENOTDIR)",
    );
  });

  it("a directory given as the playbook", async () => {
    await expect(loadPlaybook("playbooks/")).rejects.toThrow("playbooks/: cannot read the playbook (is a directory)");
  });

  it("a name ending in .yaml, .yml or .json is a file, in any case; a name with no slash or ending is a preset", async () => {
    await expect(loadPlaybook("team.yml")).rejects.toThrow("team.yml: cannot read the playbook (no such file)");
    await expect(loadPlaybook("TEAM.YAML")).rejects.toThrow("TEAM.YAML: cannot read the playbook (no such file)");
    await expect(loadPlaybook("team.json")).rejects.toThrow("team.json: cannot read the playbook (no such file)");
    await expect(loadPlaybook("teams/east")).rejects.toThrow("teams/east: cannot read the playbook (no such file)");
    await expect(loadPlaybook("default.yaml.bak")).rejects.toThrow('playbook "default.yaml.bak": unknown preset');
  });

  it("a preset name with spaces around it", async () => {
    expect((await loadPlaybook(" dealer-4s ")).id).toBe("dealer-4s");
  });

  it("reads a file as JSON only when its name ends in .json", () => {
    const yamlText = DEFAULT_TEXT;
    expect(parsePlaybook(yamlText, "team.json.yaml").id).toBe("default");
    expect(parsePlaybook(JSON.stringify(parse(DEFAULT_TEXT)), "TEAM.JSON").id).toBe("default");
  });


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
