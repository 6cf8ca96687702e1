import type { Playbook } from "./playbook.schema.ts";

/** One thing a customer lacks to enter a stage; the caller words it for the person. */
export type MissingPrerequisite =
  | { kind: "from"; allowed: { stage: string; grades: string[] }[]; current: { stage: string; grade: string | null } }
  | { kind: "filingApproved"; filingStatus: string };

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/**
 * What keeps a customer from moving into `targetStage` under the playbook's `requires` (empty:
 * nothing, the move may go ahead). Staying in the stage (a re-grade) is never checked: the
 * prerequisites are about entering it.
 */
export function missingPrerequisites(
  playbook: Playbook,
  customer: { stage: string; grade: string | null; filingStatus: string },
  targetStage: string,
): MissingPrerequisite[] {
  if (customer.stage === targetStage) return [];
  const requires = playbook.stages.find((s) => s.id === targetStage)?.requires;
  if (!requires) return [];
  const missing: MissingPrerequisite[] = [];
  const from = requires.from;
  if (from) {
    const fits = from.some((f) => f.stage === customer.stage && (f.grades.length === 0 || f.grades.some((g) => same(g, customer.grade))));
    if (!fits) missing.push({ kind: "from", allowed: from, current: { stage: customer.stage, grade: customer.grade } });
  }
  if (requires.filingApproved && customer.filingStatus !== "approved") {
    missing.push({ kind: "filingApproved", filingStatus: customer.filingStatus });
  }
  return missing;
}
