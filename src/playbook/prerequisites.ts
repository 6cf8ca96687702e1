import type { Playbook } from "./playbook.schema.ts";

/** One thing a customer lacks to enter a stage; the caller words it for the person. */
export type MissingPrerequisite =
  | { kind: "from"; allowed: { stage: string; grades: string[] }[]; current: { stage: string; grade: string | null } | null }
  | { kind: "filingApproved"; filingStatus: string };

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/**
 * What keeps a customer from moving into `targetStage` under the playbook's `requires` (empty:
 * nothing, the move may go ahead). Staying in the stage (a re-grade) is never checked: the
 * prerequisites are about entering it. A customer being added (`null`) comes from no stage and
 * has filed nothing, so it meets no prerequisite: `add … stage=selection` is checked like
 * `stage <ref> selection`, and cannot be a way around it.
 */
export function missingPrerequisites(
  playbook: Playbook,
  customer: { stage: string; grade: string | null; filingStatus: string } | null,
  targetStage: string,
): MissingPrerequisite[] {
  if (customer?.stage === targetStage) return [];
  const requires = playbook.stages.find((s) => s.id === targetStage)?.requires;
  if (!requires) return [];
  const missing: MissingPrerequisite[] = [];
  const from = requires.from;
  if (from) {
    const fits = customer !== null && from.some((f) => f.stage === customer.stage && (f.grades.length === 0 || f.grades.some((g) => same(g, customer.grade))));
    if (!fits) missing.push({ kind: "from", allowed: from, current: customer && { stage: customer.stage, grade: customer.grade } });
  }
  const filingStatus = customer?.filingStatus ?? "none";
  if (requires.filingApproved && filingStatus !== "approved") missing.push({ kind: "filingApproved", filingStatus });
  return missing;
}
