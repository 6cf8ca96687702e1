import { describe, expect, it } from "vitest";
import { prerequisiteShapes } from "../playbook/prerequisite-shapes.ts";
import type { Caller } from "../../src/crm/caller.ts";
import type { Customer } from "../../src/db/types.ts";
import {
  enforceNewCustomerPrerequisites, enforcePrerequisites, forceRequested, importRowPrerequisites,
} from "../../src/customers/stage-prerequisites.ts";
import { DomainError } from "../../src/errors.ts";
import { en } from "../../src/i18n/en.ts";
import { zh } from "../../src/i18n/zh.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";

const playbook = await loadPlaybook("default");

/** Only what the rule reads: the role, and the language to word the refusal in. */
const caller = (role: string, locale: "en" | "zh-CN" = "en") => ({ user: { role }, locale, m: locale === "en" ? en : zh }) as unknown as Caller;
const customer = (stage: string, grade: string | null, filingStatus = "none") => ({ number: 12, stage, grade, filingStatus }) as Customer;

function refusal(run: () => unknown, m = en): [string, string, string | undefined] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return [error.code, error.render(m), error.fieldErrors.stage?.(m)];
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("force=yes after a stage move", () => {
  it("is read as yes or no, in either language", () => {
    expect(forceRequested([])).toBe(false);
    expect(forceRequested([{ key: "force", value: "yes" }])).toBe(true);
    expect(forceRequested([{ key: " 强制 ", value: "是" }])).toBe(true);
    expect(forceRequested([{ key: "FORCE", value: "no" }])).toBe(false);
    expect(forceRequested([{ key: "force", value: "no" }, { key: "force", value: "yes" }])).toBe(true);
  });

  it("refuses any other pair, and a value that is neither yes nor no, naming them", () => {
    expect(refusal(() => forceRequested([{ key: "note", value: "x" }, { key: "force", value: "yes" }, { key: "a", value: "b" }]))).toEqual([
      "usage", 'I could not read "note=x a=b": this command takes nothing there. Check /prospect help.', undefined,
    ]);
    expect(refusal(() => forceRequested([{ key: "force", value: "maybe" }, { key: "强制", value: "perhaps" }]))).toEqual([
      "usage", 'I could not read "force=maybe 强制=perhaps": this command takes nothing there. Check /prospect help.', undefined,
    ]);
    // Another key with a yes is still not force.
    expect(refusal(() => forceRequested([{ key: "note", value: "yes" }]))[1]).toContain('"note=yes"');
  });
});

describe("moving a customer into a stage with prerequisites", () => {
  it("goes ahead, unforced, when nothing is missing", () => {
    expect(enforcePrerequisites(playbook, caller("rep"), customer("intention", "A", "approved"), "selection", false)).toBe(false);
    expect(enforcePrerequisites(playbook, caller("director"), customer("intention", "A", "approved"), "selection", true)).toBe(false);
  });

  it("refuses a rep, naming what is missing and who may force it", () => {
    const [code, text, field] = refusal(() => enforcePrerequisites(playbook, caller("rep"), customer("potential", "C"), "selection", true));
    expect(code).toBe("prerequisites");
    expect(text).toBe(
      "#12 cannot move to Selection yet: it must be Intention · A first (it is Potential · C), its filing must be approved by a director (it is not filed). Ask a director if it must move anyway.",
    );
    expect(field).toBe(text);
  });

  it("refuses a director who does not force it, saying force=yes would", () => {
    const [, text] = refusal(() => enforcePrerequisites(playbook, caller("admin"), customer("intention", "A", "pending"), "selection", false));
    expect(text).toBe(
      "#12 cannot move to Selection yet: its filing must be approved by a director (it is waiting for approval). If you are sure, add force=yes; the move is recorded as forced.",
    );
  });

  it("lets a director or an admin force it, and says it was forced", () => {
    expect(enforcePrerequisites(playbook, caller("director"), customer("potential", "C"), "selection", true)).toBe(true);
    expect(enforcePrerequisites(playbook, caller("admin"), customer("potential", "C"), "selection", true)).toBe(true);
  });

  it("words the refusal in the caller's language", () => {
    const [, text] = refusal(() => enforcePrerequisites(playbook, caller("rep", "zh-CN"), customer("potential", "C"), "selection", false), zh);
    expect(text).toContain("选型客户");
    expect(text).toContain("意向客户 A级");
    expect(text).toContain("潜在客户 C级");
  });
});

describe("a refusal naming several stages and grades to come from", () => {
  const several = prerequisiteShapes();

  it("lists each, its grades joined by a slash", () => {
    const [, text] = refusal(() => enforcePrerequisites(several, caller("rep"), customer("won", null), "deal", false));
    expect(text).toBe("#12 cannot move to Deal yet: it must be Open · A/B or Demo first (it is Won). Ask a director if it must move anyway.");
  });
});

describe("adding a customer straight into a stage with prerequisites", () => {
  const needs = "it must be Intention · A first, its filing must be approved by a director";

  it("goes ahead where there are none", () => {
    expect(enforceNewCustomerPrerequisites(playbook, caller("rep"), "intention", false)).toBe(false);
    expect(importRowPrerequisites(playbook, "en", "intention")).toBeUndefined();
  });

  it("refuses a rep, who must ask a director", () => {
    expect(refusal(() => enforceNewCustomerPrerequisites(playbook, caller("rep"), "selection", true))).toEqual([
      "prerequisites",
      `A new customer cannot start as Selection: ${needs}. Add it at an earlier stage and move it once it qualifies. Ask a director if it must start there.`,
      `A new customer cannot start as Selection: ${needs}. Add it at an earlier stage and move it once it qualifies. Ask a director if it must start there.`,
    ]);
  });

  it("refuses a director who does not force it, and lets one who does", () => {
    expect(refusal(() => enforceNewCustomerPrerequisites(playbook, caller("director"), "selection", false))[1]).toBe(
      `A new customer cannot start as Selection: ${needs}. Add it at an earlier stage and move it once it qualifies. If you are sure, add force=yes; it is recorded as forced.`,
    );
    expect(enforceNewCustomerPrerequisites(playbook, caller("director"), "selection", true)).toBe(true);
  });

  it("refuses an import row with no way around it", () => {
    expect(importRowPrerequisites(playbook, "en", "selection")?.(en)).toBe(
      `A new customer cannot start as Selection: ${needs}. Add it at an earlier stage and move it once it qualifies.`,
    );
  });
});
