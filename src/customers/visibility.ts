import type { Customer, PrismaNamespace } from "../db/types.ts";
import type { Caller } from "../crm/caller.ts";
import { seesWholeTeam } from "../crm/roles.ts";

/** The customers a caller may see and change: their own, or the whole workspace's for directors. */
export function visibleCustomers(caller: Caller): PrismaNamespace.CustomerWhereInput {
  return seesWholeTeam(caller.user.role)
    ? { workspaceId: caller.workspace.id }
    : { workspaceId: caller.workspace.id, ownerId: caller.user.id, pooledAt: null };
}

/** The same rule for a row already read (of the caller's workspace): no second statement to ask. */
export function isVisibleTo(caller: Caller, customer: Pick<Customer, "workspaceId" | "ownerId" | "pooledAt">): boolean {
  if (customer.workspaceId !== caller.workspace.id) return false;
  return seesWholeTeam(caller.user.role) || (customer.ownerId === caller.user.id && customer.pooledAt === null);
}
