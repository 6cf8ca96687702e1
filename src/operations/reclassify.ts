import type { Customer, PrismaNamespace } from "../db/types.ts";
import type { CadenceResult } from "../playbook/cadence.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { heldDueBeforeReclassifying } from "../customers/held-due.ts";
import type { Classification } from "./classification.ts";
import type { OperationContext } from "./context.ts";

export interface Moved {
  customer: Customer;
  cadence: CadenceResult;
}

/** What a stage change records beyond from/to: a loss keeps its reason, and how it ended a won deal. */
export interface MoveRecord {
  lostReason?: string;
  lossKind?: "cancelled" | "churned";
  /** A director moved it past the stage's prerequisites (force=yes). */
  forced?: boolean;
}

/**
 * The one place a customer's stage or grade is written: records the move for the funnel (never
 * rewriting an earlier one), restarts the cadence and stores the next due date. The public
 * operations (win, lose, reactivate, move) decide whether a move is allowed; this only carries it out.
 */
export async function applyMove(
  ctx: OperationContext,
  customer: Customer,
  target: Classification,
  extra: PrismaNamespace.CustomerUpdateInput = {},
  record: MoveRecord = {},
): Promise<Moved> {
  const { tx, now } = ctx;
  const stageChanged = target.stage !== customer.stage;
  const changed = stageChanged || target.grade !== customer.grade;
  // What is overdue now stays overdue after the move, until a touch that counts for it.
  const heldDue = changed ? await heldDueBeforeReclassifying(tx, ctx.playbook, customer, now) : undefined;
  if (changed) {
    await tx.stageChange.create({
      data: {
        workspaceId: customer.workspaceId,
        customerId: customer.id,
        userId: ctx.caller.user.id,
        fromStage: customer.stage,
        toStage: target.stage,
        fromGrade: customer.grade,
        toGrade: target.grade,
        lostReason: record.lostReason ?? null,
        lossKind: record.lossKind ?? null,
        forced: record.forced ?? false,
        at: now,
      },
    });
  }
  const updated = await tx.customer.update({
    where: { id: customer.id },
    data: {
      ...extra,
      stage: target.stage,
      grade: target.grade,
      ...(changed ? { classifiedAt: now, snoozedUntil: null, heldDue } : {}),
      ...(stageChanged ? { stageEnteredAt: now } : {}),
    },
  });
  return refreshCadence(tx, ctx.playbook, updated);
}
