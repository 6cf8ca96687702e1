import type { CommandContext } from "../commands/context.ts";
import { CUSTOMER_FIELDS, type CustomerField } from "../domain/customer-fields.ts";
import { card, type Card, type FormInput } from "../reply.ts";
import { stageName } from "./playbook-terms.ts";

/**
 * The form `add` offers when called bare, as the playbook has it: the one field needed to add
 * a customer is required, the fields its filing needs say so. A playbook of companies needs the
 * company; one of individual buyers (4S: `add 王先生 手机=…`) needs the buyer's name, and the
 * company only when a company buys.
 */
export function addForm(ctx: CommandContext): Card {
  const { m, locale } = ctx.caller;
  const { playbook } = ctx;
  const individual = playbook.individualBuyers;
  const key: CustomerField = individual ? "contact" : "company";
  const filing = new Set<string>(playbook.filing.required);
  const order: (CustomerField | "calllog")[] = individual
    ? ["contact", "mobile", "company", ...CUSTOMER_FIELDS.filter((f) => f !== "contact" && f !== "mobile" && f !== "company"), "calllog"]
    : [...CUSTOMER_FIELDS, "calllog"];
  const inputs: FormInput[] = order.map((field) => ({
    key: field,
    label: individual && field === "contact" ? m.add.buyerName() : m.fields[field],
    required: field === key,
    multiline: field === "note" || field === "address" || field === "calllog",
    placeholder:
      field === key ? m.expect[field]
      : individual && field === "company" ? m.add.companyIfBuyer()
      : filing.has(field) || field === "calllog" ? m.add.neededForFiling()
      : m.expect[field],
  }));
  const title = m.add.formTitle(stageName(playbook, playbook.defaultStage, locale));
  return card(title, {
    actions: [{ kind: "form", label: title, form: { title, command: "add", submitLabel: m.add.submit(), inputs } }],
  });
}

/** What the form's introduction names as the one thing needed. */
export function addFormRequired(ctx: CommandContext): string {
  const { m } = ctx.caller;
  return ctx.playbook.individualBuyers ? m.add.buyerName() : m.fields.company;
}
