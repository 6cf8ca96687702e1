import type { Caller } from "../crm/caller.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import type { Customer } from "../db/types.ts";
import { DomainError, fail } from "../errors.ts";
import type { Messages } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { missingPrerequisites, type MissingPrerequisite } from "../playbook/prerequisites.ts";
import { readYesNo } from "./field-input.ts";
import { classLabel, stageName } from "./playbook-terms.ts";

const FORCE_KEYS = new Set(["force", "强制"]);

/** `force=yes` after a stage move; any other key=value there is refused, never dropped. */
export function forceRequested(pairs: { key: string; value: string }[]): boolean {
  const other = pairs.filter((p) => !FORCE_KEYS.has(p.key.trim().toLowerCase()));
  if (other.length > 0) fail("usage", (m) => m.errors.unreadWords(other.map((p) => `${p.key}=${p.value}`).join(" ")));
  const unclear = pairs.filter((p) => readYesNo(p.value) === undefined);
  if (unclear.length > 0) fail("usage", (m) => m.errors.unreadWords(unclear.map((p) => `${p.key}=${p.value}`).join(" ")));
  return pairs.some((p) => readYesNo(p.value) === true);
}

/**
 * Refuses a move into a stage whose prerequisites the customer does not meet, naming what is
 * missing — unless a director forces it. Returns whether the move is forced, for the history.
 */
export function enforcePrerequisites(playbook: Playbook, caller: Caller, customer: Customer, targetStage: string, force: boolean): boolean {
  const missing = missingPrerequisites(playbook, customer, targetStage);
  if (missing.length === 0) return false;
  const director = seesWholeTeam(caller.user.role);
  if (force && director) return true;
  const { locale } = caller;
  const render = (m: Messages) =>
    m.errors.prerequisites(customer.number, stageName(playbook, targetStage, locale), missing.map((x) => describe(playbook, locale, m, x)), director);
  throw new DomainError("prerequisites", render, { stage: render });
}

/**
 * The same rule for a customer being added straight into a stage (`add … stage=selection`):
 * a new customer meets no prerequisite, so only a director's `force=yes` lets it start there.
 * Returns whether it is forced, for the first entry of its history.
 */
export function enforceNewCustomerPrerequisites(playbook: Playbook, caller: Caller, targetStage: string, force: boolean): boolean {
  const director = seesWholeTeam(caller.user.role);
  const refusal = newCustomerRefusal(playbook, caller.locale, targetStage, director ? "force" : "askDirector");
  if (!refusal) return false;
  if (force && director) return true;
  throw new DomainError("prerequisites", refusal, { stage: refusal });
}

/**
 * Why a row of an import may not start in `targetStage`, or undefined when it may. An import
 * has no `force=yes`: such a row is imported at an earlier stage and moved afterwards.
 */
export function importRowPrerequisites(playbook: Playbook, locale: Caller["locale"], targetStage: string): ((m: Messages) => string) | undefined {
  return newCustomerRefusal(playbook, locale, targetStage, "none");
}

function newCustomerRefusal(playbook: Playbook, locale: Caller["locale"], targetStage: string, way: "force" | "askDirector" | "none") {
  const missing = missingPrerequisites(playbook, null, targetStage);
  if (missing.length === 0) return undefined;
  return (m: Messages) => m.errors.prerequisitesNew(stageName(playbook, targetStage, locale), missing.map((x) => describe(playbook, locale, m, x, true)), way);
}

/** One missing thing in words; for a customer being added there is no "now" to show. */
function describe(playbook: Playbook, locale: Caller["locale"], m: Messages, missing: MissingPrerequisite, isNew = false): string {
  if (missing.kind === "filingApproved") return m.errors.needsFilingApproved(isNew ? undefined : m.filingStatus(missing.filingStatus, null));
  const allowed = missing.allowed.map((a) => classLabel(playbook, a.stage, a.grades.length > 0 ? a.grades.join("/") : null, locale));
  const current = missing.current ? classLabel(playbook, missing.current.stage, missing.current.grade, locale) : undefined;
  return m.errors.needsFrom(allowed, current);
}
