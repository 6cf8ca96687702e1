import type { PrismaNamespace } from "../db/types.ts";
import type { Caller } from "../crm/caller.ts";
import { seesWholeTeam } from "../crm/roles.ts";

/** The customers a caller may see and change: their own, or the whole workspace's for directors. */
export function visibleCustomers(caller: Caller): PrismaNamespace.CustomerWhereInput {
  return seesWholeTeam(caller.user.role)
    ? { workspaceId: caller.workspace.id }
    : { workspaceId: caller.workspace.id, ownerId: caller.user.id, pooledAt: null };
}
