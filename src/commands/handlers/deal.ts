import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { formatMoney } from "../../format/money.ts";
import { addOrder, lose, win } from "../../operations/index.ts";
import { parseAmount, readAmount } from "../../parsing/amount.ts";
import type { CommandHandler } from "../context.ts";
import { moved } from "./classify.ts";

/** `won <ref> [amount]`: the first order; the amount may be left for later. */
export const won: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const text = command.restAfter(1).trim();
  let amount: number | null = null;
  if (text) {
    const parsed = parseAmount(text);
    if (!parsed.ok) fail("bad_amount", (m) => m.errors.badAmount(parsed.unread, text));
    amount = parsed.value;
  }
  return moved(ctx, await win(ctx, customer, { amount }));
};

/** `order <ref> <amount> [note]`: a repeat order of a won customer. */
export const order: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const text = command.restAfter(1).trim();
  if (!text) fail("missing_amount", (m) => m.errors.missingAmount(customer.number));
  const read = readAmount(text);
  if (!read.ok) fail("bad_amount", (m) => m.errors.badAmount(read.unread, text));
  const { amount, rest } = read.value;
  const updated = await addOrder(ctx, customer, { amount, ...(rest ? { note: rest } : {}) });
  const { m, locale } = ctx.caller;
  return replyWithCustomer(ctx, updated, m.deal.orderAdded(updated.number, formatMoney(amount, locale)));
};

const CANCELLED = new Set(["cancelled", "canceled", "cancel", "退单", "撤单", "订单取消"]);
const CHURNED = new Set(["churned", "churn", "流失", "客户流失"]);

/**
 * `lost <ref> <reason>`. On a won customer the rep says which loss it is, first:
 * `lost #3 cancelled <reason>` (退单: the orders are void) or `lost #3 churned <reason>` (流失: they stand).
 */
export const lost: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const first = command.words[1]?.value.toLowerCase() ?? "";
  const wonStage = ctx.playbook.stages.find((s) => s.kind === "won")?.id;
  const afterWon = customer.stage !== wonStage ? undefined : CANCELLED.has(first) ? "cancelled" : CHURNED.has(first) ? "churned" : undefined;
  const reason = command.restAfter(afterWon ? 2 : 1);
  return moved(ctx, await lose(ctx, customer, { reason, ...(afterWon ? { afterWon } : {}) }));
};
