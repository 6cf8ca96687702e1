import type { Caller } from "../crm/caller.ts";
import { card, type Card, type Reply } from "../reply.ts";
import type { ImportPlan } from "./plan-import.ts";
import type { Table } from "./read-table.ts";
import { PENDING_IMPORT_TTL_MS } from "./limits.ts";

/** How many lines of each list a chat message shows; the counts are always complete. */
const SHOWN = 15;

/** The dry run as a card: counts first, then each list, then the confirm button. */
export function renderPlan(caller: Caller, fileName: string, table: Table, plan: ImportPlan, pendingId: string | undefined): Reply {
  const { m } = caller;
  const t = m.transfer.import;
  const sections: Card["sections"] = [];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    const shown = items.slice(0, SHOWN);
    if (items.length > SHOWN) shown.push(t.more(items.length - SHOWN));
    sections.push({ title, items: shown });
  };
  list(t.toCreate(plan.toCreate.length), plan.toCreate.map((r) => t.createLine(r.line, r.customer.fields.company, r.owner)));
  list(t.duplicates(plan.duplicates.length), plan.duplicates.map((d) =>
    d.of.kind === "file" ? t.duplicateOfLine(d.line, d.company, d.of.line) : t.duplicateOfCustomer(d.line, d.company, d.of.number, d.of.owner, d.of.byMobile),
  ));
  list(t.invalid(plan.invalid.length), plan.invalid.map((r) => t.invalidLine(r.line, r.problems.map((p) => p.why(m)).join(" "))));
  if (plan.unknownOwners.length) sections.push({ title: t.unknownOwners(), items: [plan.unknownOwners.join(", ")] });
  if (plan.unknownColumns.length) sections.push({ title: t.unknownColumns(), items: [plan.unknownColumns.join(", ")] });
  if (plan.ignoredColumns.length) sections.push({ title: t.ignoredColumns(), items: [plan.ignoredColumns.join(", ")] });

  const count = plan.toCreate.length;
  const summary = t.summary(fileName, table.rows.length, count, plan.duplicates.length, plan.invalid.length);
  const confirm = pendingId ? `import confirm ${pendingId}` : undefined;
  const result = card(t.title(fileName), {
    subtitle: t.read(table.format, table.encoding),
    fields: [{ label: t.columns(), value: table.header.filter((h) => h && !plan.unknownColumns.includes(h) && !plan.ignoredColumns.includes(h)).join(", ") }],
    sections,
    actions: confirm
      ? [
          { kind: "run", label: t.confirmLabel(count), command: confirm, style: "primary" },
          { kind: "run", label: t.cancelLabel(), command: `import cancel ${pendingId}` },
        ]
      : [],
    footer: confirm ? t.footer(PENDING_IMPORT_TTL_MS / 3_600_000) : t.nothingToCreate(),
  });
  return { ok: true, ephemeral: true, text: summary, cards: [result], ...(confirm ? { confirm } : {}) };
}
