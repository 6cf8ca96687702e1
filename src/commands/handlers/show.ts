import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import type { CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";

/** The card's title names the customer; the reply adds no second one. */
export const show: CommandHandler = async (command, ctx) => {
  refuseUnread(command, 1);
  const customer = await findCustomer(ctx, command.words[0]?.value);
  return replyWithCustomer(ctx, customer, "");
};
