import { ACTIVITY_KINDS, findActivityKind } from "../../domain/channels.ts";
import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { recordTouch } from "../../operations/index.ts";
import type { CommandHandler } from "../context.ts";

/** `log <ref> call|sms|visit|email|wechat|note <what happened>` */
export const log: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_channel", (m) => m.errors.missingChannel([...ACTIVITY_KINDS]));
  const kind = findActivityKind(word);
  if (!kind) fail("bad_channel", (m) => m.errors.badChannel(word, [...ACTIVITY_KINDS]));
  const { customer: updated, cadence } = await recordTouch(ctx, customer, { kind, note: command.restAfter(2) });
  const { m } = ctx.caller;
  return replyWithCustomer(ctx, updated, m.log.done(m.channels[kind], updated.number), { cadence });
};
