import type { Caller } from "../crm/caller.ts";
import { DomainError, fail } from "../errors.ts";
import { pick } from "../domain/localized.ts";
import { findStageById } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { findGrade, findStage, type PlaybookStage } from "../customers/playbook-terms.ts";

export interface Classification {
  stage: string;
  grade: string | null;
}

/**
 * Works out the stage and grade a person asks for in their own words. A grade that does not
 * exist in the new stage falls back to that stage's default grade, so a promotion never needs
 * two commands.
 */
export function resolveClassification(
  ctx: { playbook: Playbook; caller: Pick<Caller, "locale"> },
  current: Classification | null,
  stageWord: string | undefined,
  gradeWord: string | undefined,
): Classification {
  const { playbook } = ctx;
  let stage: PlaybookStage;
  if (stageWord !== undefined) {
    const found = findStage(playbook, stageWord);
    if (!found) {
      const names = playbook.stages.map((s) => ({ id: s.id, name: pick(s.name, ctx.caller.locale) }));
      throw new DomainError("bad_stage", (m) => m.errors.badStage(stageWord, names), { stage: (m) => m.errors.badStage(stageWord, names) });
    }
    stage = found;
  } else {
    stage = findStageById(playbook, current?.stage ?? playbook.defaultStage);
  }
  const { grades } = stage;
  if (gradeWord !== undefined) {
    if (grades.length === 0) fail("stage_has_no_grades", (m) => m.errors.stageHasNoGrades(pick(stage.name, ctx.caller.locale)));
    const grade = findGrade(stage, gradeWord);
    if (!grade) {
      const ids = grades.map((g) => g.id);
      const stageLabel = pick(stage.name, ctx.caller.locale);
      throw new DomainError("bad_grade", (m) => m.errors.badGrade(gradeWord, stageLabel, ids), {
        grade: (m) => m.errors.badGrade(gradeWord, stageLabel, ids),
      });
    }
    return { stage: stage.id, grade: grade.id };
  }
  if (grades.length === 0) return { stage: stage.id, grade: null };
  const keep = current?.grade && grades.some((g) => g.id === current.grade) ? current.grade : null;
  return { stage: stage.id, grade: keep ?? stage.defaultGrade ?? grades[grades.length - 1]!.id };
}

export function stageKind(playbook: Playbook, stageId: string): "open" | "won" | "lost" | undefined {
  return playbook.stages.find((s) => s.id === stageId)?.kind;
}
