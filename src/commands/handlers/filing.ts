import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { approveFiling, assertDirector, rejectFiling, submitFiling } from "../../operations/index.ts";
import type { CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";

/** `file <ref>`: submits the prospect to the director (备案). */
export const file: CommandHandler = async (command, ctx) => {
  refuseUnread(command, 1);
  const filed = await submitFiling(ctx, await findCustomer(ctx, command.words[0]?.value));
  return replyWithCustomer(ctx, filed, ctx.caller.m.filing.submitted(filed.number));
};

export const approve: CommandHandler = async (command, ctx) => {
  assertDirector(ctx.caller);
  refuseUnread(command, 1);
  const approved = await approveFiling(ctx, await findCustomer(ctx, command.words[0]?.value));
  return replyWithCustomer(ctx, approved, ctx.caller.m.filing.approved(approved.number));
};

/** `reject <ref> <why>`: the rep sees why and can file again. */
export const reject: CommandHandler = async (command, ctx) => {
  assertDirector(ctx.caller);
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const why = command.restAfter(1).trim();
  const rejected = await rejectFiling(ctx, customer, why);
  return replyWithCustomer(ctx, rejected, ctx.caller.m.filing.rejected(rejected.number, why));
};
