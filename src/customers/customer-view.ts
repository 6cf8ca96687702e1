import type { CommandContext } from "../commands/context.ts";
import type { Customer } from "../db/types.ts";
import type { CadenceResult } from "../playbook/cadence.ts";
import { cardReply, type Reply } from "../reply.ts";
import { cadenceOf } from "./cadence-store.ts";
import { customerCard } from "./customer-card.ts";
import { filingGaps } from "./filing.ts";

const RECENT_ACTIVITIES = 5;
const ORDERS_SHOWN = 20;

/** Replies with `text` and the customer's full card, as every command that changes one does. */
export async function replyWithCustomer(
  ctx: CommandContext,
  customer: Customer,
  text: string,
  known: { cadence?: CadenceResult } = {},
): Promise<Reply> {
  const { tx, playbook } = ctx;
  const [owner, cadence, gaps, activities, orders, ownerChanges] = await Promise.all([
    tx.user.findUnique({ where: { id: customer.ownerId }, select: { displayName: true } }),
    known.cadence ?? cadenceOf(tx, playbook, customer),
    filingGaps(tx, playbook, customer),
    tx.activity.findMany({ where: { customerId: customer.id }, orderBy: { at: "desc" }, take: RECENT_ACTIVITIES }),
    tx.order.findMany({ where: { customerId: customer.id }, orderBy: { at: "asc" }, take: ORDERS_SHOWN }),
    tx.ownerChange.findMany({ where: { customerId: customer.id }, orderBy: { at: "asc" } }),
  ]);
  const names = await ownerNames(ctx, ownerChanges.flatMap((c) => [c.fromOwnerId, c.toOwnerId]));
  const owners = ownerChanges.map((c) => ({ at: c.at, from: names(c.fromOwnerId), to: names(c.toOwnerId), reason: c.reason }));
  const view = { customer, ownerName: owner?.displayName ?? "?", cadence, gaps, activities, orders, owners };
  return cardReply(text, [customerCard(ctx, view)]);
}

/** Display names for the owner history; nobody (the shared pool) reads as "—". */
async function ownerNames(ctx: CommandContext, ids: (string | null)[]): Promise<(id: string | null) => string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = wanted.length ? await ctx.tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return (id) => (id === null ? "—" : (users.find((u) => u.id === id)?.displayName ?? "?"));
}
