import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { formatDateTime } from "../../format/dates.ts";
import { MAX_SNOOZE_DAYS, snooze as snoozeCustomer } from "../../operations/index.ts";
import { parseSpan } from "../../parsing/span.ts";
import type { CommandHandler } from "../context.ts";

/** `snooze <ref> <span>`: nothing on this customer is due before then. */
export const snooze: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const text = command.restAfter(1).trim();
  if (!text) fail("missing_duration", (m) => m.errors.badDuration("", "", MAX_SNOOZE_DAYS));
  const span = parseSpan(text);
  if (!span.ok) fail("bad_duration", (m) => m.errors.badDuration(span.unread, text, MAX_SNOOZE_DAYS));
  const { customer: updated, cadence, until } = await snoozeCustomer(ctx, customer, span.value);
  const { m, timeZone, locale } = ctx.caller;
  return replyWithCustomer(ctx, updated, m.snooze.done(updated.number, formatDateTime(until, timeZone, locale)), { cadence });
};
