import type { Caller } from "../crm/caller.ts";
import type { Tx } from "../db/types.ts";
import { TOUCH_CHANNELS } from "../domain/channels.ts";
import { CUSTOMER_FIELDS } from "../domain/customer-fields.ts";
import { formatDate } from "../format/dates.ts";
import type { PrismaNamespace } from "../db/types.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { lostReasonLabel, stageName } from "../customers/playbook-terms.ts";

export interface ExportTable {
  header: string[];
  rows: string[][];
}

/**
 * The customers in scope as a table in the reader's language: the filing fields under the
 * same headers an import reads (so an export imports back as all duplicates), then stage,
 * owner and what an import does not write (number, orders and their total, last touch, next
 * due, created).
 */
export async function exportTable(tx: Tx, playbook: Playbook, caller: Caller, where: PrismaNamespace.CustomerWhereInput): Promise<ExportTable> {
  const { m, timeZone, locale } = caller;
  const customers = await tx.customer.findMany({
    where,
    orderBy: { number: "asc" },
    include: { owner: { select: { displayName: true } } },
  });
  const touches = await tx.activity.groupBy({
    by: ["customerId"],
    where: { workspaceId: caller.workspace.id, channel: { in: [...TOUCH_CHANNELS] }, customerId: { in: customers.map((c) => c.id) } },
    _max: { at: true },
  });
  const lastTouch = new Map(touches.map((t) => [t.customerId, t._max.at]));
  // Orders of deals that fell through are not the customer's any more.
  const orders = await tx.order.groupBy({
    by: ["customerId"],
    where: { workspaceId: caller.workspace.id, cancelledAt: null, customerId: { in: customers.map((c) => c.id) } },
    _count: { _all: true },
    _sum: { amount: true },
  });
  const ordersOf = new Map(orders.map((o) => [o.customerId, o]));
  const date = (d: Date | null | undefined) => (d ? formatDate(d, timeZone, locale) : "");
  const h = m.transfer.exportHeaders;
  const header = [
    h.number, ...CUSTOMER_FIELDS.map((f) => m.fields[f]), m.fields.stage, m.fields.grade, m.fields.man, m.fields.owner,
    m.fields.filing, m.fields.lostReason, h.orders, h.orderTotal, h.lastTouch, h.nextDue, h.created,
  ];
  const rows = customers.map((c) => {
    const last = [c.lastTouchAt, lastTouch.get(c.id)].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
    const man = `${c.manMoney ? "M" : ""}${c.manAuthority ? "A" : ""}${c.manNeed ? "N" : ""}`;
    return [
      `#${c.number}`, ...CUSTOMER_FIELDS.map((f) => c[f] ?? ""), stageName(playbook, c.stage, locale), c.grade ?? "", man,
      c.owner.displayName, m.filingStatus(c.filingStatus, c.filingNote),
      c.lostReason ? lostReasonLabel(playbook, c.lostReason, locale) : "",
      String(ordersOf.get(c.id)?._count._all ?? 0), ordersOf.get(c.id)?._sum.amount?.toFixed(2) ?? "",
      date(last), date(c.nextDueAt), date(c.createdAt),
    ];
  });
  return { header, rows };
}
