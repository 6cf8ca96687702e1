import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import { formatDate } from "../format/dates.ts";
import { notify } from "../notices/notify.ts";
import { assertMayChange, type OperationContext } from "./context.ts";

const DAY = 86_400_000;

/**
 * Puts a customer back into the shared pool (公海) with the reason: nobody is due to call it,
 * any rep may claim it. The owner stays recorded as the rep it came from (for the cooldown and
 * the history). `by` is who released it: the caller, or a reclaim rule.
 */
export async function releaseCustomer(ctx: OperationContext, customer: Customer, reason: string): Promise<Customer> {
  assertMayChange(ctx.caller, customer);
  const { tx, now } = ctx;
  if (!reason.trim()) fail("missing_reason", (m) => m.errors.missingReleaseReason());
  await tx.ownerChange.create({
    data: {
      workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id,
      fromOwnerId: customer.ownerId, toOwnerId: null, reason: reason.trim().slice(0, 500), at: now,
    },
  });
  return tx.customer.update({
    where: { id: customer.id },
    data: { pooledAt: now, nextDueAt: null, nextDueChannel: null, overdueAt: null, snoozedUntil: null },
  });
}

/**
 * Takes a pooled customer, within the rep's holding limit and after the cooldown on their own
 * releases. The rep it was released or reclaimed from (still its recorded owner while pooled)
 * is told who took it, unless they took it back themself.
 */
export async function claimCustomer(ctx: OperationContext, customer: Customer): Promise<Customer> {
  const { tx, now, caller, playbook } = ctx;
  if (customer.workspaceId !== caller.workspace.id) fail("other_workspace", (m) => m.errors.otherWorkspace());
  if (!customer.pooledAt) fail("not_in_pool", (m) => m.errors.notInPool(customer.number));
  const { holdingLimit, cooldownDays } = playbook.pool;
  const closed = playbook.stages.filter((s) => s.kind !== "open").map((s) => s.id);
  if (holdingLimit !== null && !seesWholeTeam(caller.user.role)) {
    const held = await tx.customer.count({ where: { ownerId: caller.user.id, pooledAt: null, stage: { notIn: closed } } });
    if (held >= holdingLimit) fail("holding_limit", (m) => m.errors.holdingLimit(held, holdingLimit));
  }
  if (cooldownDays > 0) {
    const lastRelease = await tx.ownerChange.findFirst({
      where: { customerId: customer.id, fromOwnerId: caller.user.id, toOwnerId: null, at: { gt: new Date(now.getTime() - cooldownDays * DAY) } },
      orderBy: { at: "desc" },
    });
    if (lastRelease) {
      const until = formatDate(new Date(lastRelease.at.getTime() + cooldownDays * DAY), caller.timeZone, caller.locale);
      fail("cooldown", (m) => m.errors.cooldown(customer.number, until));
    }
  }
  const change = await tx.ownerChange.create({
    data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: caller.user.id, fromOwnerId: null, toOwnerId: caller.user.id, at: now },
  });
  if (customer.ownerId !== caller.user.id) {
    const previous = await tx.user.findUnique({ where: { id: customer.ownerId } });
    const title = `#${customer.number} ${customer.company}`;
    if (previous) {
      await notify(tx, caller.workspace, previous, `claimed:${change.id}`, (m) => ({
        ok: true, ephemeral: false, text: m.pool.claimedFromYou(title, caller.user.displayName), cards: [],
      }), now);
    }
  }
  const claimed = await tx.customer.update({ where: { id: customer.id }, data: { ownerId: caller.user.id, pooledAt: null, heldSince: now, reclaimNoticeAt: null, escalatedAt: null } });
  return (await refreshCadence(tx, playbook, claimed)).customer;
}
