import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { pick } from "../domain/localized.ts";
import { findLostReason } from "../playbook/lookup.ts";
import { stageOfKind } from "../customers/playbook-terms.ts";
import { stageKind } from "./classification.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import { applyMove, type Moved } from "./reclassify.ts";

export interface LossInput {
  /** The rep's own words; mapped to a playbook reason for the report, and kept as a note. */
  reason: string;
  /**
   * Required when the customer is won, because the two mean opposite things for the numbers:
   * `cancelled` — the deal fell through: its orders are void and leave revenue and the won count;
   * `churned` — the customer bought and later left: the orders and revenue stand.
   */
  afterWon?: "cancelled" | "churned";
}

const MAX_REASON = 500;

export async function lose(ctx: OperationContext, customer: Customer, input: LossInput): Promise<Moved> {
  assertMayChange(ctx.caller, customer);
  const { playbook, tx, now } = ctx;
  const reasons = playbook.lostReasons.map((r) => pick(r.name, ctx.caller.locale));
  const text = input.reason.trim();
  const kind = stageKind(playbook, customer.stage);
  if (kind === "lost") fail("already_lost", (m) => m.errors.alreadyLost(customer.number));
  if (kind === "won" && !input.afterWon) fail("lost_after_won", (m) => m.errors.lostAfterWon(customer.number));
  if (!text) fail("missing_reason", (m) => m.errors.missingLostReason(reasons));
  const reason = findLostReason(playbook, text)?.id ?? text.slice(0, MAX_REASON);
  const lossKind = kind === "won" ? input.afterWon : undefined;
  if (lossKind === "cancelled") {
    await tx.order.updateMany({ where: { customerId: customer.id, cancelledAt: null }, data: { cancelledAt: now } });
  }
  const target = { stage: stageOfKind(playbook, "lost").id, grade: null };
  const moved = await applyMove(ctx, customer, target, { lostReason: reason }, { lostReason: reason, ...(lossKind ? { lossKind } : {}) });
  // The reason code feeds the report; the rep's own words stay in the history.
  await tx.activity.create({
    data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id, channel: "note", content: text, at: now },
  });
  return moved;
}
