import { companyKey } from "../../domain/customer-fields.ts";
import { fail } from "../../errors.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { refreshCadence } from "../../customers/cadence-store.ts";
import { lockWorkspace, refuseDuplicate } from "../../customers/duplicates.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { reclassify, resolveClassification } from "../../customers/reclassify.ts";
import type { CommandHandler } from "../context.ts";

/**
 * `edit <ref> key=value…`; `key=` clears a field. Stage and grade moves are recorded like
 * `stage`/`grade`, a `calllog=` is recorded as a call, a new company or mobile goes through the
 * duplicate check, and a rep who changes a filed record's filing fields sends it back to be filed again.
 */
export const edit: CommandHandler = async (command, ctx) => {
  const { tx, caller, now, playbook } = ctx;
  const customer = await findCustomer(ctx, command.words[0]?.value);
  if (command.pairs.length === 0) fail("nothing_to_edit", (m) => m.errors.nothingToEdit());
  const input = readFieldInput(command.pairs);
  const { m } = caller;
  if (input.stage !== undefined || input.grade !== undefined) {
    const target = resolveClassification(ctx, customer, input.stage, input.grade);
    const kind = playbook.stages.find((s) => s.id === target.stage)?.kind;
    if (kind === "lost" && target.stage !== customer.stage) fail("use_lost", (m) => m.errors.useLost(customer.number));
  }
  const newKey = input.fields.company ? companyKey(input.fields.company) : undefined;
  const newMobile = input.fields.mobile;
  if (!input.force && ((newKey && newKey !== customer.companyKey) || (newMobile && newMobile !== customer.mobile))) {
    await lockWorkspace(tx, caller.workspace.id);
    await refuseDuplicate(tx, caller.workspace.id, { ...(newKey ? { companyKey: newKey } : {}), mobile: newMobile ?? null }, customer.id);
  }
  const filingFields = new Set<string>(playbook.filing.required);
  const touchesFiling = Object.entries(input.fields).some(
    ([field, value]) => filingFields.has(field) && (value ?? null) !== (customer as Record<string, unknown>)[field],
  );
  const refile = touchesFiling && customer.filingStatus !== "none" && !seesWholeTeam(caller.user.role);
  let updated = await tx.customer.update({
    where: { id: customer.id },
    data: {
      ...input.fields,
      ...(newKey ? { companyKey: newKey } : {}),
      ...(input.man ? { manMoney: input.man.money, manAuthority: input.man.authority, manNeed: input.man.need } : {}),
      ...(refile ? { filingStatus: "none", filingNote: null } : {}),
    },
  });
  if (input.callLog) {
    await tx.activity.create({
      data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: caller.user.id, channel: "call", content: input.callLog, at: now },
    });
    updated = (await refreshCadence(tx, playbook, await tx.customer.update({ where: { id: customer.id }, data: { lastTouchAt: now } }))).customer;
  }
  const text = refile ? `${m.edit.done(updated.number)} ${m.edit.refile(updated.number)}` : m.edit.done(updated.number);
  if (input.stage !== undefined || input.grade !== undefined) {
    const target = resolveClassification(ctx, updated, input.stage, input.grade);
    const { customer: moved, cadence } = await reclassify(ctx, updated, target);
    return replyWithCustomer(ctx, moved, text, { cadence });
  }
  return replyWithCustomer(ctx, updated, text);
};
