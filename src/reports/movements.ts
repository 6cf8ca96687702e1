import { classifyMove } from "../playbook/lookup.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

export interface Movements {
  new: number; promoted: number; demoted: number; won: number; lost: number; reactivated: number; cancelled: number; churned: number;
}

export interface ChangeGroup {
  fromStage: string | null;
  fromGrade: string | null;
  toStage: string;
  toGrade: string | null;
  lossKind: string | null;
  count: number;
}

/** Names each group of recorded stage changes a movement, as the playbook orders its stages and grades. */
export function countMovements(playbook: Playbook, changes: ChangeGroup[]): Movements {
  const movements: Movements = { new: 0, promoted: 0, demoted: 0, won: 0, lost: 0, reactivated: 0, cancelled: 0, churned: 0 };
  for (const change of changes) {
    if (change.fromStage === null) movements.new += change.count;
    else {
      const move = classifyMove(playbook, { stage: change.fromStage, grade: change.fromGrade }, { stage: change.toStage, grade: change.toGrade });
      if (move !== "unchanged") movements[move] += change.count;
    }
    if (change.lossKind === "cancelled" || change.lossKind === "churned") movements[change.lossKind] += change.count;
  }
  return movements;
}
