import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import type { CommandHandler } from "../context.ts";

export const show: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  return replyWithCustomer(ctx, customer, `#${customer.number} ${customer.company}`);
};
