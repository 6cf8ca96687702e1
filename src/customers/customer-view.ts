import type { CommandContext } from "../commands/context.ts";
import type { Customer } from "../db/types.ts";
import type { CadenceResult } from "../playbook/cadence.ts";
import { cardReply, type Reply } from "../reply.ts";
import { cadenceOf } from "./cadence-store.ts";
import { customerCard } from "./customer-card.ts";
import { filingGaps } from "./filing.ts";

const RECENT_ACTIVITIES = 5;

/** Replies with `text` and the customer's full card, as every command that changes one does. */
export async function replyWithCustomer(
  ctx: CommandContext,
  customer: Customer,
  text: string,
  known: { cadence?: CadenceResult } = {},
): Promise<Reply> {
  const { tx, playbook } = ctx;
  const [owner, cadence, gaps, activities] = await Promise.all([
    tx.user.findUnique({ where: { id: customer.ownerId }, select: { displayName: true } }),
    known.cadence ?? cadenceOf(tx, playbook, customer),
    filingGaps(tx, playbook, customer),
    tx.activity.findMany({ where: { customerId: customer.id }, orderBy: { at: "desc" }, take: RECENT_ACTIVITIES }),
  ]);
  const view = { customer, ownerName: owner?.displayName ?? "?", cadence, gaps, activities };
  return cardReply(text, [customerCard(ctx, view)]);
}
