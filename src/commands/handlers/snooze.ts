import { fail } from "../../errors.ts";
import { refreshCadence } from "../../customers/cadence-store.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { formatDateTime } from "../../format/dates.ts";
import type { CommandHandler } from "../context.ts";

const HOUR = 3_600_000;
const MAX_DAYS = 90;
const UNITS: Record<string, number> = { h: HOUR, 小时: HOUR, d: 24 * HOUR, 天: 24 * HOUR, 日: 24 * HOUR, w: 168 * HOUR, 周: 168 * HOUR, 星期: 168 * HOUR };

/** `2d`, `12h`, `1w`, `3天`, `1周`; a bare number means days. */
export function parseDuration(raw: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(h|d|w|小时|天|日|周|星期)?$/i.exec(raw.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNITS[(match[2] ?? "d").toLowerCase()]!;
  return ms > 0 && ms <= MAX_DAYS * 24 * HOUR ? ms : null;
}

/** `snooze <ref> <duration>`: nothing on this customer is due before then. */
export const snooze: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const raw = command.words[1]?.value;
  if (!raw) fail("missing_duration", (m) => m.errors.badDuration("", MAX_DAYS));
  const ms = parseDuration(raw);
  if (ms === null) fail("bad_duration", (m) => m.errors.badDuration(raw, MAX_DAYS));
  const until = new Date(ctx.now.getTime() + ms);
  const snoozed = await ctx.tx.customer.update({ where: { id: customer.id }, data: { snoozedUntil: until } });
  const { customer: updated, cadence } = await refreshCadence(ctx.tx, ctx.playbook, snoozed);
  const { m, timeZone, locale } = ctx.caller;
  return replyWithCustomer(ctx, updated, m.snooze.done(updated.number, formatDateTime(until, timeZone, locale)), { cadence });
};
