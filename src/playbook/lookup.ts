import type { Grade, LostReason, Playbook, Stage } from "./playbook.schema.ts";

/**
 * Reading the words reps type against a playbook. Matching is case-insensitive on the id, the
 * aliases and both names, because reps type 意向, Intention or intention interchangeably.
 */

const norm = (word: string) => word.trim().toLowerCase();
const wordsOf = (item: { id: string; name: { en: string; zh: string }; aliases?: string[] }) =>
  [item.id, item.name.en, item.name.zh, ...(item.aliases ?? [])].map(norm);

export function findStage(playbook: Playbook, word: string): Stage | undefined {
  const wanted = norm(word);
  return playbook.stages.find((s) => s.id === wanted) ?? playbook.stages.find((s) => wordsOf(s).includes(wanted));
}

/** Accepts `A`, `a`, `A级` and the grade's names. */
export function findGrade(stage: Stage, word: string): Grade | undefined {
  const wanted = norm(word).replace(/(级|類|类)$/u, "");
  return stage.grades.find((g) => norm(g.id) === wanted) ?? stage.grades.find((g) => wordsOf(g).includes(norm(word)));
}

/**
 * Normalizes the free text of `lost <ref> <reason…>`: an exact id, name or alias first, then
 * the first word, then the longest alias or name the text contains (太贵了 → price). A
 * heuristic — the caller keeps the rep's own words as well.
 */
export function findLostReason(playbook: Playbook, text: string): LostReason | undefined {
  const wanted = norm(text);
  if (wanted === "") return undefined;
  const exact = (w: string) => playbook.lostReasons.find((r) => wordsOf(r).includes(w));
  const firstWord = wanted.split(/\s+/)[0] ?? wanted;
  const direct = exact(wanted) ?? exact(firstWord);
  if (direct) return direct;
  let best: { reason: LostReason; length: number } | undefined;
  for (const reason of playbook.lostReasons) {
    for (const w of wordsOf(reason)) {
      if (w.length > (best?.length ?? 0) && contains(wanted, w)) best = { reason, length: w.length };
    }
  }
  return best?.reason;
}

/** Latin words must match whole ("fit" is not in "profit"); Chinese has no spaces to wait for. */
function contains(text: string, word: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(word)) return text.includes(word);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text);
}

/** Whether the director's digest follows this customer (the A-grade intention rule of §3). */
export function isTracked(playbook: Playbook, stageId: string, grade: string | null): boolean {
  const stage = playbook.stages.find((s) => s.id === stageId);
  if (!stage) return false;
  if (stage.tracked) return true;
  const effective = norm(grade ?? stage.defaultGrade ?? "");
  return stage.trackedGrades.some((g) => norm(g) === effective);
}

export type Move = "unchanged" | "promoted" | "demoted" | "won" | "lost" | "reactivated";
export interface Position {
  stage: string;
  grade: string | null;
}

/**
 * How the funnel report names a change: stages are ordered along the funnel and grades best
 * first, so a later stage or an earlier grade is a promotion. Entering won or lost, and
 * leaving lost, are their own movements whatever the order says.
 */
export function classifyMove(playbook: Playbook, from: Position, to: Position): Move {
  const index = (id: string) => playbook.stages.findIndex((s) => s.id === id);
  const a = playbook.stages[index(from.stage)];
  const b = playbook.stages[index(to.stage)];
  if (!a || !b) return "unchanged";
  if (a.id !== b.id) {
    if (b.kind === "won") return "won";
    if (b.kind === "lost") return "lost";
    if (a.kind === "lost") return "reactivated";
    return index(b.id) > index(a.id) ? "promoted" : "demoted";
  }
  const rank = (grade: string | null) =>
    a.grades.findIndex((g) => norm(g.id) === norm(grade ?? a.defaultGrade ?? ""));
  const [before, after] = [rank(from.grade), rank(to.grade)];
  if (before === after || before < 0 || after < 0) return "unchanged";
  return after < before ? "promoted" : "demoted";
}
