import type { Customer, User } from "../db/types.ts";
import { fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { notify } from "../notices/notify.ts";
import { card } from "../reply.ts";
import { actionRef } from "../customers/customer-ref.ts";
import { assertDirector, type OperationContext } from "./context.ts";

/**
 * Hands a customer to another rep (a handover, a rep who leaves). Only directors and admins
 * may; the move is kept in the owner history that `show` lists, and both owners are told.
 */
export async function changeOwner(ctx: OperationContext, customer: Customer, to: User, reason?: string): Promise<Customer> {
  assertDirector(ctx.caller);
  const { tx, caller, now } = ctx;
  if (customer.workspaceId !== caller.workspace.id || to.workspaceId !== caller.workspace.id) {
    fail("other_workspace", (m) => m.errors.otherWorkspace());
  }
  if (customer.ownerId === to.id && !customer.pooledAt) fail("same_owner", (m) => m.errors.sameOwner(customer.number, to.displayName));
  const from = customer.pooledAt ? null : await tx.user.findUnique({ where: { id: customer.ownerId } });
  const change = await tx.ownerChange.create({
    data: {
      workspaceId: customer.workspaceId,
      customerId: customer.id,
      userId: caller.user.id,
      fromOwnerId: from?.id ?? null,
      toOwnerId: to.id,
      reason: reason?.trim().slice(0, 500) || null,
      at: now,
    },
  });
  const moved = await tx.customer.update({ where: { id: customer.id }, data: { ownerId: to.id, pooledAt: null, heldSince: now, reclaimNoticeAt: null, escalatedAt: null } });
  const ref = actionRef(moved, caller.workspace);
  const title = `#${moved.number} ${moved.company}`;
  if (to.id !== caller.user.id) {
    await notify(tx, caller.workspace, to, `handover:${change.id}`, (m) => ({
      ok: true, ephemeral: false, text: m.handover.received(title, caller.user.displayName),
      cards: [card(title, { actions: [{ kind: "run", label: m.actions.open, command: `show ${ref}` }] })],
    }), now);
  }
  if (from && from.id !== caller.user.id && from.id !== to.id) {
    await notify(tx, caller.workspace, from, `handover:${change.id}`, (m) => ({
      ok: true, ephemeral: false, text: m.handover.handedOver(title, to.displayName, caller.user.displayName), cards: [],
    }), now);
  }
  return (await refreshCadence(tx, ctx.playbook, moved)).customer;
}
