import dayjs from "dayjs";
import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import type { Span } from "../parsing/span.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import type { Moved } from "./reclassify.ts";

export const MAX_SNOOZE_DAYS = 90;

/** Nothing on this customer is due before `now + span` (a month is a calendar month in the rep's zone). */
export async function snooze(ctx: OperationContext, customer: Customer, span: Span): Promise<Moved & { until: Date }> {
  assertMayChange(ctx.caller, customer);
  const until = dayjs(ctx.now).tz(ctx.caller.timeZone).add(span.count, span.unit).toDate();
  if (until.getTime() - ctx.now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) {
    fail("bad_duration", (m) => m.errors.spanTooLong(MAX_SNOOZE_DAYS));
  }
  const snoozed = await ctx.tx.customer.update({ where: { id: customer.id }, data: { snoozedUntil: until } });
  return { ...(await refreshCadence(ctx.tx, ctx.playbook, snoozed)), until };
}
