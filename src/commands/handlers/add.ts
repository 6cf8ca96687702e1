import { DomainError, fail } from "../../errors.ts";
import type { Messages } from "../../i18n/messages.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { addForm, addFormRequired } from "../../customers/add-form.ts";
import { stageName } from "../../customers/playbook-terms.ts";
import { enforceNewCustomerPrerequisites } from "../../customers/stage-prerequisites.ts";
import { addCustomer, resolveClassification } from "../../operations/index.ts";
import { cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** `add <company> key=value…` files a new prospect owned by the caller; bare `add` offers the form. */
export const add: CommandHandler = async (command, ctx) => {
  const { m } = ctx.caller;
  if (command.words.length === 0 && command.pairs.length === 0) {
    const start = stageName(ctx.playbook, ctx.playbook.defaultStage, ctx.caller.locale);
    return cardReply(m.add.formIntro(addFormRequired(ctx), start), [addForm(ctx)]);
  }
  // A stage the new customer may not start at is reported with the other fields, in one reply.
  // (Only an open stage can have prerequisites: the playbook's checks refuse any other.)
  const input = readFieldInput(command.pairs, (stage, grade, force) => {
    enforceNewCustomerPrerequisites(ctx.playbook, ctx.caller, resolveClassification(ctx, null, stage, grade).stage, force);
  });
  const typedCompany = command.words.map((w) => w.value).join(" ").trim();
  if (typedCompany && input.fields.company) fail("company_twice", (m) => m.errors.companyTwice());
  const { fields, stage, grade, man, callLog, force } = input;
  // A playbook of individual buyers (4S): the name typed is the person, and so the contact; a
  // person given only as the contact (the form's buyer's name) is the customer's name too.
  const individual = ctx.playbook.individualBuyers;
  const person = individual && typedCompany && !fields.contact ? { contact: typedCompany } : {};
  const company = typedCompany || fields.company || (individual ? fields.contact ?? undefined : undefined);
  if (individual && !company) {
    const render = (m: Messages) => m.errors.required(m.add.buyerName());
    throw new DomainError("missing_company", render, { contact: render });
  }
  const { customer, cadence } = await addCustomer(ctx, {
    fields: { ...fields, ...person, ...(company ? { company } : {}) },
    ...(stage !== undefined ? { stage } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(man ? { man } : {}),
    ...(callLog ? { callLog } : {}),
    force,
  });
  return replyWithCustomer(ctx, customer, m.add.done(customer.number, customer.company), { cadence });
};
