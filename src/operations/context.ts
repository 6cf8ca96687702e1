import type { Caller } from "../crm/caller.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import type { Customer, Tx } from "../db/types.ts";
import { fail } from "../errors.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

/**
 * What every customer operation runs with: the command's one transaction (so a refusal leaves
 * nothing written), the moment it happens, the playbook and who asked.
 */
export interface OperationContext {
  tx: Tx;
  now: Date;
  playbook: Playbook;
  caller: Caller;
}

/** Each operation checks for itself, whoever called it: a rep changes only their own customers. */
export function assertMayChange(caller: Caller, customer: Customer): void {
  if (customer.workspaceId !== caller.workspace.id) fail("other_workspace", (m) => m.errors.otherWorkspace());
  if (!seesWholeTeam(caller.user.role) && customer.ownerId !== caller.user.id) {
    fail("forbidden", (m) => m.errors.notYours(customer.number));
  }
  // Nobody works a pooled customer until someone takes it: its cadence and history stay still.
  if (customer.pooledAt) fail("in_pool", (m) => m.errors.inPool(customer.number));
}

export function assertDirector(caller: Caller): void {
  if (!seesWholeTeam(caller.user.role)) fail("forbidden", (m) => m.errors.directorsOnly());
}
