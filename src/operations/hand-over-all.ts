import type { User } from "../db/types.ts";
import { fail } from "../errors.ts";
import { notify } from "../notices/notify.ts";
import { assertDirector, type OperationContext } from "./context.ts";

/**
 * A rep leaves: every customer they own (not the pooled ones) goes to another rep in one
 * transaction, each move in the owner history, and both reps told once with the count.
 */
export async function handOverAll(ctx: OperationContext, from: User, to: User): Promise<number> {
  assertDirector(ctx.caller);
  const { tx, caller, now } = ctx;
  if (from.id === to.id) fail("same_owner", (m) => m.errors.sameOwner(0, to.displayName));
  const where = { workspaceId: caller.workspace.id, ownerId: from.id, pooledAt: null };
  const ids = (await tx.customer.findMany({ where, select: { id: true }, orderBy: { number: "asc" } })).map((c) => c.id);
  if (ids.length === 0) return 0;
  await tx.ownerChange.createMany({
    data: ids.map((customerId) => ({
      workspaceId: caller.workspace.id, customerId, userId: caller.user.id, fromOwnerId: from.id, toOwnerId: to.id, reason: null, at: now,
    })),
  });
  await tx.customer.updateMany({ where: { id: { in: ids } }, data: { ownerId: to.id, heldSince: now, reclaimNoticeAt: null } });
  const key = `handover-all:${from.id}:${to.id}:${now.toISOString()}`;
  const text = (m: Parameters<Parameters<typeof notify>[4]>[0]) => m.handover.all(ids.length, from.displayName, to.displayName, caller.user.displayName);
  for (const person of [from, to]) {
    if (person.id !== caller.user.id) await notify(tx, caller.workspace, person, key, (m) => ({ ok: true, ephemeral: false, text: text(m), cards: [] }), now);
  }
  return ids.length;
}
