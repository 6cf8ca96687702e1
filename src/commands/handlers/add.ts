import { fail } from "../../errors.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { addForm } from "../../customers/add-form.ts";
import { enforceNewCustomerPrerequisites } from "../../customers/stage-prerequisites.ts";
import { addCustomer, resolveClassification, stageKind } from "../../operations/index.ts";
import { cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** `add <company> key=value…` files a new prospect owned by the caller; bare `add` offers the form. */
export const add: CommandHandler = async (command, ctx) => {
  const { m } = ctx.caller;
  if (command.words.length === 0 && command.pairs.length === 0) {
    return cardReply(m.add.formIntro(), [addForm(ctx)]);
  }
  // A stage the new customer may not start at is reported with the other fields, in one reply.
  const input = readFieldInput(command.pairs, (stage, grade, force) => {
    const klass = resolveClassification(ctx, null, stage, grade);
    if (stageKind(ctx.playbook, klass.stage) === "open") enforceNewCustomerPrerequisites(ctx.playbook, ctx.caller, klass.stage, force);
  });
  const typedCompany = command.words.map((w) => w.value).join(" ").trim();
  if (typedCompany && input.fields.company) fail("company_twice", (m) => m.errors.companyTwice());
  const { fields, stage, grade, man, callLog, force } = input;
  // A playbook of individual buyers (4S): the name typed is the person, and so the contact.
  const person = ctx.playbook.individualBuyers && typedCompany && !fields.contact ? { contact: typedCompany } : {};
  const { customer, cadence } = await addCustomer(ctx, {
    fields: { ...fields, ...person, ...(typedCompany ? { company: typedCompany } : {}) },
    ...(stage !== undefined ? { stage } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(man ? { man } : {}),
    ...(callLog ? { callLog } : {}),
    force,
  });
  return replyWithCustomer(ctx, customer, m.add.done(customer.number, customer.company), { cadence });
};
