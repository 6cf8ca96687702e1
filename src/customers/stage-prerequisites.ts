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

function describe(playbook: Playbook, locale: Caller["locale"], m: Messages, missing: MissingPrerequisite): string {
  if (missing.kind === "filingApproved") return m.errors.needsFilingApproved(m.filingStatus(missing.filingStatus, null));
  const allowed = missing.allowed.map((a) => classLabel(playbook, a.stage, a.grades.length > 0 ? a.grades.join("/") : null, locale));
  return m.errors.needsFrom(allowed, classLabel(playbook, missing.current.stage, missing.current.grade, locale));
}
