import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { enforcePrerequisites } from "../../customers/stage-prerequisites.ts";
import { editCustomer, resolveClassification } from "../../operations/index.ts";
import type { CommandHandler } from "../context.ts";

/** `edit <ref> key=value…`; `key=` clears a field. */
export const edit: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  if (command.pairs.length === 0) fail("nothing_to_edit", (m) => m.errors.nothingToEdit());
  if (command.words.length > 1) fail("usage", (m) => m.errors.unreadWords(command.words.slice(1).map((w) => w.value).join(" ")));
  // A stage the customer may not enter is reported with the other fields, in one reply.
  // (Only an open stage can have prerequisites: the playbook's checks refuse any other.)
  const { fields, stage, grade, man, callLog, force } = readFieldInput(command.pairs, (s, g, f) => {
    enforcePrerequisites(ctx.playbook, ctx.caller, customer, resolveClassification(ctx, customer, s, g).stage, f);
  });
  const { moved, refiled } = await editCustomer(ctx, customer, {
    fields,
    ...(stage !== undefined ? { stage } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(man ? { man } : {}),
    ...(callLog ? { callLog } : {}),
    force,
  });
  const { m } = ctx.caller;
  const n = moved.customer.number;
  const text = refiled ? `${m.edit.done(n)} ${m.edit.refile(n)}` : m.edit.done(n);
  return replyWithCustomer(ctx, moved.customer, text, moved.cadence ? { cadence: moved.cadence } : {});
};
