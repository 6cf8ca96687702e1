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

/** "Potential · A" or just the stage when it has no grades. */
export function classLabel(playbook: Playbook, stageId: string, grade: string | null, locale: Locale): string {
  const stage = stageName(playbook, stageId, locale);
  return grade ? `${stage} · ${grade}` : stage;
}

/** Position in the funnel, to tell a promotion from a demotion. */
export function stageRank(playbook: Playbook, id: string): number {
  return playbook.stages.findIndex((s) => s.id === id);
}

export function gradeRank(playbook: Playbook, stageId: string, grade: string | null): number {
  const grades = playbook.stages.find((s) => s.id === stageId)?.grades ?? [];
  return grade ? grades.findIndex((g) => g.id === grade) : -1;
}

export function lostReasonLabel(playbook: Playbook, stored: string, locale: Locale): string {
  const reason = (playbook.lostReasons ?? []).find((r) => r.id === stored);
  return reason ? pick(reason.name, locale) : stored;
}
