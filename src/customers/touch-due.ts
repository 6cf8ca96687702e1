import type { Customer, Tx } from "../db/types.ts";
import { isTouchChannel, type ActivityKind } from "../domain/channels.ts";
import { dueAnsweredBy, type ChannelTouches } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { cadenceFrom, cadenceOf } from "./cadence-store.ts";

/**
 * What an activity about to be recorded answers, read before it is written: the due date and
 * overdue moment it settles, stored on the activity so cadence compliance ("share of due touches
 * done on time") can be counted later without replaying the cadence of the past.
 */
export async function dueAnsweredByTouch(
  tx: Tx,
  playbook: Playbook,
  customer: Customer,
  kind: ActivityKind,
  at: Date,
  /** The customer's touches, when already read with it. */
  touches?: ChannelTouches[],
): Promise<{ dueAt: Date | null; overdueAt: Date | null }> {
  // Nothing is due at all (a lost customer, a stage without cadence): no statement needed.
  if (!isTouchChannel(kind) || customer.nextDueAt === null || customer.nextDueAt > at) return { dueAt: null, overdueAt: null };
  const cadence = touches ? cadenceFrom(playbook, customer, touches) : await cadenceOf(tx, playbook, customer);
  const due = dueAnsweredBy(playbook, cadence, kind, at);
  return { dueAt: due?.dueAt ?? null, overdueAt: due?.overdueAt ?? null };
}
