import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { stageOfKind } from "../customers/playbook-terms.ts";
import { stageKind } from "./classification.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import { applyMove, type Moved } from "./reclassify.ts";

export interface OrderInput {
  /** Null: the amount is not known yet (won through `stage … won`), shown as such. */
  amount: number | null;
  note?: string;
}

/**
 * Closes the deal: records the first order and moves the customer to won, whatever the path
 * (`won`, `stage … won`, `edit … stage=won`, `add … stage=won`). A won customer's next deal is
 * a repeat order (`order`), never a second win that would overwrite the first.
 */
export async function win(ctx: OperationContext, customer: Customer, order: OrderInput): Promise<Moved> {
  assertMayChange(ctx.caller, customer);
  if (stageKind(ctx.playbook, customer.stage) === "won") fail("already_won", (m) => m.errors.alreadyWon(customer.number));
  await createOrder(ctx, customer, order, "win");
  const target = { stage: stageOfKind(ctx.playbook, "won").id, grade: null };
  return applyMove(ctx, customer, target, { wonAt: ctx.now, lostReason: null });
}

/** A repeat order of a won customer: the repurchase rate counts customers with two or more. */
export async function addOrder(ctx: OperationContext, customer: Customer, order: OrderInput & { amount: number }): Promise<Customer> {
  assertMayChange(ctx.caller, customer);
  if (stageKind(ctx.playbook, customer.stage) !== "won") fail("not_won", (m) => m.errors.orderNeedsWon(customer.number));
  await createOrder(ctx, customer, order, "repeat");
  return customer;
}

async function createOrder(ctx: OperationContext, customer: Customer, order: OrderInput, kind: "win" | "repeat"): Promise<void> {
  await ctx.tx.order.create({
    data: {
      workspaceId: customer.workspaceId,
      customerId: customer.id,
      userId: ctx.caller.user.id,
      kind,
      amount: order.amount,
      note: order.note?.slice(0, 500) || null,
      at: ctx.now,
    },
  });
}
