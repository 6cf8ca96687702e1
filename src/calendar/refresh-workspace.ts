import type { Tx } from "../db/types.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

/**
 * Recomputes the stored due dates of every followed-up customer of a workspace, after its work
 * calendar changed: "who is due today" reads them, so they must follow the new calendar at once.
 * One customer at a time, inside the command's transaction — fine for a team's few thousand.
 */
export async function refreshWorkspaceCadence(tx: Tx, playbook: Playbook, workspaceId: string): Promise<number> {
  const customers = await tx.customer.findMany({ where: { workspaceId, nextDueAt: { not: null } }, orderBy: { number: "asc" } });
  for (const customer of customers) await refreshCadence(tx, playbook, customer);
  return customers.length;
}
