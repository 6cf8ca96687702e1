import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { stageKind, type Classification } from "./classification.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import { applyMove, type Moved } from "./reclassify.ts";
import { enforcePrerequisites } from "../customers/stage-prerequisites.ts";
import { win } from "./win.ts";

/**
 * Moves a customer to the stage and grade asked for (`stage`, `grade`, `edit stage=…`, a card's
 * stage menu). Into won it is a win with an unknown amount; out of lost it is a reactivation,
 * which adds to the history and never clears the recorded loss; into lost it needs a reason,
 * so it is refused here and left to `lose`.
 */
export async function moveCustomer(ctx: OperationContext, customer: Customer, target: Classification, options: { force?: boolean } = {}): Promise<Moved> {
  assertMayChange(ctx.caller, customer);
  const forced = enforcePrerequisites(ctx.playbook, ctx.caller, customer, target.stage, options.force ?? false);
  const from = stageKind(ctx.playbook, customer.stage);
  const to = stageKind(ctx.playbook, target.stage);
  const unchanged = target.stage === customer.stage && target.grade === customer.grade;
  if (to === "won" && from !== "won") return win(ctx, customer, { amount: null });
  if (to === "lost" && from !== "lost") fail("use_lost", (m) => m.errors.useLost(customer.number));
  // Orders stand for a won customer; leaving won is a loss with its meaning made explicit.
  if (from === "won" && to !== "won") fail("won_is_closed", (m) => m.errors.wonIsClosed(customer.number));
  if (unchanged) return applyMove(ctx, customer, target);
  // A reactivation: the loss stays in the stage history; only the customer's current reason is cleared.
  return applyMove(ctx, customer, target, from === "lost" ? { lostReason: null } : {}, { forced });
}
