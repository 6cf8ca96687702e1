import type { Locale } from "../domain/localized.ts";
import { pick } from "../domain/localized.ts";
import type { Playbook, Stage } from "../playbook/playbook.schema.ts";

export type { Stage as PlaybookStage } from "../playbook/playbook.schema.ts";

export { findGrade, findLostReason, findStage } from "../playbook/lookup.ts";

export function stageOfKind(playbook: Playbook, kind: "won" | "lost"): Stage {
  return playbook.stages.find((s) => s.kind === kind)!;
}

export function stageName(playbook: Playbook, id: string, locale: Locale): string {
  const stage = playbook.stages.find((s) => s.id === id);
  return stage ? pick(stage.name, locale) : id;
}

/**
 * "Potential · A" / "潜在客户 A级" (the handbooks' 级, [000]: "A级的意向客户"), or just the
 * stage when it has no grades. The Chinese form has no "·": the dot separates the parts of a
 * line (`#12 公司 · 潜在客户 A级 · 王五`), so a grade must not read as one of them.
 */
export function classLabel(playbook: Playbook, stageId: string, grade: string | null, locale: Locale): string {
  const stage = stageName(playbook, stageId, locale);
  if (!grade) return stage;
  return locale === "en" ? `${stage} · ${grade}` : `${stage} ${gradeWithLevel(grade)}`;
}

/** "A级"; a grade already named with 级 (O级) is left as it is. */
export function gradeWithLevel(grade: string): string {
  return grade.endsWith("级") ? grade : `${grade}级`;
}

/** A stage's count with its grades: "12 (A 2 · B 0 · C 3 · D 7)", in Chinese with full-width brackets. */
export function gradeBreakdown(total: number, grades: { grade: string; count: number }[], locale: Locale): string {
  if (grades.length === 0 || total === 0) return String(total);
  const parts = grades.map((g) => `${g.grade} ${g.count}`).join(" · ");
  return locale === "en" ? `${total} (${parts})` : `${total}（${parts}）`;
}

export function lostReasonLabel(playbook: Playbook, stored: string, locale: Locale): string {
  const reason = (playbook.lostReasons ?? []).find((r) => r.id === stored);
  return reason ? pick(reason.name, locale) : stored;
}
