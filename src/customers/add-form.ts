import type { CommandContext } from "../commands/context.ts";
import { CUSTOMER_FIELDS } from "../domain/customer-fields.ts";
import { card, type Card } from "../reply.ts";

/** The filing form `add` offers when called bare; required fields come from the playbook. */
export function addForm(ctx: CommandContext): Card {
  const { m } = ctx.caller;
  const required = new Set<string>(["company", ...ctx.playbook.filing.required]);
  const inputs = [...CUSTOMER_FIELDS, "calllog" as const].map((key) => ({
    key,
    label: m.fields[key],
    // Only the company is needed to create the record; the rest is needed to file it.
    required: key === "company",
    multiline: key === "note" || key === "address" || key === "calllog",
    placeholder: required.has(key) || key === "calllog" ? m.add.neededForFiling() : m.expect[key],
  }));
  return card(m.add.formTitle(), {
    actions: [{ kind: "form", label: m.add.formTitle(), form: { title: m.add.formTitle(), command: "add", submitLabel: m.add.submit(), inputs } }],
  });
}
