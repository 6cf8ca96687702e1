import type { z } from "zod";
import type { LostReason, Stage } from "./playbook.schema.ts";
import type { TouchChannel } from "../domain/channels.ts";

/**
 * Rules that span fields, run once the shape is valid. Each issue points at the one field an
 * admin has to change, so the loader can say `stages[4].kind: ...` rather than "invalid".
 */

type Path = (string | number)[];
interface Shape {
  stages: Stage[];
  defaultStage: string;
  lostReasons: LostReason[];
  countsAs: Partial<Record<TouchChannel, TouchChannel[]>>;
}

const key = (word: string) => word.trim().toLowerCase();
const list = (ids: readonly string[]) => ids.join(", ");

export function checkPlaybook(playbook: Shape, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });

  checkWords(
    playbook.stages.map((stage, i) => ({ id: stage.id, aliases: stage.aliases, path: ["stages", i] })),
    "stage",
    issue,
  );
  checkWords(
    playbook.lostReasons.map((reason, i) => ({ id: reason.id, aliases: reason.aliases, path: ["lostReasons", i] })),
    "lost reason",
    issue,
  );

  // Won and lost are where the funnel ends and what the reports count; with two of either,
  // "won this week" would be ambiguous.
  for (const kind of ["won", "lost"] as const) {
    const indexes = playbook.stages.flatMap((stage, i) => (stage.kind === kind ? [i] : []));
    if (indexes.length === 0) issue(["stages"], `expected exactly one stage of kind ${kind}, found none`);
    for (const i of indexes.slice(1)) {
      issue(["stages", i, "kind"], `expected exactly one ${kind} stage; stages[${indexes[0]}] is already ${kind}`);
    }
  }

  playbook.stages.forEach((stage, i) => checkStage(stage, ["stages", i], issue));
  playbook.stages.forEach((stage, i) => checkPrerequisites(playbook.stages, stage, ["stages", i, "requires"], issue));

  for (const [channel, others] of Object.entries(playbook.countsAs)) {
    others?.forEach((other, k) => {
      if (other === channel) issue(["countsAs", channel, k], `a ${channel} already counts for itself; list other channels`);
    });
  }

  const target = playbook.stages.find((stage) => stage.id === playbook.defaultStage);
  if (!target) {
    issue(["defaultStage"], `expected one of ${list(playbook.stages.map((s) => s.id))}`);
  } else if (target.kind !== "open") {
    const open = playbook.stages.filter((s) => s.kind === "open").map((s) => s.id);
    issue(["defaultStage"], `expected an open stage (${list(open)}); new customers cannot start as ${target.kind}`);
  } else if (target.requires) {
    issue(["defaultStage"], `new customers start at ${target.id}, so it cannot have prerequisites (requires)`);
  }
}

function checkStage(stage: Stage, at: Path, issue: (path: Path, message: string) => void): void {
  const gradeIds = stage.grades.map((g) => g.id);
  const seen = new Map<string, number>();
  stage.grades.forEach((grade, g) => {
    const earlier = seen.get(key(grade.id));
    if (earlier !== undefined) issue([...at, "grades", g, "id"], `duplicate grade "${grade.id}" (also grades[${earlier}])`);
    else seen.set(key(grade.id), g);
  });

  if (stage.kind === "lost") {
    // Lost customers are not followed up until someone re-activates them into an open stage.
    if (stage.grades.length > 0) issue([...at, "grades"], "a lost stage is not graded");
    if (Object.keys(stage.cadence).length > 0) {
      issue([...at, "cadence"], "a lost stage has no cadence; lost customers are not followed up");
    }
  }

  if (stage.grades.length === 0) {
    if (stage.defaultGrade !== undefined) issue([...at, "defaultGrade"], "the stage has no grades");
    stage.trackedGrades.forEach((_, k) => issue([...at, "trackedGrades", k], "the stage has no grades"));
    return;
  }

  if (Object.keys(stage.cadence).length > 0) {
    issue([...at, "cadence"], "a graded stage takes its cadence from its grades; move this cadence into each grade");
  }
  const inGrades = (id: string) => stage.grades.some((g) => key(g.id) === key(id));
  if (stage.defaultGrade === undefined) {
    issue([...at, "defaultGrade"], `is required when the stage has grades (expected one of ${list(gradeIds)})`);
  } else if (!inGrades(stage.defaultGrade)) {
    issue([...at, "defaultGrade"], `expected one of ${list(gradeIds)}`);
  }
  stage.trackedGrades.forEach((id, k) => {
    if (!inGrades(id)) issue([...at, "trackedGrades", k], `expected one of ${list(gradeIds)}`);
  });
}

function checkPrerequisites(stages: Stage[], stage: Stage, at: Path, issue: (path: Path, message: string) => void): void {
  // A win or a loss is a fact to record, not a step to earn (`won` and `lost` check nothing).
  if (stage.requires && stage.kind !== "open") issue(at, `only an open stage can have prerequisites; ${stage.id} is ${stage.kind}`);
  stage.requires?.from?.forEach((from, k) => {
    const source = stages.find((s) => s.id === from.stage);
    if (!source) {
      issue([...at, "from", k, "stage"], `expected one of ${list(stages.map((s) => s.id))}`);
      return;
    }
    if (source.id === stage.id) issue([...at, "from", k, "stage"], "a stage cannot be its own prerequisite");
    from.grades.forEach((grade, g) => {
      if (!source.grades.some((sg) => key(sg.id) === key(grade))) {
        issue([...at, "from", k, "grades", g], source.grades.length === 0 ? `${source.id} has no grades` : `expected one of ${list(source.grades.map((sg) => sg.id))}`);
      }
    });
  });
}

/** Ids and aliases are typed in commands, case-insensitively: each word must mean one thing. */
function checkWords(
  entries: { id: string; aliases: string[]; path: Path }[],
  what: string,
  issue: (path: Path, message: string) => void,
): void {
  const owners = new Map<string, { entry: number; id: string; asId: boolean }>();
  entries.forEach((entry, n) => {
    const words: [string, Path][] = [
      [entry.id, [...entry.path, "id"]],
      ...entry.aliases.map((alias, k): [string, Path] => [alias, [...entry.path, "aliases", k]]),
    ];
    for (const [word, path] of words) {
      const asId = path.at(-1) === "id";
      const taken = owners.get(key(word));
      if (taken === undefined) owners.set(key(word), { entry: n, id: entry.id, asId });
      else if (taken.entry === n) continue; // repeating one's own id as an alias is harmless
      else if (asId && taken.asId) issue(path, `duplicate ${what} id "${word}"`);
      else issue(path, `"${word}" is already used by ${what} "${taken.id}"`);
    }
  });
}
