import { ACTIVITY_KINDS, findActivityKind } from "../../domain/channels.ts";
import { fail } from "../../errors.ts";
import { findCustomerWithTouches } from "../../customers/find-customer.ts";
import { cardColumns, replyFromCard } from "../../customers/customer-view.ts";
import { recordTouch } from "../../operations/index.ts";
import type { CommandHandler } from "../context.ts";

/** `log <ref> call|sms|visit|email|wechat|note <what happened>` */
export const log: CommandHandler = async (command, ctx) => {
  const { customer, touches } = await findCustomerWithTouches(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_channel", (m) => m.errors.missingChannel([...ACTIVITY_KINDS]));
  const kind = findActivityKind(word);
  if (!kind) fail("bad_channel", (m) => m.errors.badChannel(word, [...ACTIVITY_KINDS]));
  // The card is read with the customer's update, in the same statement.
  const { customer: updated, cadence, also } = await recordTouch(ctx, customer, { kind, note: command.restAfter(2), ...(touches ? { touches } : {}) }, cardColumns(ctx, customer, { touches: false }));
  const { m } = ctx.caller;
  return replyFromCard(ctx, updated, m.log.done(m.channels[kind], updated.number), also!, { cadence });
};
