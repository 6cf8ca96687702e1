import { companyKey } from "../../domain/customer-fields.ts";
import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { reclassify, resolveClassification } from "../../customers/reclassify.ts";
import type { CommandHandler } from "../context.ts";

/** `edit <ref> key=value…`; `key=` clears a field. Stage and grade moves are recorded like `stage`/`grade`. */
export const edit: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  if (command.pairs.length === 0) fail("nothing_to_edit", (m) => m.errors.nothingToEdit());
  const input = readFieldInput(command.pairs);
  const { m } = ctx.caller;
  if (input.stage !== undefined || input.grade !== undefined) {
    const target = resolveClassification(ctx, customer, input.stage, input.grade);
    const kind = ctx.playbook.stages.find((s) => s.id === target.stage)?.kind;
    if (kind === "lost" && target.stage !== customer.stage) fail("use_lost", (m) => m.errors.useLost(customer.number));
  }
  const updated = await ctx.tx.customer.update({
    where: { id: customer.id },
    data: {
      ...input.fields,
      ...(input.fields.company ? { companyKey: companyKey(input.fields.company) } : {}),
      ...(input.man ? { manMoney: input.man.money, manAuthority: input.man.authority, manNeed: input.man.need } : {}),
    },
  });
  if (input.stage !== undefined || input.grade !== undefined) {
    const target = resolveClassification(ctx, updated, input.stage, input.grade);
    const { customer: moved, cadence } = await reclassify(ctx, updated, target);
    return replyWithCustomer(ctx, moved, m.edit.done(moved.number), { cadence });
  }
  return replyWithCustomer(ctx, updated, m.edit.done(updated.number));
};
