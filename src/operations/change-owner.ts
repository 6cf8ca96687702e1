import type { Customer, User } from "../db/types.ts";
import { fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { assertDirector, type OperationContext } from "./context.ts";

/**
 * Hands a customer to another rep (a handover, a rep who leaves). Only directors and admins
 * may, and the move is kept in the owner history that `show` lists.
 */
export async function changeOwner(ctx: OperationContext, customer: Customer, to: User, reason?: string): Promise<Customer> {
  assertDirector(ctx.caller);
  if (customer.workspaceId !== ctx.caller.workspace.id || to.workspaceId !== ctx.caller.workspace.id) {
    fail("other_workspace", (m) => m.errors.otherWorkspace());
  }
  if (customer.ownerId === to.id) fail("same_owner", (m) => m.errors.sameOwner(customer.number, to.displayName));
  await ctx.tx.ownerChange.create({
    data: {
      workspaceId: customer.workspaceId,
      customerId: customer.id,
      userId: ctx.caller.user.id,
      fromOwnerId: customer.ownerId,
      toOwnerId: to.id,
      reason: reason?.trim().slice(0, 500) || null,
      at: ctx.now,
    },
  });
  const moved = await ctx.tx.customer.update({ where: { id: customer.id }, data: { ownerId: to.id } });
  return (await refreshCadence(ctx.tx, ctx.playbook, moved)).customer;
}
