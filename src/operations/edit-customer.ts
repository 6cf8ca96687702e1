import type { Customer } from "../db/types.ts";
import { companyKey } from "../domain/customer-fields.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { dueAnsweredByTouch } from "../customers/touch-due.ts";
import { lockWorkspace, refuseDuplicate } from "../customers/duplicates.ts";
import type { FieldInput } from "../customers/field-input.ts";
import { resolveClassification, stageKind } from "./classification.ts";
import { fail } from "../errors.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import type { NewCustomer } from "./add-customer.ts";
import { moveCustomer } from "./move.ts";
import type { Moved } from "./reclassify.ts";

/** What an edit may carry: the same as an add (`key=` clears a field; `force` skips the duplicate check). */
export type CustomerEdit = NewCustomer;

/**
 * Changes fields; a new company name or mobile goes through the duplicate check; a rep who
 * changes a filed record's filing fields sends it back to be filed again; a call log is
 * recorded as a call; a stage or grade is moved like `stage`/`grade` (won included).
 */
export async function editCustomer(
  ctx: OperationContext,
  customer: Customer,
  edit: CustomerEdit,
): Promise<{ moved: Partial<Moved> & { customer: Customer }; refiled: boolean }> {
  assertMayChange(ctx.caller, customer);
  const { tx, caller, now, playbook } = ctx;
  const moving = edit.stage !== undefined || edit.grade !== undefined;
  // Checked before anything is written, so a bad stage leaves the fields as they were too.
  const target = moving ? resolveClassification(ctx, customer, edit.stage, edit.grade) : undefined;
  if (target && stageKind(playbook, target.stage) === "lost" && target.stage !== customer.stage) {
    fail("use_lost", (m) => m.errors.useLost(customer.number));
  }
  const newKey = edit.fields.company ? companyKey(edit.fields.company) : undefined;
  const newMobile = edit.fields.mobile;
  if (!edit.force && ((newKey && newKey !== customer.companyKey) || (newMobile && newMobile !== customer.mobile))) {
    await lockWorkspace(tx, caller.workspace.id);
    await refuseDuplicate(tx, caller.workspace.id, { ...(newKey ? { companyKey: newKey } : {}), mobile: newMobile ?? null }, customer.id);
  }
  const filingFields = new Set<string>(playbook.filing.required);
  const touchesFiling = Object.entries(edit.fields).some(
    ([field, value]) => filingFields.has(field) && (value ?? null) !== (customer as Record<string, unknown>)[field],
  );
  const refiled = touchesFiling && customer.filingStatus !== "none" && !seesWholeTeam(caller.user.role);
  let updated = await tx.customer.update({
    where: { id: customer.id },
    data: {
      ...edit.fields,
      ...(newKey ? { companyKey: newKey } : {}),
      ...(edit.man ? { manMoney: edit.man.money, manAuthority: edit.man.authority, manNeed: edit.man.need } : {}),
      ...(refiled ? { filingStatus: "none", filingNote: null } : {}),
      ...(edit.callLog ? { lastTouchAt: now } : {}),
    },
  });
  if (edit.callLog) {
    const answered = await dueAnsweredByTouch(tx, playbook, customer, "call", now);
    await tx.activity.create({
      data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: caller.user.id, channel: "call", content: edit.callLog, at: now, ...answered },
    });
  }
  if (target) return { moved: await moveCustomer(ctx, updated, target, { force: edit.force ?? false }), refiled };
  if (edit.callLog) return { moved: await refreshCadence(tx, playbook, updated), refiled };
  return { moved: { customer: updated }, refiled };
}
